//! What the benchmarks share: the generator's files, the fixed day, the
//! sizes asked for.
#![allow(dead_code)]

use chrono::NaiveDate;
use giaoban::store::Store;
use std::path::{Path, PathBuf};

/// The day the generated history ends.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// `GIAOBAN_BENCH_QUICK=1` (CI): one year, a few samples, to prove the
/// benchmark runs.
pub fn quick() -> bool {
    std::env::var("GIAOBAN_BENCH_QUICK").as_deref() == Ok("1")
}

/// The years of history to run on: `GIAOBAN_BENCH_YEARS` (default `1,10`;
/// `100` is about half a million tasks), one year in quick mode.
pub fn years() -> Vec<u32> {
    if quick() {
        return vec![1];
    }
    std::env::var("GIAOBAN_BENCH_YEARS")
        .unwrap_or_else(|_| "1,10".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// The generated file of `years` years in `target/bench-data/`, made on
/// first use (`giaoban demo --years N` writes the same) and kept.
pub fn data(years: u32) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("y{years}.db"));
    if !path.exists() {
        eprintln!("making {} ({years} years)…", path.display());
        let tmp = dir.join(format!("y{years}.db.part"));
        let _ = std::fs::remove_file(&tmp);
        let mut store = Store::open(&tmp).unwrap();
        giaoban::demo::bulk::fill_years(&mut store, today(), years, giaoban::demo::bulk::DEFAULT_SEED, false).unwrap();
        drop(store);
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("y{years}.db.part{side}")));
        }
        std::fs::rename(&tmp, &path).unwrap();
    }
    // A file made by an earlier build is brought to this schema once, here,
    // not inside what is measured.
    drop(Store::open(&path).unwrap());
    path
}

/// The sample at fraction `p` (0.5: the median) of sorted samples.
pub fn percentile<T: Copy>(sorted: &[T], p: f64) -> T {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Milliseconds, two decimals.
pub fn ms(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}
