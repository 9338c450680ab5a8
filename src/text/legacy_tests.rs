//! Character-by-character checks of the legacy tables and detection.

use super::*;
use unicode_normalization::is_nfc;

/// Every TCVN3 code, with the letter typed out (checked against the
/// TCVN 5712 tables of glibc's TCVN5712-1 converter).
const TCVN3_TABLE: [(u8, &str); 74] = [
    (0xB8, "á"),
    (0xB5, "à"),
    (0xB6, "ả"),
    (0xB7, "ã"),
    (0xB9, "ạ"),
    (0xA8, "ă"),
    (0xBE, "ắ"),
    (0xBB, "ằ"),
    (0xBC, "ẳ"),
    (0xBD, "ẵ"),
    (0xC6, "ặ"),
    (0xA9, "â"),
    (0xCA, "ấ"),
    (0xC7, "ầ"),
    (0xC8, "ẩ"),
    (0xC9, "ẫ"),
    (0xCB, "ậ"),
    (0xAE, "đ"),
    (0xD0, "é"),
    (0xCC, "è"),
    (0xCE, "ẻ"),
    (0xCF, "ẽ"),
    (0xD1, "ẹ"),
    (0xAA, "ê"),
    (0xD5, "ế"),
    (0xD2, "ề"),
    (0xD3, "ể"),
    (0xD4, "ễ"),
    (0xD6, "ệ"),
    (0xDD, "í"),
    (0xD7, "ì"),
    (0xD8, "ỉ"),
    (0xDC, "ĩ"),
    (0xDE, "ị"),
    (0xE3, "ó"),
    (0xDF, "ò"),
    (0xE1, "ỏ"),
    (0xE2, "õ"),
    (0xE4, "ọ"),
    (0xAB, "ô"),
    (0xE8, "ố"),
    (0xE5, "ồ"),
    (0xE6, "ổ"),
    (0xE7, "ỗ"),
    (0xE9, "ộ"),
    (0xAC, "ơ"),
    (0xED, "ớ"),
    (0xEA, "ờ"),
    (0xEB, "ở"),
    (0xEC, "ỡ"),
    (0xEE, "ợ"),
    (0xF3, "ú"),
    (0xEF, "ù"),
    (0xF1, "ủ"),
    (0xF2, "ũ"),
    (0xF4, "ụ"),
    (0xAD, "ư"),
    (0xF8, "ứ"),
    (0xF5, "ừ"),
    (0xF6, "ử"),
    (0xF7, "ữ"),
    (0xF9, "ự"),
    (0xFD, "ý"),
    (0xFA, "ỳ"),
    (0xFB, "ỷ"),
    (0xFC, "ỹ"),
    (0xFE, "ỵ"),
    (0xA1, "Ă"),
    (0xA2, "Â"),
    (0xA7, "Đ"),
    (0xA3, "Ê"),
    (0xA4, "Ô"),
    (0xA5, "Ơ"),
    (0xA6, "Ư"),
];

#[test]
fn every_tcvn3_code_converts_to_its_letter() {
    let mut seen = std::collections::HashSet::new();
    for (byte, want) in TCVN3_TABLE {
        assert!(seen.insert(byte), "byte {byte:#04X} listed twice");
        // 0xA1..=0xFE are the same character in Windows-1252 and Latin-1.
        let input = char::from(byte).to_string();
        assert_eq!(convert(&input, Legacy::Tcvn3), want, "byte {byte:#04X}");
        // Inside a word too ("x" keeps the word from reading as all capitals).
        assert_eq!(convert(&format!("x{input}x"), Legacy::Tcvn3), format!("x{want}x"), "byte {byte:#04X}");
    }
    assert_eq!(seen.len(), 74);
}

#[test]
fn tcvn3_leaves_other_characters_alone() {
    assert_eq!(convert("UBND huyện? 2026 – “x” … €5 § 3", Legacy::Tcvn3), "UBND huyện? 2026 – “x” … €5 Đ 3");
    // Bytes outside the ABC table keep their Windows-1252 meaning.
    assert_eq!(convert("\u{A0}°±²³´ºÀÁÂÃÄÅÍÙÚÛàðÿ", Legacy::Tcvn3), "\u{A0}°±²³´ºÀÁÂÃÄÅÍÙÚÛàðÿ");
    // C1 controls (Latin-1 readers) and Windows-1252 punctuation are not letters.
    assert_eq!(convert("a\u{85}b\u{96}c", Legacy::Tcvn3), "a\u{85}b\u{96}c");
}

