//! Vietnamese alphabetical order (CLDR "vi" letters, dictionary tone order).
//!
//! Three levels, like UCA: primary = letters (ă, â, đ, ê, ô, ơ, ư are distinct
//! letters), secondary = tones (none < huyền < hỏi < ngã < sắc < nặng),
//! tertiary = case (lowercase first).

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// Latin alphabet with the Vietnamese letters in their CLDR places.
/// f, j, w, z keep their Latin positions.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q',
    'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// Level separator; every real weight is greater than it.
const SEP: u32 = 0;
const SPACE: u32 = 1;
const PUNCT_BASE: u32 = 0x10;
const DIGIT_BASE: u32 = 0x100;
const LETTER_BASE: u32 = 0x1000;
const OTHER_BASE: u32 = 0x10000;

/// One collation element: a base character with its marks applied.
#[derive(Debug, Clone, Copy)]
struct Element {
    primary: u32,
    secondary: u32,
    tertiary: u32,
}

fn tone_weight(mark: char) -> Option<u32> {
    match mark {
        '\u{0300}' => Some(1), // huyền
        '\u{0309}' => Some(2), // hỏi
        '\u{0303}' => Some(3), // ngã
        '\u{0301}' => Some(4), // sắc
        '\u{0323}' => Some(5), // nặng
        _ => None,
    }
}

fn letter_weight(letter: char) -> Option<u32> {
    ALPHABET.iter().position(|l| *l == letter).map(|i| LETTER_BASE + i as u32)
}

/// The lowercase form of a character when it is one character.
fn lower(c: char) -> Option<char> {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// The Vietnamese letter a base letter and a letter-forming mark make
/// (breve, circumflex, horn).
fn with_mark(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '\u{0306}') => 'ă',
        ('a', '\u{0302}') => 'â',
        ('e', '\u{0302}') => 'ê',
        ('o', '\u{0302}') => 'ô',
        ('o', '\u{031B}') => 'ơ',
        ('u', '\u{031B}') => 'ư',
        _ => return None,
    })
}

fn base_primary(c: char) -> u32 {
    if c.is_whitespace() {
        SPACE
    } else if let Some(d) = c.to_digit(10) {
        DIGIT_BASE + d
    } else if c.is_ascii_punctuation() {
        PUNCT_BASE + c as u32
    } else {
        lower(c).and_then(letter_weight).unwrap_or(OTHER_BASE + c as u32)
    }
}

/// Splits the NFD form into elements; letter-forming marks (breve, circumflex,
/// horn) change the primary, tone marks set the secondary, other marks are a
/// weak secondary difference.
fn elements(s: &str) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    // Lowercase base of the last element, to look up a+breve = "ă" etc.
    let mut last_base: Option<char> = None;
    for c in s.nfd() {
        let is_mark = unicode_normalization::char::is_combining_mark(c);
        match out.last_mut() {
            Some(el) if is_mark => {
                if let Some(t) = tone_weight(c) {
                    el.secondary = el.secondary.max(t);
                    continue;
                }
                if let Some(letter) = last_base.and_then(|b| with_mark(b, c)) {
                    el.primary = letter_weight(letter).unwrap_or(el.primary);
                    last_base = Some(letter);
                } else {
                    // Foreign marks (diaeresis, cedilla...) sort after all tones.
                    el.secondary = el.secondary.max(0x10 + c as u32);
                }
            }
            _ => {
                let tertiary = u32::from(c.is_uppercase());
                last_base = lower(c);
                out.push(Element { primary: base_primary(c), secondary: 0, tertiary });
            }
        }
    }
    out
}

/// Sort key whose lexicographic order is Vietnamese alphabetical order:
/// all primaries, separator, all tones, separator, all case bits.
pub fn collation_key(s: &str) -> Vec<u32> {
    let els = elements(s);
    let mut key = Vec::with_capacity(els.len() * 3 + 2);
    key.extend(els.iter().map(|e| e.primary));
    key.push(SEP);
    key.extend(els.iter().map(|e| e.secondary));
    key.push(SEP);
    key.extend(els.iter().map(|e| e.tertiary));
    key
}

/// Compares two strings in Vietnamese order.
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    collation_key(a).cmp(&collation_key(b))
}

