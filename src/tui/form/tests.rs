//! Unit tests of the form component.
use super::*;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("date") // a Monday
}

fn key(code: KeyCode2) -> Key {
    Key { code, ctrl: false, alt: false }
}

fn press(form: &mut Form, code: KeyCode2) -> FormOutcome {
    form.handle_key(&key(code), today())
}

fn typ(form: &mut Form, s: &str) {
    for c in s.chars() {
        press(form, KeyCode2::Char(c));
    }
}

fn orgs() -> Vec<Choice> {
    [(1, "Ủy ban MTTQ", "MTTQ"), (2, "Hội Nông dân", "HND"), (3, "Đoàn Thanh niên", "ĐTN")]
        .into_iter()
        .map(|(id, l, h)| Choice { id, label: l.into(), hint: h.into(), short: h.into() })
        .collect()
}

fn shared() -> Shared {
    Shared {
        today: today(),
        theme: Theme::ansi16(),
        keymap: Keymap::default(),
        settings: Default::default(),
        orgs: vec![],
        people: Default::default(),
        places: Vec::new(),
        read_only: false,
        filter: None,
    }
}

fn screen(form: &Form, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| form.draw(f, f.area(), &shared())).expect("draw");
    let buf = term.backend().buffer();
    (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n").collect()
}

#[test]
fn typing_composes_vietnamese_and_tab_cycles() {
    crate::i18n::set_lang(crate::i18n::Lang::Vi);
    let mut form = Form::new("Việc").text("title", "", true).text("place", "x", false).toggle("done", false);
    typ(&mut form, "Ti");
    for c in ['e', '\u{0302}', '\u{0301}'] {
        press(&mut form, KeyCode2::Char(c));
    }
    typ(&mut form, "t");
    assert_eq!(form.get_text("title"), "Tiết");
    assert!(form.is_dirty());
    press(&mut form, KeyCode2::Tab);
    press(&mut form, KeyCode2::Tab);
    press(&mut form, KeyCode2::Char(' '));
    assert!(form.get_toggle("done"));
    press(&mut form, KeyCode2::Tab); // wraps to the first field
    typ(&mut form, "!");
    assert_eq!(form.get_text("title"), "Tiết!");
    press(&mut form, KeyCode2::BackTab); // wraps to the last
    press(&mut form, KeyCode2::BackTab);
    form.paste("a\nb");
    assert_eq!(form.get_text("place"), "xa b");
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Char(' '));
    assert!(!form.get_toggle("done"));
}

#[test]
fn required_empty_blocks_submit() {
    let mut form = Form::new("t").text("place", "", false).text("title", "  ", true).focus_on("place");
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing);
    assert_eq!(form.focus, 1);
    let err = form.fields[1].error.clone().expect("error set");
    assert!(err.contains("Tiêu đề"), "{err}");
    typ(&mut form, "Họp");
    assert!(form.fields[1].error.is_none());
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Submit);
    assert_eq!(form.get_text("title"), "Họp");
}

#[test]
fn typing_into_a_prefilled_date_replaces_it_but_arrows_edit_it() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 30);
    let mut form = Form::new("t").text("title", "Họp", true).date("deadline", day, false);
    press(&mut form, KeyCode2::Tab);
    typ(&mut form, "t6");
    assert_eq!(form.get_date("deadline", today()), NaiveDate::from_ymd_opt(2026, 11, 27));
    press(&mut form, KeyCode2::BackTab);
    press(&mut form, KeyCode2::Tab);
    press(&mut form, KeyCode2::End);
    press(&mut form, KeyCode2::Backspace);
    typ(&mut form, "7");
    assert_eq!(form.get_text("deadline"), "27/11/2027");
    // A title is edited in place, never replaced.
    press(&mut form, KeyCode2::BackTab);
    typ(&mut form, " bàn");
    assert_eq!(form.get_text("title"), "Họp bàn");
}