#[test]
fn tcvn3_samples() {
    assert_eq!(convert("Héi N«ng d©n", Legacy::Tcvn3), "Hội Nông dân");
    assert_eq!(convert("Xin chµo c¸c b¹n", Legacy::Tcvn3), "Xin chào các bạn");
    assert_eq!(convert("T«i ®i häc", Legacy::Tcvn3), "Tôi đi học");
    assert_eq!(convert("Phã Chñ tÞch", Legacy::Tcvn3), "Phó Chủ tịch");
    assert_eq!(convert("Héi Liªn hiÖp Phô n÷", Legacy::Tcvn3), "Hội Liên hiệp Phụ nữ");
    assert_eq!(convert("NguyÔn V¨n Th\u{AD}êng", Legacy::Tcvn3), "Nguyễn Văn Thường");
    assert_eq!(convert("§oµn Thanh niªn Céng s¶n Hå ChÝ Minh", Legacy::Tcvn3), "Đoàn Thanh niên Cộng sản Hồ Chí Minh");
    assert_eq!(
        convert(
            "Héi nghÞ giao ban Khèi MÆt trËn Tæ quèc vµ c¸c ®oµn thÓ chÝnh trÞ - x· héi huyÖn H¶i Hµ",
            Legacy::Tcvn3
        ),
        "Hội nghị giao ban Khối Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện Hải Hà"
    );
}

#[test]
fn tcvn3_all_caps_words_come_out_in_capitals() {
    assert_eq!(convert("HéI N«NG D¢N", Legacy::Tcvn3), "HỘI NÔNG DÂN");
    assert_eq!(convert("§¹I HéI", Legacy::Tcvn3), "ĐẠI HỘI");
    assert_eq!(convert("UBND TØNH", Legacy::Tcvn3), "UBND TỈNH");
    // One capital is a capitalised word, not an all-caps one.
    assert_eq!(convert("Bé §éi", Legacy::Tcvn3), "Bộ Đội");
    assert_eq!(convert("HéI n«ng", Legacy::Tcvn3), "HỘI nông");
}