/// Key for Vietnamese personal names: the given name (last word) first, fully
/// compared on all three levels; ties are broken by the whole name read from
/// the start (family name, then middle names). So "Lê Văn Bình" sorts before
/// "Trần Thị Bình", and both after "Nguyễn Văn An".
pub fn person_name_key(full_name: &str) -> Vec<u32> {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let given = words.last().copied().unwrap_or("");
    let mut key = collation_key(given);
    // Equal given-name keys always have equal length, so this separator aligns.
    key.push(SEP);
    key.extend(collation_key(&words.join(" ")));
    key
}

/// Compares two personal names by `person_name_key`.
pub fn person_cmp(a: &str, b: &str) -> Ordering {
    person_name_key(a).cmp(&person_name_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_ascending(words: &[&str]) {
        for pair in words.windows(2) {
            assert_eq!(vi_cmp(pair[0], pair[1]), Ordering::Less, "{:?} should sort before {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn letter_order() {
        assert_ascending(&["an", "ăn", "ân", "bà"]);
        assert_ascending(&["da", "đa", "e"]);
        assert_ascending(&["o", "ô", "ơ", "p"]);
        assert_ascending(&["u", "ư", "v"]);
        assert_ascending(&["e", "ê", "f", "g"]);
        // Non-Vietnamese letters keep their Latin places.
        assert_ascending(&["i", "j", "k"]);
        assert_ascending(&["v", "w", "x", "y", "z"]);
        // Foreign marks sort after the plain and toned letter.
        assert_ascending(&["u", "ú", "ü", "ư"]);
    }

    #[test]
    fn tone_order() {
        assert_ascending(&["ma", "mà", "mả", "mã", "má", "mạ"]);
        // Tone is secondary: a letter difference later in the word wins.
        assert_ascending(&["má", "mac"]);
        assert_ascending(&["ấn", "ầnh"]);
    }

    #[test]
    fn case_is_tertiary() {
        assert_ascending(&["anh", "Anh", "ánh"]);
        assert_eq!(vi_cmp("Anh", "anh"), Ordering::Greater);
        assert_eq!(vi_cmp("anh", "anh"), Ordering::Equal);
        assert_ascending(&["đa", "Đa"]);
    }

    #[test]
    fn digits_before_letters_and_prefix_first() {
        assert_ascending(&["10", "2", "a"]);
        assert_ascending(&["an", "an b", "anb", "anh"]);
        assert_ascending(&["", "a"]);
        assert_ascending(&["a-b", "a1", "ab"]);
    }

    #[test]
    fn nfd_and_nfc_are_equal() {
        assert_eq!(vi_cmp("Vie\u{0323}\u{0302}t", "Việt"), Ordering::Equal);
        assert_eq!(collation_key("ư\u{0300}"), collation_key("ừ"));
    }

    #[test]
    fn sorts_word_list() {
        let mut words =
            vec!["Ủy ban", "uống", "ăn", "an", "đường", "Dương", "bà", "ba", "Ấp", "ấp", "ơn", "ông", "123", "Xã", "ư"];
        words.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            words,
            vec!["123", "an", "ăn", "ấp", "Ấp", "ba", "bà", "Dương", "đường", "ông", "ơn", "uống", "Ủy ban", "ư", "Xã",]
        );
    }

    #[test]
    fn person_names() {
        let mut names = vec![
            "Trần Thị Bình",
            "Nguyễn Văn An",
            "Lê Văn Bình",
            "Phạm Thị Ánh",
            "Hoàng Anh",
            "Đỗ Minh Đức",
            "Vũ Thị Dung",
            "Bùi Văn Hùng",
            "Ngô Thị Hương",
            "Đặng Văn Ân",
            "Trịnh Hoa",
            "Lý Thị Yến",
        ];
        names.sort_by(|a, b| person_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "Nguyễn Văn An",
                "Hoàng Anh",
                "Phạm Thị Ánh",
                "Đặng Văn Ân",
                "Lê Văn Bình",
                "Trần Thị Bình",
                "Vũ Thị Dung",
                "Đỗ Minh Đức",
                "Trịnh Hoa",
                "Bùi Văn Hùng",
                "Ngô Thị Hương",
                "Lý Thị Yến",
            ]
        );
    }

    #[test]
    fn person_edge_cases() {
        assert_eq!(person_cmp("An", "An"), Ordering::Equal);
        assert_eq!(person_cmp("", "An"), Ordering::Less);
        // Extra spaces do not matter.
        assert_eq!(person_cmp("Nguyễn  Văn   An", "Nguyễn Văn An"), Ordering::Equal);
        // Tone of the given name beats the family name.
        assert_eq!(person_cmp("Trần Bình", "Lê Bính"), Ordering::Less);
    }
}