#[test]
fn dates_and_numbers() {
    let mut form =
        Form::new("t").date("deadline", None, false).number("value", None, false).datetime("start", None, false);
    typ(&mut form, "t6");
    assert_eq!(form.get_date("deadline", today()), NaiveDate::from_ymd_opt(2026, 11, 27));
    press(&mut form, KeyCode2::Tab);
    assert_eq!(form.get_text("deadline"), "27/11/2026");
    typ(&mut form, "1.500.000");
    assert_eq!(form.get_number("value"), Some(1_500_000.0));
    press(&mut form, KeyCode2::Tab);
    typ(&mut form, "mai 14h30");
    let dt = form.get_datetime("start", today()).expect("datetime");
    assert_eq!(dt.to_string(), "2026-11-24 14:30:00");
    form.paste("x");
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing);
    assert!(form.fields[2].error.as_deref().is_some_and(|e| e.contains("14h30x")));
    // A date that does not exist.
    press(&mut form, KeyCode2::Tab);
    for _ in 0..12 {
        press(&mut form, KeyCode2::Backspace);
    }
    typ(&mut form, "31/02/2026");
    assert_eq!(form.get_date("deadline", today()), None);
    assert_eq!(
        form.handle_key(&Key { code: KeyCode2::Char('s'), ctrl: true, alt: false }, today()),
        FormOutcome::Nothing
    );
    assert_eq!(form.focus, 0);
    assert!(form.fields[0].error.is_some());
}

#[test]
fn choice_filters_without_accents() {
    let mut form = Form::new("t").choice("org", orgs(), None, true).text("title", "", false);
    typ(&mut form, "nong");
    assert_eq!(form.fields[0].filtered(), vec![1]);
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing);
    assert_eq!(form.get_choice("org"), Some(2));
    assert_eq!(form.focus, 1);
    // Search by hint too, Down moves the highlight, Tab picks.
    press(&mut form, KeyCode2::BackTab);
    typ(&mut form, "dtn");
    press(&mut form, KeyCode2::Tab);
    assert_eq!(form.get_choice("org"), Some(3));
    press(&mut form, KeyCode2::BackTab);
    typ(&mut form, "n");
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Up);
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Enter);
    assert_eq!(form.get_choice("org"), Some(3));
    // Required: Backspace on an empty query keeps the choice.
    press(&mut form, KeyCode2::BackTab);
    press(&mut form, KeyCode2::Backspace);
    assert_eq!(form.get_choice("org"), Some(3));
}

#[test]
fn multi_toggles() {
    let mut form = Form::new("t").multi("with", orgs(), vec![3]);
    typ(&mut form, "mttq");
    press(&mut form, KeyCode2::Enter);
    assert_eq!(form.get_multi("with"), vec![1, 3]);
    for _ in 0..4 {
        press(&mut form, KeyCode2::Backspace);
    }
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Enter);
    assert_eq!(form.get_multi("with"), vec![1]);
    press(&mut form, KeyCode2::Esc); // closes the list only
    assert!(!form.confirming_discard());
    assert_eq!(form.fields[0].shown_value().as_deref(), Some("MTTQ"));
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Submit);
}

fn places() -> Vec<String> {
    ["xã Quảng Đức", "thôn 5 xã Quảng Thành", "xã Quảng Đức", "  ", "Nhà văn hóa xã Quảng Đức"]
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn suggest_picks_a_place() {
    crate::i18n::set_lang(crate::i18n::Lang::Vi);
    let mut form = Form::new("t").suggest("place", places(), "", true).text("title", "", false);
    assert_eq!(form.fields[0].options().len(), 0);
    typ(&mut form, "quang d");
    assert!(form.fields[0].dropdown_shown());
    assert_eq!(form.fields[0].filtered(), vec![0, 2]); // duplicates and blanks dropped
    let s = screen(&form, 80, 24);
    assert!(s.contains("Nhà văn hóa xã Quảng Đức") && !s.contains("Quảng Thành"), "{s}");
    press(&mut form, KeyCode2::Down);
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing);
    assert_eq!(form.get_text("place"), "xã Quảng Đức");
    assert!(!form.fields[0].dropdown_shown());
    assert_eq!(form.focus, 0);
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Submit);
    // Retyping the exact place (accents aside) offers only the others.
    press(&mut form, KeyCode2::Backspace);
    typ(&mut form, "c");
    assert_eq!(form.fields[0].filtered(), vec![2]);
    // Up from no highlight goes to the last; Up from the top back to the text.
    press(&mut form, KeyCode2::Up);
    assert_eq!(form.fields[0].hl, Some(0));
    press(&mut form, KeyCode2::Up);
    assert_eq!(form.fields[0].hl, None);
    // Tab with a highlight takes it and moves on.
    press(&mut form, KeyCode2::Down);
    press(&mut form, KeyCode2::Tab);
    assert_eq!(form.get_text("place"), "Nhà văn hóa xã Quảng Đức");
    assert_eq!(form.focus, 1);
    // No match: Up/Down move between fields as for Text.
    press(&mut form, KeyCode2::Up);
    assert_eq!(form.focus, 0);
    press(&mut form, KeyCode2::Down);
    assert_eq!(form.focus, 1);
}

