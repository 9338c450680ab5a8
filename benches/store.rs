//! Speed of what a user waits for, on the generator's files of two sizes
//! (`giaoban demo --years 1` and `--years 10`, made once in
//! `target/bench-data/`). Run with `cargo bench --bench store`; figures are
//! recorded in docs/BENCHMARKS.md.

#[path = "common/mod.rs"]
mod common;

use chrono::Duration;
use common::today;
use giaoban::config::Config;
use giaoban::domain::{TaskKind, TaskStatus};
use giaoban::store::{Store, TaskFilter};

fn main() {
    divan::main();
}

/// The generator's file (`giaoban demo --years N`) of `years` years; in
/// quick mode (CI) one year for either size, to prove the benchmarks build
/// and run, not to time anything.
fn data(years: usize) -> std::path::PathBuf {
    common::data(if common::quick() { 1 } else { years as u32 })
}

fn open(years: usize) -> Store {
    Store::open(&data(years)).unwrap()
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn status(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| store.status_report(today(), None).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn farmers_board(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    let hnd = store.resolve_organization("HND").unwrap().id;
    let filter = TaskFilter {
        lead_org_id: Some(hnd),
        exclude_kind: Some(TaskKind::Common),
        include_finished: true,
        statuses: vec![TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Blocked, TaskStatus::Done],
        done_since: Some(today() - Duration::days(7)),
        ..Default::default()
    };
    bencher.bench_local(|| store.tasks(&filter, today()).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn search_accent_free(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| store.search("vi nguoi ngheo", &[], 100).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn carry_over(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    let next = store.next_meeting(today()).unwrap().unwrap();
    bencher.bench_local(|| store.carried_over(&next, today()).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 10)]
fn tui_first_frame(bencher: divan::Bencher, years: usize) {
    let path = data(years);
    bencher.bench_local(|| {
        let store = Store::open(&path).unwrap();
        let app = giaoban::tui::build_app(store, today(), &Config::default()).unwrap();
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| giaoban::tui::frame::draw(f, &app)).unwrap();
    });
}

/// Tổng quan's first visit: the month's report figures, targets, oldest
/// items and the weeks of the trend it loads.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn overview_month(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| {
        giaoban::ops::overview::Overview::load(
            &store,
            giaoban::ops::period::Period::Month,
            today(),
            giaoban::tui::views::overview::WEEKS,
        )
        .unwrap()
    });
}
