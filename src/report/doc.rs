//! A document of record as content, apart from how it is written: the
//! minutes, the notice of conclusions, the invitation and the reminder sheet
//! are built once as a `Document` and then written as Markdown, .docx or
//! plain text by the writers beside this module.

/// The header line on the right, above the title: the national motto for
/// state and Front bodies, the Party's or the Youth Union's for theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Motto {
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc".
    #[default]
    State,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" (Party bodies, the bloc's mass-mobilization office).
    Party,
    /// "ĐOÀN TNCS HỒ CHÍ MINH" (the Youth Union).
    Youth,
}

impl Motto {
    /// The lines of the right-hand header, first one in capitals.
    pub fn lines(self) -> (&'static str, Option<&'static str>) {
        match self {
            Motto::State => ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Some("Độc lập - Tự do - Hạnh phúc")),
            Motto::Party => ("ĐẢNG CỘNG SẢN VIỆT NAM", None),
            Motto::Youth => ("ĐOÀN TNCS HỒ CHÍ MINH", None),
        }
    }

    pub fn parse(s: &str) -> Option<Motto> {
        match s.trim() {
            "" | "state" | "nha-nuoc" => Some(Motto::State),
            "party" | "dang" => Some(Motto::Party),
            "youth" | "doan" => Some(Motto::Youth),
            _ => None,
        }
    }
}

/// The issuer block on the left and the motto on the right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    /// Cơ quan chủ quản, in capitals (may be empty).
    pub parent: String,
    /// The issuing office, in capitals.
    pub office: String,
    /// "Số: 05/BB-KMTTQ" (the whole line).
    pub number: String,
    /// "Hải Hà, ngày 05 tháng 01 năm 2027"; none on the minutes.
    pub place_date: Option<String>,
    pub motto: Motto,
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, italic: false }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: true, italic: false }
    }
    pub fn italic(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, italic: true }
    }
}

/// One piece of the body, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading ("1. Kết quả"), bold, not indented.
    Heading(String),
    /// A body paragraph: justified, first line indented.
    Para(Vec<Span>),
    /// A list entry, written with a leading "- ".
    Bullet(Vec<Span>),
    /// A table with a header row; `widths` are shares of the text width in
    /// percent, one per column, summing to 100.
    Table { widths: Vec<u16>, header: Vec<String>, rows: Vec<Vec<String>> },
}

/// One signature: "TM. BAN THƯỜNG TRỰC" / "CHỦ TỊCH" / "(Ký, ghi rõ họ tên)" / name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signer {
    /// "TM. KHỐI MTTQ VÀ CÁC ĐOÀN THỂ" or empty.
    pub authority: String,
    /// "CHỦ TỌA", "TRƯỞNG KHỐI".
    pub title: String,
    /// "(Ký, ghi rõ họ tên)" or empty.
    pub note: String,
    pub name: String,
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub header: Header,
    /// The type of document in capitals: "BIÊN BẢN", "THÔNG BÁO", "GIẤY MỜI".
    pub title: String,
    /// The subject lines under the title, bold.
    pub subject: Vec<String>,
    pub body: Vec<Block>,
    /// On the minutes: the secretary. When present, both signatures share a
    /// row and the recipients follow below; when absent, the recipients sit
    /// on the left beside the one signature, as on a notice.
    pub left_signer: Option<Signer>,
    pub signer: Signer,
    /// "Nơi nhận:" entries; the last is usually "Lưu: VT".
    pub recipients: Vec<String>,
}
