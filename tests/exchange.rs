//! Data in and out: the JSON export restores byte for byte, merges without
//! duplicating, and refuses what it cannot take; the task list goes out as
//! a spreadsheet and comes back.

mod common;

use giaoban::exchange::{self, ImportError, JsonImported};
use giaoban::ops::{execute, Intent};
use giaoban::store::Store;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn fresh(dir: &std::path::Path, name: &str) -> Store {
    let mut s = Store::open(&dir.join(name)).unwrap();
    s.set_clock(giaoban::clock::Clock::fixed(today().and_hms_opt(9, 0, 0).unwrap()));
    s
}

/// One number from the file at `path`, read beside the store.
fn count(path: &std::path::Path, sql: &str) -> i64 {
    rusqlite::Connection::open(path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn demo_file(dir: &std::path::Path, name: &str) -> Store {
    let mut s = fresh(dir, name);
    giaoban::demo::fill(&mut s, today(), false).unwrap();
    s
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_file(dir.path(), "a.db");
    let first = exchange::export_json(&a).unwrap();
    let mut b = fresh(dir.path(), "b.db");
    let restored = exchange::import_json(&mut b, &first, false).unwrap();
    assert!(matches!(restored, JsonImported::Restored(n) if n > 1000), "{restored:?}");
    let second = exchange::export_json(&b).unwrap();
    assert!(first == second, "the second export differs from the first");
    // History came along: a task's history reads the same.
    let id = count(&dir.path().join("a.db"), "SELECT MAX(id) FROM tasks");
    assert_eq!(a.history("tasks", id).unwrap(), b.history("tasks", id).unwrap());
    // And the restored file is whole: the search finds without diacritics,
    // the weekly trend is the original's, its figures by day in step.
    assert!(!b.search("dai doan ket", &[], 5).unwrap().is_empty());
    let weeks: Vec<_> = (0..12).map(|k| (today() - chrono::Duration::weeks(k), today())).collect();
    assert_eq!(a.weekly_counts(&weeks).unwrap(), b.weekly_counts(&weeks).unwrap());
    assert!(a.weekly_counts(&weeks).unwrap().iter().any(|w| w.completed > 0 && w.overdue > 0));
    let days_ok = giaoban::i18n::t("doctor.days_ok");
    assert!(b.doctor(false).unwrap().iter().any(|f| f.text == days_ok));
}

#[test]
fn a_database_with_data_takes_an_export_only_as_a_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = demo_file(dir.path(), "a.db");
    let export = exchange::export_json(&a).unwrap();
    let before = exchange::export_json(&a).unwrap();
    let refused = exchange::import_json(&mut a, &export, false);
    assert!(matches!(refused, Err(ImportError::Refused(_))));
    assert!(exchange::export_json(&a).unwrap() == before, "a refused import changes nothing");
}

#[test]
fn merging_adds_what_is_missing_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = demo_file(dir.path(), "office.db");
    let office_db = dir.path().join("office.db");
    // A copy goes to the laptop; each side adds a task afterwards.
    let mut laptop = fresh(dir.path(), "laptop.db");
    exchange::import_json(&mut laptop, &exchange::export_json(&office).unwrap(), false).unwrap();
    let hnd = laptop.resolve_organization("HND").unwrap().id;
    let hlhpn = laptop.resolve_organization("HLHPN").unwrap().id;
    let mut task =
        giaoban::domain::Task::new("Khảo sát mô hình trồng chè VietGAP", hnd, giaoban::domain::TaskKind::Specific);
    task.with_org_ids = vec![hlhpn];
    task.deadline = Some(today() + chrono::Duration::days(20));
    let changes = execute(
        &mut laptop,
        Intent::AddTask {
            task,
            board: giaoban::ops::Board::Org(hnd),
            kind_given: true,
            first_note: Some("Đã liên hệ 3 hộ".into()),
        },
    )
    .unwrap();
    let laptop_task = changes.created_id().unwrap();
    let office_only = giaoban::domain::Task::new("Rà soát hộ cận nghèo", hnd, giaoban::domain::TaskKind::Specific);
    let _ = execute(
        &mut office,
        Intent::AddTask { task: office_only, board: giaoban::ops::Board::Org(hnd), kind_given: true, first_note: None },
    )
    .unwrap();
    let tasks_before = count(&office_db, "SELECT COUNT(*) FROM tasks");

    let export = exchange::export_json(&laptop).unwrap();
    let merged = exchange::import_json(&mut office, &export, true).unwrap();
    let JsonImported::Merged(report) = merged else { panic!("a merge") };
    let added = |t: &str| report.added.iter().find(|(n, _)| n == t).map(|(_, n)| *n).unwrap_or(0);
    assert_eq!(added("tasks"), 1, "{report:?}");
    assert_eq!(added("task_notes"), 1, "{report:?}");
    assert_eq!(added("meetings") + added("organizations") + added("people"), 0, "{report:?}");
    assert_eq!(count(&office_db, "SELECT COUNT(*) FROM tasks"), tasks_before + 1);
    // The merged task keeps its partner, its note and its identity.
    let uid: String = rusqlite::Connection::open(dir.path().join("laptop.db"))
        .unwrap()
        .query_row("SELECT uid FROM tasks WHERE id = ?1", [laptop_task], |r| r.get(0))
        .unwrap();
    let here: i64 = rusqlite::Connection::open(&office_db)
        .unwrap()
        .query_row("SELECT id FROM tasks WHERE uid = ?1", [&uid], |r| r.get(0))
        .unwrap();
    let t = office.task(here).unwrap();
    assert_eq!(t.title, "Khảo sát mô hình trồng chè VietGAP");
    assert_eq!(t.with_org_ids, vec![office.resolve_organization("HLHPN").unwrap().id]);
    assert_eq!(office.task_notes(here).unwrap().len(), 1);
    // Merging the same file again adds nothing.
    let again = exchange::import_json(&mut office, &export, true).unwrap();
    let JsonImported::Merged(again) = again else { panic!("a merge") };
    assert_eq!(again.added.iter().map(|(_, n)| n).sum::<usize>(), 0, "{again:?}");
    assert_eq!(count(&office_db, "SELECT COUNT(*) FROM tasks"), tasks_before + 1);
    // A merge is one action: undone in one step.
    let _ = execute(&mut office, Intent::Undo { scope: giaoban::store::UndoScope::Account }).unwrap();
    assert!(office.task(here).is_err(), "one undo removes the merged task");
    assert_eq!(count(&office_db, "SELECT COUNT(*) FROM tasks"), tasks_before);
    let days_ok = giaoban::i18n::t("doctor.days_ok");
    assert!(office.doctor(false).unwrap().iter().any(|f| f.text == days_ok), "the figures by day follow undo");
}