/// (VNI, Unicode) for the 12 vowels with no tone and the five tones.
const VNI_LOWER: [[(&str, &str); 6]; 12] = [
    [("a", "a"), ("aù", "á"), ("aø", "à"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ")],
    [("aê", "ă"), ("aé", "ắ"), ("aè", "ằ"), ("aú", "ẳ"), ("aü", "ẵ"), ("aë", "ặ")],
    [("aâ", "â"), ("aá", "ấ"), ("aà", "ầ"), ("aå", "ẩ"), ("aã", "ẫ"), ("aä", "ậ")],
    [("e", "e"), ("eù", "é"), ("eø", "è"), ("eû", "ẻ"), ("eõ", "ẽ"), ("eï", "ẹ")],
    [("eâ", "ê"), ("eá", "ế"), ("eà", "ề"), ("eå", "ể"), ("eã", "ễ"), ("eä", "ệ")],
    [("i", "i"), ("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị")],
    [("o", "o"), ("où", "ó"), ("oø", "ò"), ("oû", "ỏ"), ("oõ", "õ"), ("oï", "ọ")],
    [("oâ", "ô"), ("oá", "ố"), ("oà", "ồ"), ("oå", "ổ"), ("oã", "ỗ"), ("oä", "ộ")],
    [("ô", "ơ"), ("ôù", "ớ"), ("ôø", "ờ"), ("ôû", "ở"), ("ôõ", "ỡ"), ("ôï", "ợ")],
    [("u", "u"), ("uù", "ú"), ("uø", "ù"), ("uû", "ủ"), ("uõ", "ũ"), ("uï", "ụ")],
    [("ö", "ư"), ("öù", "ứ"), ("öø", "ừ"), ("öû", "ử"), ("öõ", "ữ"), ("öï", "ự")],
    [("y", "y"), ("yù", "ý"), ("yø", "ỳ"), ("yû", "ỷ"), ("yõ", "ỹ"), ("î", "ỵ")],
];

const VNI_UPPER: [[(&str, &str); 6]; 12] = [
    [("A", "A"), ("AÙ", "Á"), ("AØ", "À"), ("AÛ", "Ả"), ("AÕ", "Ã"), ("AÏ", "Ạ")],
    [("AÊ", "Ă"), ("AÉ", "Ắ"), ("AÈ", "Ằ"), ("AÚ", "Ẳ"), ("AÜ", "Ẵ"), ("AË", "Ặ")],
    [("AÂ", "Â"), ("AÁ", "Ấ"), ("AÀ", "Ầ"), ("AÅ", "Ẩ"), ("AÃ", "Ẫ"), ("AÄ", "Ậ")],
    [("E", "E"), ("EÙ", "É"), ("EØ", "È"), ("EÛ", "Ẻ"), ("EÕ", "Ẽ"), ("EÏ", "Ẹ")],
    [("EÂ", "Ê"), ("EÁ", "Ế"), ("EÀ", "Ề"), ("EÅ", "Ể"), ("EÃ", "Ễ"), ("EÄ", "Ệ")],
    [("I", "I"), ("Í", "Í"), ("Ì", "Ì"), ("Æ", "Ỉ"), ("Ó", "Ĩ"), ("Ò", "Ị")],
    [("O", "O"), ("OÙ", "Ó"), ("OØ", "Ò"), ("OÛ", "Ỏ"), ("OÕ", "Õ"), ("OÏ", "Ọ")],
    [("OÂ", "Ô"), ("OÁ", "Ố"), ("OÀ", "Ồ"), ("OÅ", "Ổ"), ("OÃ", "Ỗ"), ("OÄ", "Ộ")],
    [("Ô", "Ơ"), ("ÔÙ", "Ớ"), ("ÔØ", "Ờ"), ("ÔÛ", "Ở"), ("ÔÕ", "Ỡ"), ("ÔÏ", "Ợ")],
    [("U", "U"), ("UÙ", "Ú"), ("UØ", "Ù"), ("UÛ", "Ủ"), ("UÕ", "Ũ"), ("UÏ", "Ụ")],
    [("Ö", "Ư"), ("ÖÙ", "Ứ"), ("ÖØ", "Ừ"), ("ÖÛ", "Ử"), ("ÖÕ", "Ữ"), ("ÖÏ", "Ự")],
    [("Y", "Y"), ("YÙ", "Ý"), ("YØ", "Ỳ"), ("YÛ", "Ỷ"), ("YÕ", "Ỹ"), ("Î", "Ỵ")],
];

#[test]
fn every_vni_vowel_and_tone_converts() {
    for (vni, want) in VNI_LOWER.iter().chain(&VNI_UPPER).flatten() {
        assert_eq!(convert(vni, Legacy::Vni), *want, "{vni:?}");
        // After a consonant and before a final, as in a syllable.
        assert_eq!(convert(&format!("t{vni}n"), Legacy::Vni), format!("t{want}n"), "{vni:?}");
    }
    assert_eq!(convert("ñ", Legacy::Vni), "đ");
    assert_eq!(convert("Ñ", Legacy::Vni), "Đ");
    assert_eq!(convert("ñaët", Legacy::Vni), "đặt");
    assert_eq!(convert("ÑAËT", Legacy::Vni), "ĐẶT");
}

#[test]
fn vni_samples() {
    assert_eq!(convert("Hoäi Noâng daân", Legacy::Vni), "Hội Nông dân");
    assert_eq!(convert("Phuï nöõ", Legacy::Vni), "Phụ nữ");
    assert_eq!(convert("Ñoaøn Thanh nieân", Legacy::Vni), "Đoàn Thanh niên");
    assert_eq!(convert("Xin chaøo caùc baïn", Legacy::Vni), "Xin chào các bạn");
    assert_eq!(convert("Toâi ñi hoïc", Legacy::Vni), "Tôi đi học");
    assert_eq!(convert("Nguyeãn Vaên Thöôøng", Legacy::Vni), "Nguyễn Văn Thường");
    assert_eq!(convert("Ngöôøi ôi", Legacy::Vni), "Người ơi");
    assert_eq!(convert("HOÄI NOÂNG DAÂN", Legacy::Vni), "HỘI NÔNG DÂN");
    assert_eq!(
        convert(
            "Hoäi nghò giao ban Khoái Maët traän Toå quoác vaø caùc ñoaøn theå chính trò - xaõ hoäi huyeän Haûi Haø",
            Legacy::Vni
        ),
        "Hội nghị giao ban Khối Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện Hải Hà"
    );
}

#[test]
fn vni_marks_only_join_a_vowel_that_takes_them() {
    // A mark byte after a consonant, or a breve on e, stays as it was.
    assert_eq!(convert("dâ", Legacy::Vni), "dâ");
    assert_eq!(convert("eê", Legacy::Vni), "eê");
    assert_eq!(convert("uâ", Legacy::Vni), "uâ");
    // One mark per vowel: a second one is left alone.
    assert_eq!(convert("aùù", Legacy::Vni), "áù");
    assert_eq!(convert("UBND 2026 – “x”", Legacy::Vni), "UBND 2026 – “x”");
}

#[test]
fn output_is_nfc_and_precomposed() {
    for (s, from) in [
        ("Hoäi Noâng daân", Legacy::Vni),
        ("Héi N«ng d©n", Legacy::Tcvn3),
        ("Ngöôøi", Legacy::Vni),
        ("oä", Legacy::Vni),
        ("TØNH", Legacy::Tcvn3),
    ] {
        let out = convert(s, from);
        assert!(is_nfc(&out), "{out:?}");
        assert!(!out.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)), "{out:?}");
    }
    assert_eq!(convert("oä", Legacy::Vni), "\u{1ED9}");
    assert_eq!(convert("öôø", Legacy::Vni), "\u{1B0}\u{1EDD}");
    // Decomposed input is composed too.
    assert_eq!(convert("To\u{302}i", Legacy::Tcvn3), "Tôi");
}