#[test]
fn suggest_keeps_a_new_place() {
    let mut form = Form::new("t").suggest("place", places(), "", true).text("title", "", false);
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing); // required
    assert!(form.fields[0].error.is_some());
    typ(&mut form, "thôn 3 ");
    assert!(form.fields[0].error.is_none());
    assert!(!form.fields[0].dropdown_shown());
    press(&mut form, KeyCode2::Down); // nothing to move in: next field
    assert_eq!(form.focus, 1);
    press(&mut form, KeyCode2::Up);
    typ(&mut form, "xa Quang Thanh");
    assert_eq!(form.get_text("place"), "thôn 3 xa Quang Thanh");
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Submit);
    // Shown but nothing highlighted: Enter takes the first place shown, as
    // pickers do, instead of saving the fragment typed.
    let mut form = Form::new("t").suggest("place", places(), "", false);
    typ(&mut form, "quang");
    assert!(form.fields[0].dropdown_shown());
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Nothing);
    assert_eq!(form.get_text("place"), places()[0]);
    // A fragment is kept only on purpose: Esc hides the places, Enter saves.
    let mut form = Form::new("t").suggest("place", places(), "", false);
    typ(&mut form, "quang");
    assert!(screen(&form, 80, 24).contains("mới"), "a new place is announced");
    press(&mut form, KeyCode2::Esc);
    assert_eq!(press(&mut form, KeyCode2::Enter), FormOutcome::Submit);
    assert_eq!(form.get_text("place"), "quang");
}

#[test]
fn suggest_esc_closes_then_asks() {
    let mut form = Form::new("t").suggest("place", places(), "xã", false);
    assert!(!form.is_dirty());
    assert!(!form.fields[0].dropdown_shown()); // only once typing starts
    typ(&mut form, " quang");
    assert!(form.fields[0].dropdown_shown());
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Nothing);
    assert!(!form.fields[0].dropdown_shown());
    assert!(!form.confirming_discard());
    assert_eq!(form.get_text("place"), "xã quang");
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Nothing);
    assert!(form.confirming_discard());
    assert_eq!(press(&mut form, KeyCode2::Char('y')), FormOutcome::Cancel);
    // Picking a suggestion and undoing back to the start is clean again.
    let mut form = Form::new("t").suggest("place", places(), "xã Quảng Đức", false);
    form.paste(" ");
    press(&mut form, KeyCode2::Backspace);
    assert!(!form.is_dirty());
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Nothing); // the dropdown
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Cancel);
}

#[test]
fn discard_confirmation() {
    let mut form = Form::new("t").text("title", "a", false);
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Cancel);
    typ(&mut form, "b");
    assert_eq!(press(&mut form, KeyCode2::Esc), FormOutcome::Nothing);
    assert!(form.confirming_discard());
    assert_eq!(press(&mut form, KeyCode2::Char('n')), FormOutcome::Nothing);
    assert!(!form.confirming_discard());
    press(&mut form, KeyCode2::Esc);
    assert_eq!(press(&mut form, KeyCode2::Char('y')), FormOutcome::Cancel);
    // Undoing the edit makes the form clean again.
    let mut form = Form::new("t").text("title", "a", false);
    typ(&mut form, "b");
    press(&mut form, KeyCode2::Backspace);
    assert!(!form.is_dirty());
}

#[test]
fn caller_error_focuses_and_shows() {
    crate::i18n::set_lang(crate::i18n::Lang::Vi);
    let mut form = Form::new("Việc").date("start", NaiveDate::from_ymd_opt(2026, 11, 30), false).date(
        "deadline",
        NaiveDate::from_ymd_opt(2026, 11, 20),
        false,
    );
    form.set_error(Some("deadline"), "Hạn trước ngày bắt đầu.".into());
    assert_eq!(form.focus, 1);
    assert!(screen(&form, 80, 24).contains("Hạn trước ngày bắt đầu."));
    form.set_error(None, "Lỗi chung".into());
    assert!(screen(&form, 80, 24).contains("Lỗi chung"));
}

