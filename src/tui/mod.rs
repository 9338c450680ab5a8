//! The full-screen interface.

use crate::config::Config;
use crate::store::Store;
use chrono::NaiveDate;

pub fn run(_store: Store, _today: NaiveDate, _config: Config) -> anyhow::Result<()> {
    println!("{}", crate::i18n::t("tui.not_yet"));
    Ok(())
}
