//! Accent-insensitive search and Vietnamese ordering, as a secretary meets
//! them: typing without diacritics, with Telex-less keyboards, pasting NFD
//! text from other programs, and typing anything at all into the box.

use chrono::NaiveDate;
use giaoban::domain::*;
use giaoban::store::{SearchHit, SearchKind, Store};
use giaoban::text::{fold, nfc, person_cmp, vi_cmp};
use serde_json::Value;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_normalization::UnicodeNormalization;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn org(store: &Store, code: &str) -> Organization {
    store.resolve_organization(code).unwrap()
}

/// Adds a task led by `code` with an optional deadline.
fn task(store: &mut Store, title: &str, code: &str, deadline: Option<NaiveDate>) -> i64 {
    let lead = org(store, code).id;
    let mut t = Task::new(title, lead, TaskKind::Common);
    t.deadline = deadline;
    store.write(|w| w.add_task(t, None)).unwrap()
}

fn search(store: &Store, query: &str) -> Vec<SearchHit> {
    store.search(query, &[], 100).unwrap_or_else(|e| panic!("search {query:?} failed: {e:?}"))
}

fn labels(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.label.as_str()).collect()
}

fn has(hits: &[SearchHit], kind: SearchKind, id: i64) -> bool {
    hits.iter().any(|h| h.kind == kind && h.id == id)
}

fn find(hits: &[SearchHit], kind: SearchKind, id: i64) -> &SearchHit {
    hits.iter().find(|h| h.kind == kind && h.id == id).unwrap_or_else(|| panic!("no {kind:?} #{id} among {hits:#?}"))
}

// ---------------------------------------------------------------------------
// 1. Folding
// ---------------------------------------------------------------------------

/// Each row: the vowel and its tones in dictionary order
/// (none, huyền, hỏi, ngã, sắc, nặng), with the base letter it folds to.
const LOWER: [(&str, char); 12] = [
    ("aàảãáạ", 'a'),
    ("ăằẳẵắặ", 'a'),
    ("âầẩẫấậ", 'a'),
    ("eèẻẽéẹ", 'e'),
    ("êềểễếệ", 'e'),
    ("iìỉĩíị", 'i'),
    ("oòỏõóọ", 'o'),
    ("ôồổỗốộ", 'o'),
    ("ơờởỡớợ", 'o'),
    ("uùủũúụ", 'u'),
    ("ưừửữứự", 'u'),
    ("yỳỷỹýỵ", 'y'),
];

const UPPER: [&str; 12] = [
    "AÀẢÃÁẠ",
    "ĂẰẲẴẮẶ",
    "ÂẦẨẪẤẬ",
    "EÈẺẼÉẸ",
    "ÊỀỂỄẾỆ",
    "IÌỈĨÍỊ",
    "OÒỎÕÓỌ",
    "ÔỒỔỖỐỘ",
    "ƠỜỞỠỚỢ",
    "UÙỦŨÚỤ",
    "ƯỪỬỮỨỰ",
    "YỲỶỸÝỴ",
];

/// Tone marks in the column order of the tables; None = no tone.
const TONES: [Option<char>; 6] =
    [None, Some('\u{0300}'), Some('\u{0309}'), Some('\u{0303}'), Some('\u{0301}'), Some('\u{0323}')];

/// Every form of the table: (precomposed char, tone column, base letter).
fn all_forms() -> Vec<(char, usize, char)> {
    let mut forms = Vec::new();
    for (row, (lower, base)) in LOWER.iter().enumerate() {
        let lower: Vec<char> = lower.chars().collect();
        let upper: Vec<char> = UPPER[row].chars().collect();
        assert_eq!((lower.len(), upper.len()), (6, 6), "row {row} of the table");
        for tone in 0..6 {
            forms.push((lower[tone], tone, *base));
            forms.push((upper[tone], tone, *base));
        }
    }
    forms
}

#[test]
fn the_folding_table_itself_is_right() {
    // Guards the test data: 12 vowels × 6 tones × 2 cases, all distinct,
    // precomposed, each upper-case form the capital of its lower-case form,
    // and each column carrying the tone it claims.
    let forms = all_forms();
    assert_eq!(forms.len(), 144);
    let mut distinct: Vec<char> = forms.iter().map(|f| f.0).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 144, "every form is a different character");
    for (row, (lower, _)) in LOWER.iter().enumerate() {
        assert_eq!(UPPER[row].to_lowercase(), *lower, "row {row}");
    }
    for (c, tone, _) in &forms {
        let s = c.to_string();
        assert_eq!(nfc(&s), s, "{c} is precomposed");
        let marks: Vec<char> = s.nfd().skip(1).collect();
        match TONES[*tone] {
            Some(mark) => assert!(marks.contains(&mark), "{c} carries tone {tone}"),
            None => assert!(TONES.iter().flatten().all(|m| !marks.contains(m)), "{c} carries no tone"),
        }
    }
}