#[test]
fn renders_at_any_size() {
    crate::i18n::set_lang(crate::i18n::Lang::Vi);
    let mut form = Form::new("Thêm việc")
        .text("title", "Họp giao ban", true)
        .date("deadline", None, false)
        .multiline("notes", "dòng 1\ndòng 2 khá dài để phải xuống dòng khi hẹp")
        .choice("org", orgs(), Some(1), true)
        .multi("with", orgs(), vec![2])
        .number("value", Some(1500.0), false)
        .toggle("done", true)
        .focus_on("deadline");
    typ(&mut form, "t6");
    let s = screen(&form, 80, 24);
    assert!(s.contains("Tiêu đề") && s.contains("Hạn"), "{s}");
    assert!(s.contains("Thứ Sáu, 27/11/2026"), "{s}");
    let s = screen(&form, 30, 8);
    assert!(s.contains("Hạn") && s.contains("→ Thứ Sáu"), "{s}");
    for (w, h) in [(30, 8), (1, 1), (3, 3), (10, 4), (200, 3)] {
        screen(&form, w, h);
    }
    press(&mut form, KeyCode2::Tab);
    press(&mut form, KeyCode2::Tab);
    typ(&mut form, "h");
    let s = screen(&form, 80, 24);
    assert!(s.contains("Hội Nông dân"), "{s}");
    for (w, h) in [(30, 8), (40, 5), (5, 5)] {
        screen(&form, w, h);
    }
    Form::new("empty").handle_key(&key(KeyCode2::Tab), today());
    screen(&Form::new("empty"), 30, 8);
}

#[test]
fn key_mashing_never_panics() {
    use KeyCode2::*;
    let codes = [
        Char('a'),
        Char(' '),
        Char('\u{0301}'),
        Enter,
        Tab,
        BackTab,
        Up,
        Down,
        Left,
        Right,
        Home,
        End,
        Backspace,
        Delete,
        PageUp,
        PageDown,
        Esc,
        Char('n'),
        Char('3'),
        Char('/'),
        F(4),
    ];
    let mut form = Form::new("x")
        .multiline("notes", "a\n\nbb")
        .choice("org", orgs(), None, false)
        .multi("with", vec![], vec![])
        .datetime("start", None, true)
        .toggle("done", false)
        .suggest("place", vec!["aaa".into(), "a a".into(), "bb".into()], "", false);
    let mut seed = 7u32;
    for i in 0..600 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let code = codes[(seed >> 16) as usize % codes.len()];
        let k = Key { code, ctrl: seed.is_multiple_of(11), alt: seed.is_multiple_of(13) };
        form.handle_key(&k, today());
        if i % 5 == 0 {
            form.paste("dán\r\nvào");
            screen(&form, 12 + (seed % 90) as u16, 2 + (seed % 30) as u16);
        }
    }
}

#[test]
fn the_notes_editor_wraps_at_words_and_keeps_the_cursor_on_its_letter() {
    let value = "Hội đang thực hiện vận động 45 triệu đồng";
    let mut input = TextInput::with_value(value);
    let (rows, _, _) = hard_wrap(&input, 12);
    assert_eq!(rows.concat(), value, "every character stays");
    for r in &rows[..rows.len() - 1] {
        assert!(r.ends_with(' '), "a line ends between words: {rows:?}");
    }
    assert!(rows.iter().all(|r| display_width(r.trim_end()) <= 12), "{rows:?}");
    // The cursor after "thực" is at the end of that word, wherever it wrapped.
    input.home();
    for _ in 0.."Hội đang thực".chars().count() {
        input.right();
    }
    let (rows, row, col) = hard_wrap(&input, 12);
    let before: String = rows[row].chars().take(col).collect();
    assert!(before.ends_with("thực"), "{rows:?} at ({row}, {col})");
}

#[test]
fn chosen_people_show_by_name_not_by_organization() {
    let people = vec![
        Choice {
            id: 1, label: "Phan Thị Thanh Xuân".into(), hint: "LĐLĐ".into(), short: "Phan Thị Thanh Xuân".into()
        },
        Choice { id: 2, label: "Bùi Văn Nam".into(), hint: "HND".into(), short: "Bùi Văn Nam".into() },
    ];
    let form = Form::new("t").multi("people", people, vec![1, 2]);
    assert_eq!(form.fields[0].shown_value().as_deref(), Some("Phan Thị Thanh Xuân, Bùi Văn Nam"));
}

#[test]
fn locked_fields_are_shown_but_skipped() {
    let mut form = Form::new("t")
        .text("place", "Phòng họp Khối", false)
        .multiline("notes", "")
        .text("title", "x", false)
        .lock_all_but(&["notes"]);
    assert_eq!(form.fields[form.focus].key, "notes");
    press(&mut form, KeyCode2::Tab);
    assert_eq!(form.fields[form.focus].key, "notes");
    press(&mut form, KeyCode2::BackTab);
    assert_eq!(form.fields[form.focus].key, "notes");
    assert!(screen(&form, 80, 24).contains("Phòng họp Khối"), "locked values stay visible");
}