#[test]
fn foreign_damaged_and_newer_files_are_refused_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let a = common::demo_on(today());
    let good = String::from_utf8(exchange::export_json(&a).unwrap()).unwrap();
    let mut b = fresh(dir.path(), "b.db");
    let before = exchange::export_json(&b).unwrap();
    let newer = good.replacen(
        &format!("\"schema\": {}", giaoban::store::SCHEMA_VERSION),
        &format!("\"schema\": {}", giaoban::store::SCHEMA_VERSION + 1),
        1,
    );
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), "không phải bản xuất"),
        (br#"{"name": "something else"}"#.to_vec(), "không phải bản xuất"),
        (good.as_bytes()[..good.len() / 2].to_vec(), "bị hỏng"),
        (newer.into_bytes(), "mới hơn"),
        (good.replacen("\"rows\": [", "\"rows\": [[1],", 1).into_bytes(), "bị hỏng"),
    ];
    for (bytes, says) in cases {
        match exchange::import_json(&mut b, &bytes, false) {
            Err(ImportError::Refused(m)) => {
                assert!(m.contains(says) && !m.contains('\n'), "{m}");
            }
            other => panic!("refused expected, got {other:?}"),
        }
    }
    assert!(exchange::export_json(&b).unwrap() == before, "refusals change nothing");
}

