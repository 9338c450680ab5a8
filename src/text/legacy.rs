//! Legacy Vietnamese 8-bit text in old spreadsheets: detection and conversion
//! to Unicode NFC.
//!
//! Before Unicode, offices typed Vietnamese with font-based encodings, above
//! all TCVN3 ("ABC", fonts such as .VnTime) and VNI-Windows (fonts such as
//! VNI-Times). The cell stores plain bytes and the font draws them as
//! Vietnamese letters; read as a string, each byte becomes its Windows-1252
//! character, so "Hội Nông dân" arrives as `Héi N«ng d©n` (TCVN3) or
//! `Hoäi Noâng daân` (VNI).
//!
//! - TCVN3 has one byte per lowercase letter with its marks, plus the seven
//!   capitals Ă Â Đ Ê Ô Ơ Ư. Capitals with a tone were typed with the
//!   all-caps fonts (.VnTimeH) using the lowercase codes, so a word with two
//!   or more capitals and no plain lowercase letter comes out in capitals.
//! - VNI writes a base letter followed by one mark byte (tone, circumflex,
//!   breve, or a circumflex or breve together with a tone); ơ ư đ and i or ỵ
//!   with a tone have bytes of their own. Capitals have their own mark bytes.

use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese 8-bit encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 as used by the ABC fonts (.VnTime, .VnArial, …).
    Tcvn3,
    /// VNI-Windows (VNI-Times, VNI-Helve, …).
    Vni,
}

/// Guess whether a cell is TCVN3 or VNI text (None if it looks like Unicode or plain ASCII).
///
/// Text holding any character that is not one byte of Windows-1252 (or
/// Latin-1) cannot come from a legacy font, so it is Unicode: this covers
/// Vietnamese letters such as ộ ă đ ơ ư, combining marks, and other scripts.
/// Otherwise every word with a non-ASCII character is read three ways (as it
/// stands, as TCVN3, as VNI) and checked against the shape of a Vietnamese
/// syllable (or of an abbreviation such as HĐND), written in lowercase, in
/// capitals or capitalised. A legacy reading earns a point only for a word it
/// changes into Vietnamese, and is chosen only when it scores higher than the
/// text as it stands and than the other legacy reading, with at least three
/// of four of its words reading as Vietnamese. So "café" or "Müller" stay as
/// they are, and so does Unicode Vietnamese that happens to use only Latin-1
/// letters ("Nông dân"). A single word that reads as Vietnamese more than one
/// way ("bé": bé or bộ) is left alone.
pub fn detect(s: &str) -> Option<Legacy> {
    if s.is_ascii() || !s.chars().all(|c| legacy_byte(c).is_some()) {
        return None;
    }
    let unicode = score(s, None);
    let tcvn3 = score(s, Some(Legacy::Tcvn3));
    let vni = score(s, Some(Legacy::Vni));
    let (from, best) = match tcvn3.net().cmp(&vni.net()) {
        std::cmp::Ordering::Greater => (Legacy::Tcvn3, tcvn3),
        std::cmp::Ordering::Less => (Legacy::Vni, vni),
        std::cmp::Ordering::Equal => return None,
    };
    let plausible = best.valid > 0 && best.invalid * 3 <= best.valid && best.net() > unicode.net();
    plausible.then_some(from)
}

/// Convert from the given legacy encoding to Unicode NFC.
///
/// Characters that have no meaning in the encoding (ASCII, punctuation such
/// as “ ” – …) are kept as they are.
pub fn convert(s: &str, from: Legacy) -> String {
    let out = match from {
        Legacy::Tcvn3 => tcvn3_to_unicode(s),
        Legacy::Vni => vni_to_unicode(s),
    };
    out.nfc().collect()
}

/// The byte a character stood for when legacy bytes were read as
/// Windows-1252, or as Latin-1 for the five bytes Windows-1252 leaves
/// undefined and for readers that used Latin-1 throughout.
fn legacy_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(c) {
        return Some(b);
    }
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// The TCVN3 (ABC) letter for a byte; None for bytes that keep their
/// Windows-1252 meaning.
fn tcvn3_letter(b: u8) -> Option<char> {
    let c = match b {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => return None,
    };
    Some(c)
}