#[test]
fn detects_the_samples() {
    assert_eq!(detect("Héi N«ng d©n"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Hoäi Noâng daân"), Some(Legacy::Vni));
    assert_eq!(detect("Phuï nöõ"), Some(Legacy::Vni));
    assert_eq!(detect("Ñoaøn Thanh nieân"), Some(Legacy::Vni));
    assert_eq!(detect("Xin chµo c¸c b¹n"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Xin chaøo caùc baïn"), Some(Legacy::Vni));
    assert_eq!(detect("T«i ®i häc"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Toâi ñi hoïc"), Some(Legacy::Vni));
    assert_eq!(detect("Phã Chñ tÞch"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Phoù Chuû tòch"), Some(Legacy::Vni));
    assert_eq!(detect("NguyÔn V¨n Th\u{AD}êng"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Nguyeãn Vaên Thöôøng"), Some(Legacy::Vni));
    assert_eq!(detect("HéI N«NG D¢N"), Some(Legacy::Tcvn3));
    assert_eq!(detect("HOÄI NOÂNG DAÂN"), Some(Legacy::Vni));
    assert_eq!(
        detect("Héi nghÞ giao ban Khèi MÆt trËn Tæ quèc vµ c¸c ®oµn thÓ chÝnh trÞ - x· héi huyÖn H¶i Hµ"),
        Some(Legacy::Tcvn3)
    );
    assert_eq!(
        detect(
            "Hoäi nghò giao ban Khoái Maët traän Toå quoác vaø caùc ñoaøn theå chính trò - xaõ hoäi huyeän Haûi Haø"
        ),
        Some(Legacy::Vni)
    );
    // One-word cells, as in a gender or title column.
    assert_eq!(detect("Nöõ"), Some(Legacy::Vni));
    assert_eq!(detect("N÷"), Some(Legacy::Tcvn3));
    assert_eq!(detect("§éi tr\u{AD}ëng"), Some(Legacy::Tcvn3));
}

#[test]
fn detection_weighs_the_words_an_encoding_changes() {
    // "dù" reads as Vietnamese unchanged under VNI, but TCVN3 changes both words.
    assert_eq!(detect("Cö tri tham dù"), Some(Legacy::Tcvn3));
    assert_eq!(convert("Cö tri tham dù", Legacy::Tcvn3), "Cử tri tham dự");
    // A capital inside a lowercase word ("vƯ" under VNI) is not Vietnamese.
    assert_eq!(detect("vÖ sinh"), Some(Legacy::Tcvn3));
    // Under VNI a capital mark does not join a lowercase vowel ("kiÕn").
    assert_eq!(detect("ý kiÕn"), Some(Legacy::Tcvn3));
    assert_eq!(convert("ý kiÕn", Legacy::Tcvn3), "ý kiến");
    // Abbreviations with Đ.
    assert_eq!(detect("H§ND"), Some(Legacy::Tcvn3));
    assert_eq!(detect("HÑND"), Some(Legacy::Vni));
    assert_eq!(detect("KH/L§L§"), Some(Legacy::Tcvn3));
    assert_eq!(convert("Th\u{AD}êng trùc H§ND huyÖn", Legacy::Tcvn3), "Thường trực HĐND huyện");
    assert_eq!(convert("Thöôøng tröïc HÑND huyeän", Legacy::Vni), "Thường trực HĐND huyện");
    // Three of four words must read as Vietnamese.
    assert_eq!(detect("Müller Héi N«ng d©n"), Some(Legacy::Tcvn3));
    assert_eq!(detect("Müller Héi N«ng"), None);
    // Ambiguous single words are left alone.
    assert_eq!(detect("bé"), None);
    assert_eq!(detect("tæ"), None);
}

#[test]
fn vni_marks_keep_to_their_case() {
    assert_eq!(convert("OÙ", Legacy::Vni), "Ó");
    assert_eq!(convert("où", Legacy::Vni), "ó");
    assert_eq!(convert("oÙ", Legacy::Vni), "oÙ");
    assert_eq!(convert("Où", Legacy::Vni), "Où");
    assert_eq!(convert("ÔÙ ôù", Legacy::Vni), "Ớ ớ");
}

#[test]
fn unicode_vietnamese_is_not_legacy() {
    assert_eq!(detect("Hội Nông dân"), None);
    assert_eq!(detect("Đoàn Thanh niên"), None);
    assert_eq!(detect("Phụ nữ"), None);
    assert_eq!(detect("Mặt trận Tổ quốc Việt Nam"), None);
    // Decomposed (NFD) Vietnamese.
    assert_eq!(detect("Ho\u{323}\u{302}i"), None);
    // Only Latin-1 letters, and a valid reading either way: stays Unicode.
    assert_eq!(detect("Nông dân"), None);
    assert_eq!(detect("Tôi"), None);
    assert_eq!(detect("Cà Mau"), None);
    assert_eq!(detect("Bà Tô Thị"), None);
}

#[test]
fn ascii_is_not_legacy() {
    assert_eq!(detect(""), None);
    assert_eq!(detect("UBND huyen Hai Ha"), None);
    assert_eq!(detect("Ban Dan van 2026; so 12/BC-MTTQ"), None);
}

#[test]
fn european_words_are_not_legacy() {
    for s in [
        "café",
        "Müller",
        "Café Müller",
        "Grüße aus München",
        "Crème brûlée",
        "São Paulo",
        "El niño",
        "Noël",
        "Hélène Dupré",
        "déjà vu",
        "Straße",
        "§ 5",
        "© 2026",
        "25 °C",
    ] {
        assert_eq!(detect(s), None, "{s:?}");
    }
}

#[test]
fn other_scripts_are_not_legacy() {
    assert_eq!(detect("Москва"), None);
    assert_eq!(detect("北京"), None);
    assert_eq!(detect("Héi → N«ng"), None);
    // Any Unicode Vietnamese letter means the cell is Unicode already.
    assert_eq!(detect("Héi N«ng d©n Việt"), None);
    assert_eq!(detect("Hoäi Noâng daân Việt"), None);
}

#[test]
fn syllable_shapes() {
    for w in [
        "hội", "nông", "dân", "người", "nghiêng", "khuya", "quốc", "giữa", "gì", "xoong", "uống", "Đoàn", "ý", "ki",
        "ca", "ăn", "HỘI", "thuở", "khuỷu", "chuyện", "tịch", "oanh",
    ] {
        assert!(is_syllable(w), "{w:?} should read as a syllable");
    }
    for w in [
        "café", "müller", "hoọi", "daõn", "nửừ", "cê", "ka", "ngi", "gha", "tat", "tàt", "ăt", "â", "a1", "och", "sẫo",
        "", "ng",
    ] {
        assert!(!is_syllable(w), "{w:?} should not read as a syllable");
    }
}