fn cmd(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("giaoban")
        .unwrap()
        .env_remove("GIAOBAN_LANG")
        .env("GIAOBAN_CONFIG", db.with_extension("toml"))
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap()
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// A task list as an office keeps it: a title block, Vietnamese headers
/// (one without diacritics), dates as Excel dates, serial numbers and text.
fn office_sheet(path: &std::path::Path, rows: &[[&str; 6]]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Theo dõi").unwrap();
    s.write(0, 0, "KHỐI MTTQ VÀ CÁC ĐOÀN THỂ HUYỆN HẢI HÀ").unwrap();
    s.write(1, 0, "DANH SÁCH NHIỆM VỤ NĂM 2026").unwrap();
    for (c, h) in ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Han hoan thanh", "Trạng thái"]
        .iter()
        .enumerate()
    {
        s.write(3, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        s.write(r, 0, (r - 3) as f64).unwrap();
        for (c, v) in row.iter().enumerate().skip(1) {
            if c == 4 {
                if let Ok(serial) = v.parse::<f64>() {
                    s.write(r, 4, serial).unwrap();
                    continue;
                }
            }
            if !v.is_empty() {
                s.write(r, c as u16, *v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_spreadsheet_imports_with_every_problem_by_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    drop(fresh(dir.path(), "g.db"));
    let file = dir.path().join("nhiem-vu.xlsx");
    office_sheet(
        &file,
        &[
            [
                "",
                "Vận động hội viên tham gia bảo hiểm y tế",
                "Hội Nông dân",
                "HLHPN, phu nu",
                "46357",
                "Đang thực hiện",
            ],
            ["", "Tập huấn chuyển đổi số", "DTN", "", "15/12/2026", "Chưa thực hiện"],
            ["", "Sơ kết 6 tháng", "Hội Kiến trúc sư", "", "31/02/2026", "Đã hoàn thành"],
            ["", "", "HND", "", "", ""],
            ["", "Rà soát hộ nghèo", "MTTQ", "", "20/12/2026", "tạm dừng"],
        ],
    );
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap(), "--dry-run"]);
    let text = out(&o);
    assert!(o.status.success(), "{text}");
    for line in [
        "Trang “Theo dõi”, dòng tiêu đề 4 (xlsx), 5 dòng dữ liệu.",
        "Sẽ tạo 2 việc, sửa 0 việc, 0 việc không đổi; 3 dòng có lỗi.",
        "Dòng 8, cột Tên công việc (B): Tiêu đề không được để trống.",
        "Dòng 7, cột Đơn vị chủ trì (C): không có tổ chức “Hội Kiến trúc sư”.",
        "Dòng 7, cột Hạn hoàn thành (E): ngày “31/02/2026” không hợp lệ (dd/mm/yyyy).",
        "Dòng 8, cột Tên công việc (B):",
        "Dòng 9, cột Trạng thái (F):",
    ] {
        assert!(text.contains(line), "“{line}” missing:\n{text}");
    }
    // With invalid rows, nothing is imported.
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("3 dòng có lỗi nên không nhập gì"), "{}", out(&o));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM tasks"), 0);
    // --skip-invalid takes the valid ones, in one transaction.
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap(), "--skip-invalid"]);
    assert!(o.status.success(), "{}", out(&o));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM tasks"), 2);
    let store = Store::open_read_only(&db).unwrap();
    let tasks =
        store.tasks(&giaoban::store::TaskFilter { include_finished: true, ..Default::default() }, today()).unwrap();
    let bhyt = tasks.iter().find(|t| t.title.starts_with("Vận động hội viên")).unwrap();
    // Serial 46357 is 01/12/2026 (Excel counts 46023 for 01/01/2026); "phu nu" is the Women's Union.
    assert_eq!(bhyt.deadline, chrono::NaiveDate::from_ymd_opt(2026, 12, 1));
    assert_eq!(bhyt.with_org_ids, vec![store.resolve_organization("HLHPN").unwrap().id]);
    assert_eq!(bhyt.status, giaoban::domain::TaskStatus::InProgress);
}

#[test]
fn the_task_list_goes_out_and_comes_back_with_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    drop(demo_file(dir.path(), "g.db"));
    let csv = dir.path().join("cong-viec.csv");
    assert!(cmd(&db, &["export", "tasks", "-o", csv.to_str().unwrap()]).status.success());
    let xlsx = dir.path().join("cong-viec.xlsx");
    assert!(cmd(&db, &["export", "tasks", "-o", xlsx.to_str().unwrap()]).status.success());
    // Unchanged, both come back as no change at all.
    for f in [&csv, &xlsx] {
        let o = cmd(&db, &["import", "tasks", f.to_str().unwrap(), "--dry-run"]);
        assert!(out(&o).contains("sửa 0 việc"), "{}", out(&o));
        assert!(out(&o).contains("0 dòng có lỗi"), "{}", out(&o));
    }
    // An organization edits a deadline and adds a line.
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.split("\r\n").map(String::from).collect();
    let row = lines.iter().position(|l| l.starts_with("3,")).expect("task 3");
    let old: Vec<&str> = lines[row].split(',').collect();
    let store = Store::open_read_only(&db).unwrap();
    let before = store.task(3).unwrap();
    drop(store);
    let old_due = giaoban::text::format_date(before.deadline.unwrap());
    assert!(old.contains(&old_due.as_str()), "{}", lines[row]);
    lines[row] = lines[row].replacen(&old_due, "31/12/2026", 1);
    lines.insert(lines.len() - 1, ",Vận động quỹ khuyến học,HND,,,,,20/12/2026,,,,".into());
    std::fs::write(&csv, lines.join("\r\n")).unwrap();
    let o = cmd(&db, &["import", "tasks", csv.to_str().unwrap(), "--dry-run"]);
    let text = out(&o);
    assert!(text.contains("Sẽ tạo 1 việc, sửa 1 việc"), "{text}");
    assert!(text.contains(&format!("(#3): Hạn: {old_due} → 31/12/2026")), "{text}");
    assert!(cmd(&db, &["import", "tasks", csv.to_str().unwrap()]).status.success());
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.task(3).unwrap().deadline, chrono::NaiveDate::from_ymd_opt(2026, 12, 31));
    let o = cmd(&db, &["import", "tasks", csv.to_str().unwrap(), "--dry-run"]);
    assert!(out(&o).contains("sửa 0 việc"), "importing again changes nothing: {}", out(&o));
}