fn tcvn3_to_unicode(s: &str) -> String {
    // Each character with whether it came from a lowercase table code, which
    // an all-caps font draws as a capital.
    let chars: Vec<(char, bool)> = s
        .chars()
        .map(|c| match legacy_byte(c).and_then(tcvn3_letter) {
            Some(l) => (l, l.is_lowercase()),
            None => (c, false),
        })
        .collect();
    let mut out = String::with_capacity(s.len() * 2);
    for word in chars.chunk_by(|a, b| a.0.is_alphabetic() == b.0.is_alphabetic()) {
        // Two or more capitals and no plain lowercase letter: an all-caps word.
        let capitals = word.iter().filter(|(c, _)| c.is_uppercase()).count();
        let plain_lower = word.iter().any(|&(c, ambiguous)| !ambiguous && c.is_lowercase());
        let all_caps = capitals >= 2 && !plain_lower;
        for &(c, ambiguous) in word {
            if all_caps && ambiguous {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// The letter-shaping part of a VNI mark byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    None,
    Circumflex,
    Breve,
}

/// Combining tone marks, in VNI's order: sắc, huyền, hỏi, ngã, nặng.
const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';

/// What a VNI mark byte adds to the vowel before it (either case).
fn vni_mark(c: char) -> Option<(Shape, Option<char>)> {
    let m = match c.to_lowercase().next().unwrap_or(c) {
        'ù' => (Shape::None, Some(ACUTE)),
        'ø' => (Shape::None, Some(GRAVE)),
        'û' => (Shape::None, Some(HOOK)),
        'õ' => (Shape::None, Some(TILDE)),
        'ï' => (Shape::None, Some(DOT)),
        'â' => (Shape::Circumflex, None),
        'á' => (Shape::Circumflex, Some(ACUTE)),
        'à' => (Shape::Circumflex, Some(GRAVE)),
        'å' => (Shape::Circumflex, Some(HOOK)),
        'ã' => (Shape::Circumflex, Some(TILDE)),
        'ä' => (Shape::Circumflex, Some(DOT)),
        'ê' => (Shape::Breve, None),
        'é' => (Shape::Breve, Some(ACUTE)),
        'è' => (Shape::Breve, Some(GRAVE)),
        'ú' => (Shape::Breve, Some(HOOK)),
        'ü' => (Shape::Breve, Some(TILDE)),
        'ë' => (Shape::Breve, Some(DOT)),
        _ => return None,
    };
    Some(m)
}

/// A vowel that VNI marks can follow, as its Unicode letter.
fn vni_base(c: char) -> Option<char> {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y' => Some(c),
        'ô' => Some('ơ'),
        'ö' => Some('ư'),
        'Ô' => Some('Ơ'),
        'Ö' => Some('Ư'),
        _ => None,
    }
}

/// VNI letters that are one byte of their own.
fn vni_single(c: char) -> Option<char> {
    let l = match c {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'í' => 'í',
        'ì' => 'ì',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        'î' => 'ỵ',
        'Í' => 'Í',
        'Ì' => 'Ì',
        'Æ' => 'Ỉ',
        'Ó' => 'Ĩ',
        'Ò' => 'Ị',
        'Î' => 'Ỵ',
        _ => return None,
    };
    Some(l)
}

fn vni_to_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(base) = vni_base(c) {
            out.push(base);
            let plain = base.to_ascii_lowercase();
            let fits = |shape: Shape| match shape {
                Shape::None => true,
                Shape::Circumflex => matches!(plain, 'a' | 'e' | 'o'),
                Shape::Breve => plain == 'a',
            };
            // Capitals have their own mark bytes: a mark of the other case is not a mark.
            let same_case = |m: &&char| m.is_uppercase() == base.is_uppercase();
            if let Some((shape, tone)) =
                chars.peek().filter(same_case).and_then(|&m| vni_mark(m)).filter(|&(sh, _)| fits(sh))
            {
                chars.next();
                match shape {
                    Shape::None => {}
                    Shape::Circumflex => out.push('\u{302}'),
                    Shape::Breve => out.push('\u{306}'),
                }
                out.extend(tone);
            }
        } else if let Some(l) = vni_single(c) {
            out.push(l);
        } else {
            out.push(c);
        }
    }
    out
}

/// How many of the words touched by an encoding read as Vietnamese syllables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Score {
    valid: usize,
    invalid: usize,
}

impl Score {
    fn net(self) -> isize {
        self.valid as isize - self.invalid as isize
    }
}