#[test]
fn every_vowel_with_every_tone_in_both_cases_folds_to_its_base_letter() {
    let mut failures = Vec::new();
    for (c, tone, base) in all_forms() {
        let precomposed = c.to_string();
        let decomposed: String = precomposed.nfd().collect();
        if tone != 0 || !c.is_ascii() {
            assert_ne!(decomposed, precomposed, "{c} has a decomposed form");
        }
        for (form, s) in [("NFC", &precomposed), ("NFD", &decomposed)] {
            let got = fold(s);
            if got != base.to_string() {
                failures.push(format!("fold({form} {c:?} = {s:?}) = {got:?}, want {base:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn whole_rows_and_d_with_stroke_fold() {
    for (row, (lower, base)) in LOWER.iter().enumerate() {
        let want: String = std::iter::repeat_n(*base, 6).collect();
        assert_eq!(fold(lower), want, "row {row}");
        assert_eq!(fold(UPPER[row]), want, "row {row}");
        assert_eq!(fold(&UPPER[row].nfd().collect::<String>()), want);
    }
    assert_eq!(fold("đ"), "d");
    assert_eq!(fold("Đ"), "d");
    assert_eq!(fold("ĐƯỜNG ĐI"), "duong di");
    assert_eq!(fold("Đắk Lắk"), "dak lak");
    let nfd: String = "Ủy ban Mặt trận Tổ quốc Việt Nam".nfd().collect();
    assert_eq!(fold(&nfd), "uy ban mat tran to quoc viet nam");
    // Text without diacritics is only lower-cased.
    assert_eq!(fold("UBND Xa 2026"), "ubnd xa 2026");
}

// ---------------------------------------------------------------------------
// 2. Finding things the way they are typed
// ---------------------------------------------------------------------------

#[test]
fn accent_free_queries_find_what_the_spec_promises() {
    let mut store = Store::in_memory().unwrap();
    let hnd = org(&store, "HND");
    let farmers = task(&mut store, "Bình xét hộ nông dân sản xuất giỏi", "HND", Some(d(2026, 12, 10)));
    let road = task(&mut store, "Sửa chữa đường liên thôn", "MTTQ", None);
    let road_cap = task(&mut store, "Đường điện chiếu sáng khu dân cư", "DTN", None);
    let fund = task(&mut store, "Vận động ủng hộ Quỹ Vì người nghèo", "MTTQ", Some(d(2026, 11, 30)));
    let skilful = task(&mut store, "Phong trào Dân vận khéo", "MTTQ", None);
    let unrelated = task(&mut store, "Tổng kết công tác năm", "HCCB", None);

    // nong dan: the organization and the task.
    let hits = search(&store, "nong dan");
    let o = find(&hits, SearchKind::Organization, hnd.id);
    assert_eq!(o.label, "Hội Nông dân");
    assert!(has(&hits, SearchKind::Task, farmers), "{:?}", labels(&hits));
    assert!(!has(&hits, SearchKind::Task, unrelated));
    // Restricted to tasks, the organization is left out.
    let only_tasks = store.search("nong dan", &[SearchKind::Task], 100).unwrap();
    assert!(has(&only_tasks, SearchKind::Task, farmers));
    assert!(only_tasks.iter().all(|h| h.kind == SearchKind::Task));

    // duong / DUONG: đường and Đường.
    for q in ["duong", "DUONG", "Duong", "đường", "ĐƯỜNG"] {
        let hits = search(&store, q);
        assert!(has(&hits, SearchKind::Task, road), "{q}: {:?}", labels(&hits));
        assert!(has(&hits, SearchKind::Task, road_cap), "{q}: {:?}", labels(&hits));
        assert!(!has(&hits, SearchKind::Task, unrelated), "{q}");
    }

    let hits = search(&store, "vi nguoi ngheo");
    assert_eq!(find(&hits, SearchKind::Task, fund).label, "Vận động ủng hộ Quỹ Vì người nghèo");
    assert_eq!(hits.len(), 1, "{:?}", labels(&hits));

    let hits = search(&store, "dan van kheo");
    assert_eq!(labels(&hits), vec!["Phong trào Dân vận khéo"]);
    assert_eq!(hits[0].id, skilful);

    // A word prefix is enough.
    let hits = search(&store, "ngh");
    assert!(has(&hits, SearchKind::Task, fund), "{:?}", labels(&hits));
    let hits = search(&store, "quy vi ng");
    assert!(has(&hits, SearchKind::Task, fund), "{:?}", labels(&hits));
    // ... but only a prefix: a word in the middle of another does not match.
    assert!(!has(&search(&store, "gheo"), SearchKind::Task, fund));
    // Every word must match, not any.
    assert!(search(&store, "ngheo thon").is_empty());
}

#[test]
fn text_typed_in_nfd_is_found_by_nfc_and_accent_free_queries() {
    let mut store = Store::in_memory().unwrap();
    let title = "Hỗ trợ xây nhà Đại đoàn kết cho hộ nghèo";
    let nfd_title: String = title.nfd().collect();
    assert_ne!(nfd_title, title);
    let id = task(&mut store, &nfd_title, "HLHPN", None);
    for q in ["dai doan ket", "Đại đoàn kết", &"Đại đoàn kết".nfd().collect::<String>(), "ho tro xay nha"]
    {
        let hits = search(&store, q);
        let hit = find(&hits, SearchKind::Task, id);
        // What the user sees is the composed text.
        assert_eq!(hit.label, title, "{q}");
    }
}

#[test]
fn notes_agenda_pending_answers_and_people_are_searched() {
    let mut store = Store::in_memory().unwrap();
    let mttq = org(&store, "MTTQ");
    let hnd = org(&store, "HND");

    // A progress note of a task.
    let t = task(&mut store, "Tập huấn nghiệp vụ cho cán bộ Mặt trận cơ sở", "MTTQ", None);
    let note = store.write(|w| w.add_task_note(t, d(2026, 11, 20), "Đã tổ chức 3 lớp cho 120 học viên")).unwrap();
    let hits = search(&store, "hoc vien");
    let hit = find(&hits, SearchKind::Note, note);
    assert_eq!(hit.parent_id, Some(t), "a note opens its task");
    assert_eq!(hit.label, "Tập huấn nghiệp vụ cho cán bộ Mặt trận cơ sở");
    assert_eq!(hit.text, "Đã tổ chức 3 lớp cho 120 học viên");
    assert!(!has(&hits, SearchKind::Task, t), "the task itself has no such words");

    // The notes of an agenda item.
    let meeting = store
        .write(|w| {
            w.add_meeting(Meeting::new(
                0,
                MeetingKind::Weekly,
                d(2026, 11, 23).and_hms_opt(8, 0, 0).unwrap(),
                "Hội trường Ủy ban MTTQ huyện",
            ))
        })
        .unwrap();
    let mut item = AgendaItem::new(meeting, "Báo cáo tiến độ Tháng cao điểm", Some(mttq.id), None);
    item.notes = "Các đoàn thể đăng ký chỉ tiêu quyên góp trước thứ Sáu".into();
    let item = store.write(|w| w.add_agenda_item(item)).unwrap();
    let hits = search(&store, "quyen gop");
    let hit = find(&hits, SearchKind::Agenda, item);
    assert_eq!(hit.parent_id, Some(meeting), "an agenda item opens its briefing");
    assert_eq!(hit.label, "Báo cáo tiến độ Tháng cao điểm");
    assert_eq!(hit.text, "Các đoàn thể đăng ký chỉ tiêu quyên góp trước thứ Sáu");
    // The briefing's place is searchable as well.
    let hits = search(&store, "hoi truong uy ban");
    assert!(has(&hits, SearchKind::Meeting, meeting), "{hits:#?}");

    // The answer to a pending item.
    let mut p = PendingItem::new(PendingKind::Proposal, "Đề nghị sửa chữa cống thoát nước thôn 3", d(2026, 11, 16));
    p.raised_by_org_id = Some(hnd.id);
    let p = store.write(|w| w.add_pending_item(p)).unwrap();
    assert!(search(&store, "khac phuc").is_empty(), "not answered yet");
    store.write(|w| w.answer_pending_item(p, "UBND xã đã bố trí kinh phí khắc phục", d(2026, 11, 23), None)).unwrap();
    let hits = search(&store, "khac phuc");
    let hit = find(&hits, SearchKind::Pending, p);
    assert_eq!(hit.label, "Đề nghị sửa chữa cống thoát nước thôn 3");
    assert_eq!(hit.text, "UBND xã đã bố trí kinh phí khắc phục");

    // A person by name without diacritics.
    let hoa = store.write(|w| w.add_person(Person::new("Nguyễn Thị Hoa", "Chuyên viên", Some(mttq.id)))).unwrap();
    store.write(|w| w.add_person(Person::new("Nguyễn Văn Hòa", "Phó Chủ tịch", Some(hnd.id)))).unwrap();
    let hits = search(&store, "nguyen thi hoa");
    assert_eq!(labels(&hits), vec!["Nguyễn Thị Hoa"]);
    assert_eq!((hits[0].kind, hits[0].id), (SearchKind::Person, hoa));
    // Kinds filter several at once.
    let hits = store.search("nguyen", &[SearchKind::Person, SearchKind::Note], 100).unwrap();
    assert_eq!(hits.len(), 2, "{:?}", labels(&hits));
}

// ---------------------------------------------------------------------------
// 3. Ranking
// ---------------------------------------------------------------------------

#[test]
fn diacritics_in_the_query_rank_exact_matches_first() {
    let mut store = Store::in_memory().unwrap();
    // The near miss is newer, shorter and added first, so only the
    // diacritic rule can put the bridge first.
    let club = task(&mut store, "Kiểm tra câu lạc bộ", "DTN", Some(d(2026, 12, 20)));
    let bridge = task(&mut store, "Kiểm tra cầu treo bản Khe Vằn trước mùa mưa", "MTTQ", Some(d(2026, 11, 25)));
    for q in ["cầu", "Cầu", "kiểm tra cầu", "CẦU"] {
        let hits = search(&store, q);
        assert_eq!(hits.len(), 2, "{q}: {:?}", labels(&hits));
        assert_eq!(hits[0].id, bridge, "{q}: {:?}", labels(&hits));
        assert_eq!(hits[1].id, club);
    }
    let hits = search(&store, "câu");
    assert_eq!(hits[0].id, club, "{:?}", labels(&hits));
    // Without diacritics both are found; then the more recent comes first.
    let hits = search(&store, "cau");
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![club, bridge]);
}

#[test]
fn title_matches_rank_before_matches_in_descriptions_and_notes() {
    let mut store = Store::in_memory().unwrap();
    // Newer and added first, but the word is only in its description.
    let lead = org(&store, "HND").id;
    let mut t = Task::new("Tổng kết mô hình kinh tế tập thể", lead, TaskKind::Common);
    t.description = "Trong đó có tổ hợp tác nuôi hàu ở Quảng Phong".into();
    t.deadline = Some(d(2026, 12, 31));
    let in_body = store.write(|w| w.add_task(t, None)).unwrap();
    let with_note = task(&mut store, "Hội thảo chuyển đổi số", "DTN", Some(d(2026, 12, 30)));
    let note = store.write(|w| w.add_task_note(with_note, d(2026, 11, 22), "Mời hộ nuôi hàu tham dự")).unwrap();
    let in_title = task(&mut store, "Thành lập chi hội nuôi hàu", "HND", Some(d(2026, 11, 24)));

    let hits = search(&store, "nuoi hau");
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert_eq!((hits[0].kind, hits[0].id), (SearchKind::Task, in_title), "{hits:#?}");
    assert!(has(&hits, SearchKind::Task, in_body));
    assert!(has(&hits, SearchKind::Note, note));
    // The body hit shows the line that matched.
    assert_eq!(find(&hits, SearchKind::Task, in_body).text, "Trong đó có tổ hợp tác nuôi hàu ở Quảng Phong");
    assert_eq!(find(&hits, SearchKind::Task, in_title).text, "Thành lập chi hội nuôi hàu");
}

#[test]
fn open_work_ranks_before_finished_work() {
    let mut store = Store::in_memory().unwrap();
    let title = "Giám sát thực hiện chính sách bảo hiểm y tế";
    // The finished one is added first and is more recent.
    let done = task(&mut store, title, "MTTQ", Some(d(2026, 12, 15)));
    let open = task(&mut store, title, "MTTQ", Some(d(2026, 11, 28)));
    let note = store.write(|w| w.add_task_note(done, d(2026, 11, 20), "Giám sát tại 5 xã")).unwrap();
    store.write(|w| w.set_task_status(done, TaskStatus::Done, None)).unwrap();

    let hits = search(&store, "giam sat bao hiem");
    assert_eq!(hits.iter().map(|h| (h.id, h.is_open)).collect::<Vec<_>>(), vec![(open, true), (done, false)]);
    // A note follows its task: finished.
    let hits = search(&store, "giam sat tai");
    assert!(!find(&hits, SearchKind::Note, note).is_open);

    // Reopening puts it back in front (it is the more recent one).
    store.write(|w| w.set_task_status(done, TaskStatus::InProgress, None)).unwrap();
    let hits = search(&store, "giam sat bao hiem");
    assert_eq!(hits.iter().map(|h| (h.id, h.is_open)).collect::<Vec<_>>(), vec![(done, true), (open, true)]);
}

#[test]
fn recent_work_ranks_before_old_work() {
    let mut store = Store::in_memory().unwrap();
    let title = "Tuyên truyền Ngày hội Đại đoàn kết toàn dân tộc";
    // Added in chronological order, so insertion order would put the old first.
    let old = task(&mut store, title, "MTTQ", Some(d(2026, 10, 15)));
    let middle = task(&mut store, title, "MTTQ", Some(d(2026, 11, 18)));
    let recent = task(&mut store, title, "MTTQ", Some(d(2026, 12, 20)));
    let hits = search(&store, "ngay hoi dai doan ket");
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![recent, middle, old]);
    assert_eq!(hits[0].date.as_deref(), Some("2026-12-20"));
    // The limit keeps the best.
    let top = store.search("ngay hoi", &[], 1).unwrap();
    assert_eq!(top.iter().map(|h| h.id).collect::<Vec<_>>(), vec![recent]);
}

#[test]
fn a_word_in_more_records_than_a_page_still_ranks_old_open_work_and_titles_first() {
    let mut store = Store::in_memory().unwrap();
    // An old open task, then more finished ones than a page holds, and
    // notes and descriptions that mention the word, all newer.
    let old_open = task(&mut store, "Sửa đường liên thôn 3", "HND", Some(d(2020, 1, 10)));
    let mut finished = Vec::new();
    for i in 0..30 {
        let id = task(&mut store, &format!("Đường giao thông nông thôn đợt {i}"), "HND", Some(d(2026, 1, 1 + i)));
        store.write(|w| w.set_task_status(id, TaskStatus::Done, None)).unwrap();
        finished.push(id);
    }
    let mentions = task(&mut store, "Khảo sát hộ nghèo", "HND", Some(d(2026, 12, 30)));
    store.write(|w| w.add_task_note(mentions, d(2026, 11, 20), "Cần làm đường vào thôn")).unwrap();

    let page = store.search("duong", &[], 10).unwrap();
    assert_eq!(page.len(), 10);
    assert_eq!(page[0].id, old_open, "open work first, however old: {:?}", labels(&page));
    // Then the newest finished titles, newest first.
    let rest: Vec<i64> = page[1..].iter().map(|h| h.id).collect();
    let newest: Vec<i64> = finished.iter().rev().take(9).copied().collect();
    assert_eq!(rest, newest);
    // Open work matching only in a note comes after every title match.
    let all = store.search("duong", &[], 100).unwrap();
    assert_eq!(all.len(), 32, "the old task, thirty finished ones and the note");
    let pos = |id: i64| all.iter().position(|h| h.parent_id.unwrap_or(h.id) == id).unwrap();
    assert!(finished.iter().all(|f| pos(*f) < pos(mentions)), "{:?}", labels(&all));
    // Diacritics typed lift the exact spelling from any list.
    let exact = store.search("đường vào", &[], 1).unwrap();
    assert_eq!(exact.iter().map(|h| h.parent_id.unwrap_or(h.id)).collect::<Vec<_>>(), vec![mentions]);
}

// ---------------------------------------------------------------------------
// 4. Hostile queries
// ---------------------------------------------------------------------------

fn hostile_store() -> Store {
    let mut store = Store::in_memory().unwrap();
    task(&mut store, "Bình xét hộ nông dân sản xuất giỏi", "HND", None);
    task(&mut store, "Vận động ủng hộ Quỹ Vì người nghèo", "MTTQ", None);
    store.write(|w| w.add_person(Person::new("Trần Văn An", "Chủ tịch", None))).unwrap();
    store
}

#[test]
fn hostile_queries_never_error() {
    let store = hostile_store();
    let long_word = "x".repeat(10_000);
    let long_words = "nông dân ".repeat(1_112);
    assert!(long_words.chars().count() >= 10_000);
    let queries: Vec<&str> = vec![
        "\"",
        "\"\"",
        "'",
        "-",
        "nong-dan",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(a b)",
        "*",
        "(",
        ")",
        ":",
        "title:x",
        "^x",
        "a AND",
        "OR OR",
        "{}",
        "[]",
        "\\",
        "%",
        "_",
        "🎉🙂",
        &long_word,
        &long_words,
        "\u{1b}[2J",
        "\u{202e}",
        "\u{202e}nong dan",
        "nong\u{0}dan",
        "\"nong\" OR \"dan\"",
        "nong*",
        "-nong",
        "+dan",
        "nong NOT dan",
        "ngh\"eo",
        "';DROP TABLE tasks;--",
    ];
    for q in &queries {
        for kinds in [&[][..], &[SearchKind::Task][..]] {
            let r = store.search(q, kinds, 50);
            assert!(r.is_ok(), "query {:?} failed: {:?}", q.chars().take(40).collect::<String>(), r.err());
        }
    }
    // Operators are ordinary words, and punctuation separates words.
    let words = search(&store, "nong dan");
    assert!(!words.is_empty());
    for q in ["nong-dan", "nong*dan", "(nong) dan", "\u{202e}nong dan", "nong:dan"] {
        assert_eq!(labels(&search(&store, q)), labels(&words), "{q}");
    }
    assert!(search(&store, "nong AND dan").is_empty(), "AND is a word to find");
    assert!(search(&store, "nong OR ngheo").is_empty(), "OR is a word to find");
    assert!(search(&store, "title:nong").is_empty(), "no column filters");
    assert_eq!(search(&store, &long_words).len(), words.len());
    assert!(search(&store, &long_word).is_empty());
    // The SQL-looking query did not drop anything.
    assert_eq!(search(&store, "vi nguoi ngheo").len(), 1);
}

#[test]
fn empty_and_punctuation_only_queries_find_nothing() {
    let store = hostile_store();
    for q in [
        "",
        " ",
        "   \t\n ",
        "\"",
        "\"\"",
        "'",
        "-",
        "*",
        "(",
        ")",
        ":",
        "{}",
        "[]",
        "\\",
        "%",
        "_",
        "🎉🙂",
        "\u{202e}",
        "\u{200f}\u{2066}",
        "- * ( ) \" :",
        "…",
        "“”",
        "·",
    ] {
        let hits = search(&store, q);
        assert!(hits.is_empty(), "{q:?} found {:?}", labels(&hits));
    }
}

// ---------------------------------------------------------------------------
// 5. Collation
// ---------------------------------------------------------------------------

#[test]
fn vietnamese_words_sort_in_dictionary_order() {
    let expected = vec![
        "a", "à", "á", "an", "ă", "ằ", "ăn", "â", "ấ", "ân", "ba", "bà", "da", "dạ", "đa", "e", "ê", "ma", "Ma", "mà",
        "mả", "mã", "má", "mạ", "mă", "o", "ô", "ơ", "u", "ư", "v",
    ];
    // A fixed shuffle of the same words.
    let mut words: Vec<&str> = expected.clone();
    words.reverse();
    words.rotate_left(7);
    words.swap(0, 17);
    words.swap(3, 25);
    assert_ne!(words, expected);
    words.sort_by(|a, b| vi_cmp(a, b));
    assert_eq!(words, expected);

    // The individual rules, each on its own.
    let less = |a: &str, b: &str| {
        assert_eq!(vi_cmp(a, b), Ordering::Less, "{a} < {b}");
        assert_eq!(vi_cmp(b, a), Ordering::Greater, "{b} > {a}");
    };
    less("a", "ă");
    less("ă", "â");
    less("â", "b");
    less("d", "đ");
    less("đ", "e");
    less("e", "ê");
    less("ê", "g");
    less("o", "ô");
    less("ô", "ơ");
    less("ơ", "p");
    less("u", "ư");
    less("ư", "v");
    for pair in ["ma", "mà", "mả", "mã", "má", "mạ"].windows(2) {
        less(pair[0], pair[1]);
    }
    less("an", "ăn");
    less("ăn", "ân");
    less("ân", "bà");
    // Letters outweigh tones: a heavier tone on a lighter letter comes first.
    less("mạ", "mă");
    less("dạ", "đa");
    less("Đà Nẵng", "đan");
    // NFD input sorts like its composed form.
    assert_eq!(vi_cmp(&"Mặt trận".nfd().collect::<String>(), "Mặt trận"), Ordering::Equal);
}

#[test]
fn people_sort_by_given_name_then_full_name() {
    let expected = vec![
        "Nguyễn Văn An",
        "Trần Thị An",
        "Hoàng Anh",
        "Phạm Thị Ánh",
        "Lê Thị Ân",
        "Dương Văn Bình",
        "Đào Văn Bình",
        "Lê Minh Bình",
        "Âu Văn Bính",
        "Vũ Thị Dung",
        "Đỗ Minh Đức",
        "Nguyễn Thanh Hoa",
        "Nguyễn Thị Hoa",
        "Bùi Văn Hùng",
        "Trịnh Hưng",
        "Ngô Thị Hương",
        "Đặng Văn Yến",
    ];
    let mut names = expected.clone();
    names.sort(); // code-point order: a different order to start from
    assert_ne!(names, expected);
    names.sort_by(|a, b| person_cmp(a, b));
    assert_eq!(names, expected);
    // The same through the store: people() lists them in this order.
    let mut store = Store::in_memory().unwrap();
    for n in expected.iter().rev() {
        store.write(|w| w.add_person(Person::new(n, "", None))).unwrap();
    }
    let listed: Vec<String> = store.people().unwrap().into_iter().map(|p| p.full_name).collect();
    assert_eq!(listed, expected);
}

// ---------------------------------------------------------------------------
// 6. The command line
// ---------------------------------------------------------------------------

struct Cli {
    _dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("giaoban.db");
        let config = dir.path().join("no-such-dir").join("config.toml");
        let cli = Cli { _dir: dir, db, config };
        // Read-only commands need an existing database.
        cli.ok(&["init"]);
        cli
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_giaoban"))
            .env_remove("GIAOBAN_LANG")
            .env("GIAOBAN_CONFIG", &self.config)
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg("2026-11-23")
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} exited {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        let out = self.ok(args);
        serde_json::from_str::<Vec<Value>>(&out)
            .unwrap_or_else(|e| panic!("{args:?} printed no JSON array ({e}): {out}"))
    }

    fn demo() -> Cli {
        let cli = Cli::new();
        cli.ok(&["demo"]);
        assert!(db_exists(&cli.db));
        cli
    }
}

fn db_exists(p: &Path) -> bool {
    p.metadata().map(|m| m.len() > 0).unwrap_or(false)
}

fn kinds_of(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| h["kind"].as_str().unwrap()).collect()
}

#[test]
fn cli_search_on_the_demo_database() {
    let cli = Cli::demo();

    let hits = cli.json(&["search", "nong", "dan", "--json"]);
    let farmers = hits
        .iter()
        .find(|h| h["kind"] == "organization")
        .unwrap_or_else(|| panic!("no organization among {:?}", kinds_of(&hits)));
    assert_eq!(farmers["label"], "Hội Nông dân");
    assert_eq!(farmers["open"], true);
    assert!(farmers["id"].as_i64().is_some());
    assert!(farmers["parent_id"].is_null());
    for h in &hits {
        for key in ["kind", "id", "parent_id", "label", "text", "open"] {
            assert!(h.get(key).is_some(), "{key} missing in {h}");
        }
    }

    let hits = cli.json(&["search", "vi nguoi ngheo", "--kind", "task", "--json"]);
    assert!(!hits.is_empty());
    assert!(kinds_of(&hits).iter().all(|k| *k == "task"), "{hits:?}");
    assert!(hits.iter().any(|h| h["label"].as_str().unwrap().contains("Quỹ “Vì người nghèo”")));
    // Without the filter the same words also find other kinds (e.g. notes).
    let all = cli.json(&["search", "vi nguoi ngheo", "--json"]);
    assert!(all.len() >= hits.len());

    let out = cli.ok(&["search", "", "--json"]);
    assert_eq!(out.trim(), "[]");
    let out = cli.ok(&["search", "--json"]);
    assert_eq!(out.trim(), "[]");
}

#[test]
fn cli_search_refuses_an_unknown_kind() {
    let cli = Cli::new();
    let out = cli.run(&["search", "--kind", "bogus", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains("bogus"), "{err}");
    for k in SearchKind::ALL {
        assert!(err.contains(k.code()), "{} missing from {err}", k.code());
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_search_survives_hostile_queries() {
    let cli = Cli::new();
    cli.ok(&["search", "nong dan"]); // creates the database
    for q in ["\"AND OR ( *", "\u{1b}[2J", "NEAR(a b)", "🎉", "\"\""] {
        cli.ok(&["search", q]);
        let hits = cli.json(&["search", q, "--json"]);
        assert!(hits.iter().all(|h| h["kind"].is_string()));
    }
    assert!(cli.json(&["search", "\"AND OR ( *", "--json"]).is_empty());
    // Human output of an empty result is a sentence, not an error.
    let out = cli.ok(&["search", "zzzkhongco"]);
    assert!(!out.trim().is_empty());
}

// ---------------------------------------------------------------------------
// 7. The index follows every change
// ---------------------------------------------------------------------------

#[test]
fn the_index_follows_edits_deletes_and_undo() {
    let mut store = Store::in_memory().unwrap();
    let id = task(&mut store, "Khảo sát vùng nuôi hàu Quảng Phong", "HND", None);
    let note = store.write(|w| w.add_task_note(id, d(2026, 11, 20), "Đã đi thực địa 12 hộ")).unwrap();
    assert!(has(&search(&store, "hau"), SearchKind::Task, id));

    let mut t = store.task(id).unwrap();
    t.title = "Khảo sát vùng nuôi ngao Quảng Phong".into();
    store.write(|w| w.update_task(t)).unwrap();
    assert!(search(&store, "hau").is_empty(), "the old title is gone");
    assert!(search(&store, "hàu").is_empty());
    let hits = search(&store, "ngao");
    assert_eq!(find(&hits, SearchKind::Task, id).label, "Khảo sát vùng nuôi ngao Quảng Phong");
    // The note is labelled with its task's new title.
    let hits = search(&store, "thuc dia");
    assert_eq!(find(&hits, SearchKind::Note, note).label, "Khảo sát vùng nuôi ngao Quảng Phong");

    store.write(|w| w.delete_task(id, None)).unwrap();
    assert!(search(&store, "ngao").is_empty(), "a deleted task is not found");
    assert!(search(&store, "thuc dia").is_empty(), "nor its notes");
    assert!(search(&store, "quang phong").is_empty());

    store.write(|w| w.undo(giaoban::store::UndoScope::Session)).unwrap();
    let hits = search(&store, "ngao");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!((hits[0].kind, hits[0].id), (SearchKind::Task, id));
    let hits = search(&store, "thuc dia");
    assert_eq!(find(&hits, SearchKind::Note, note).parent_id, Some(id));

    // Undoing the rename brings the old title back.
    store.write(|w| w.undo(giaoban::store::UndoScope::Session)).unwrap();
    assert!(has(&search(&store, "hau"), SearchKind::Task, id));
    assert!(search(&store, "ngao").is_empty());
}

#[test]
fn the_index_follows_meetings_pending_items_and_people() {
    let mut store = Store::in_memory().unwrap();
    let start = d(2026, 11, 23).and_hms_opt(8, 0, 0).unwrap();
    let m = store.write(|w| w.add_meeting(Meeting::new(0, MeetingKind::Weekly, start, "Phòng họp tầng 2"))).unwrap();
    let item = store.write(|w| w.add_agenda_item(AgendaItem::new(m, "Phản ánh dư luận xã hội", None, None))).unwrap();
    let mut meeting = store.meeting(m).unwrap();
    meeting.place = "Nhà văn hóa thôn Đông".into();
    meeting.notes = "Mời đại diện Công an huyện dự".into();
    store.write(|w| w.update_meeting(meeting)).unwrap();
    assert!(search(&store, "phong hop").is_empty(), "old place gone");
    assert!(has(&search(&store, "nha van hoa"), SearchKind::Meeting, m));
    assert!(has(&search(&store, "cong an"), SearchKind::Meeting, m));
    assert!(find(&search(&store, "du luan"), SearchKind::Agenda, item).is_open);

    store.write(|w| w.delete_meeting(m, None)).unwrap();
    assert!(search(&store, "nha van hoa").is_empty());
    assert!(search(&store, "du luan").is_empty(), "its agenda went with it");

    let p = store
        .write(|w| {
            w.add_pending_item(PendingItem::new(
                PendingKind::Question,
                "Hỏi về tiến độ giải ngân vốn vay",
                d(2026, 11, 16),
            ))
        })
        .unwrap();
    assert!(find(&search(&store, "giai ngan"), SearchKind::Pending, p).is_open);
    store.write(|w| w.delete_pending_item(p, None)).unwrap();
    assert!(search(&store, "giai ngan").is_empty());

    let person = store.write(|w| w.add_person(Person::new("Lò Văn Páo", "Trưởng thôn", None))).unwrap();
    assert!(has(&search(&store, "pao"), SearchKind::Person, person));
    store.write(|w| w.delete_person(person, None)).unwrap();
    assert!(search(&store, "pao").is_empty());
}