#[test]
fn bad_files_get_one_sentence_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    drop(demo_file(dir.path(), "g.db"));
    let before = count(&db, "SELECT COUNT(*) FROM tasks");
    let png = dir.path().join("anh.xlsx");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde").unwrap();
    let empty = dir.path().join("trong.csv");
    std::fs::write(&empty, b"").unwrap();
    let good = dir.path().join("ok.xlsx");
    office_sheet(&good, &[["", "Việc mẫu", "HND", "", "", ""]]);
    for (args, says) in [
        (vec!["import", "tasks", png.to_str().unwrap()], "không phải bảng tính"),
        (vec!["import", "tasks", empty.to_str().unwrap()], "không có ô nào"),
        (
            vec!["import", "tasks", good.to_str().unwrap(), "--sheet", "Sheet9"],
            "Không có trang tính “Sheet9”; các trang: Theo dõi",
        ),
        (vec!["import", "json", good.to_str().unwrap()], "không phải bản xuất"),
    ] {
        let o = cmd(&db, &args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", out(&o));
        assert!(err.contains(says) && err.trim().lines().count() == 1, "{args:?}: {err}");
    }
    let missing = dir.path().join("khong-co.xlsx");
    let o = cmd(&db, &["import", "tasks", missing.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_eq!(count(&db, "SELECT COUNT(*) FROM tasks"), before);
}

#[test]
fn cells_typed_in_tcvn3_are_shown_converted_and_applied_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    drop(fresh(dir.path(), "g.db"));
    // "Tên công việc,Đơn vị chủ trì" and three rows, as a .VnTime user saved
    // them: the bytes of TCVN 5712 (as glibc's iconv writes them).
    let mut bytes: Vec<u8> = Vec::new();
    for (i, cells) in [
        &[&b"T\xaan c\xabng vi\xd6c"[..], b"\xa7\xacn v\xde ch\xf1 tr\xd7"][..],
        &[b"V\xcbn \xae\xe9ng h\xe9i vi\xaan", b"HND"],
        &[b"T\xcbp hu\xcan c\xabng ngh\xd6", b"HND"],
        &[b"H\xe9i ngh\xde t\xe6ng k\xd5t", b"HND"],
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(&cells.join(&b","[..]));
    }
    let file = dir.path().join("cu.csv");
    std::fs::write(&file, bytes).unwrap();
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap(), "--dry-run"]);
    let text = out(&o);
    assert!(text.contains("→ “Vận động hội viên”"), "{text}");
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("--convert-legacy"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM tasks"), 0);
    let o = cmd(&db, &["import", "tasks", file.to_str().unwrap(), "--convert-legacy"]);
    assert!(o.status.success(), "{}", out(&o));
    let titles: i64 = count(
        &db,
        "SELECT COUNT(*) FROM tasks WHERE title IN ('Vận động hội viên', 'Tập huấn công nghệ', 'Hội nghị tổng kết')",
    );
    assert_eq!(titles, 3);
}