/// Scores the words of `s` that hold a non-ASCII character, read as they
/// stand (`None`) or through a legacy encoding. A legacy reading earns a point
/// only for a word it changes into Vietnamese; a word it leaves as it was and
/// that already reads as Vietnamese is no evidence either way.
fn score(s: &str, from: Option<Legacy>) -> Score {
    // A word: ASCII letters and the upper half of Latin-1, where both
    // encodings keep their letters and marks.
    let in_word = |c: char| c.is_ascii_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c);
    let mut score = Score::default();
    for word in s.split(|c| !in_word(c)).filter(|w| !w.is_ascii()) {
        let raw: String = word.nfc().collect();
        let read = from.map_or_else(|| raw.clone(), |l| convert(word, l));
        if !is_vietnamese_word(&read) {
            score.invalid += 1;
        } else if from.is_none() || read != raw {
            score.valid += 1;
        }
    }
    score
}

/// A syllable, or an abbreviation with Đ such as HĐND or LĐLĐ, in lowercase,
/// capitals or with only its first letter a capital.
fn is_vietnamese_word(w: &str) -> bool {
    let rest_lower = w.chars().skip(1).all(char::is_lowercase);
    let all_caps = w.chars().all(char::is_uppercase);
    (rest_lower || all_caps) && (is_syllable(w) || is_abbreviation(w))
}

/// Capitals only, with Đ, at most one vowel: HĐND, ĐTN, LĐLĐ, ĐUQS.
fn is_abbreviation(w: &str) -> bool {
    let n = w.chars().count();
    let vowels = w.chars().filter(|c| "AĂÂEÊIOÔƠUƯY".contains(*c)).count();
    (2..=8).contains(&n)
        && w.contains('Đ')
        && vowels <= 1
        && w.chars().all(|c| c.is_uppercase() && c.to_lowercase().all(|l| LETTERS.contains(l)))
}

/// Vietnamese letters once tone marks are taken off (f, j, w, z are not used).
const LETTERS: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";

/// Initial consonants, longest first so "ngh" is tried before "ng".
const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "x", "",
];

/// Final consonants.
const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// Vowel groups that end a syllable (no final consonant).
const OPEN_ONLY: [&str; 32] = [
    "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "ua", "ưa",
    "uơ", "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "oao",
];

/// Vowel groups that need a final consonant.
const CLOSED_ONLY: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"];

/// Vowel groups that may or may not have one.
const EITHER: [&str; 13] = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oe", "uê", "uy"];

/// Whether a word has the shape of one Vietnamese syllable: an optional
/// initial consonant, a vowel group, an optional final consonant, at most one
/// tone, and only sắc or nặng before a stop (c, ch, p, t).
fn is_syllable(word: &str) -> bool {
    let mut tone = None;
    let mut rest = String::with_capacity(word.len());
    for c in word.nfd() {
        if matches!(c, ACUTE | GRAVE | HOOK | TILDE | DOT) {
            if tone.is_some() {
                return false;
            }
            tone = Some(c);
        } else {
            rest.push(c);
        }
    }
    let letters: String = rest.nfc().flat_map(char::to_lowercase).collect();
    if letters.is_empty() || !letters.chars().all(|c| LETTERS.contains(c)) {
        return false;
    }
    INITIALS.iter().filter_map(|i| letters.strip_prefix(i)).any(|rhyme| is_rhyme(rhyme, tone, &letters))
}

fn is_rhyme(rhyme: &str, tone: Option<char>, word: &str) -> bool {
    FINALS.iter().any(|fin| {
        let Some(vowels) = rhyme.strip_suffix(fin).filter(|v| !v.is_empty()) else {
            return false;
        };
        let group_ok = if fin.is_empty() {
            OPEN_ONLY.contains(&vowels) || EITHER.contains(&vowels)
        } else {
            CLOSED_ONLY.contains(&vowels) || EITHER.contains(&vowels)
        };
        // "ch" and "nh" follow only a, ê, i, y (ach, ênh, ich, uynh, …).
        let final_ok = !matches!(*fin, "ch" | "nh") || vowels.ends_with(['a', 'ê', 'i', 'y']);
        let stop = matches!(*fin, "c" | "ch" | "p" | "t");
        let tone_ok = !stop || matches!(tone, Some(ACUTE | DOT));
        group_ok && final_ok && tone_ok && spelling_ok(word, rhyme)
    })
}

/// Spelling rules at the start of the rhyme: k, gh, ngh only before e, ê, i,
/// y; c and ng never before them.
fn spelling_ok(word: &str, rhyme: &str) -> bool {
    let front = rhyme.starts_with(['e', 'ê', 'i', 'y']);
    let initial = &word[..word.len() - rhyme.len()];
    match initial {
        "k" | "gh" | "ngh" => front,
        "c" | "ng" => !front,
        _ => true,
    }
}

#[cfg(test)]
#[path = "legacy_tests.rs"]
mod tests;
