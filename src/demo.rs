//! Sample data for demos, screenshots and tests: the bloc of Hải Hà district
//! with its people, twelve weekly briefings, about 150 tasks with notes and
//! targets, and some thirty pending items.
//!
//! Everything is generated relative to `today` with a fixed-seed generator,
//! so the same `today` always gives the same data. The figures echo the seed
//! articles: 1,5 tỷ đồng raised, 27 nhà Đại đoàn kết, 220 mô hình "Dân vận
//! khéo", 21 hội nghị tiếp xúc cử tri with about 2.300 lượt cử tri.

use crate::domain::{
    AgendaItem, Attendance, Meeting, MeetingKind, PendingItem, PendingKind, PendingStatus, Person, Target, Task,
    TaskKind, TaskStatus,
};
use crate::store::{Result, Store, StoreError, TaskFilter, Write};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;

pub struct Summary {
    pub meetings: usize,
    pub tasks: usize,
    pub pending: usize,
    pub people: usize,
}

/// Fills `store` with the sample bloc. A database that already has meetings
/// or tasks is refused unless `force`, which first deletes every task,
/// pending item, meeting and person (organizations stay).
pub fn fill(store: &mut Store, today: NaiveDate, force: bool) -> Result<Summary> {
    // One transaction: the demo is there whole, or not at all.
    store.write(|w| {
        let all_tasks = TaskFilter { include_finished: true, ..Default::default() };
        let has_data = !w.store().meetings()?.is_empty() || !w.store().tasks(&all_tasks, today)?.is_empty();
        if has_data && !force {
            return Err(StoreError::DemoRefused);
        }
        if force {
            clear(w, today)?;
        }
        let settings = w.store().settings()?;
        for (key, value, current) in [
            ("bloc_name", BLOC_NAME, &settings.bloc_name),
            ("locality", "Hải Hà", &settings.locality),
            ("level", "huyện", &settings.level),
        ] {
            if force || current.trim().is_empty() {
                w.set_setting(key, value)?;
            }
        }
        let mut gen = Gen::new(w, today)?;
        gen.people()?;
        gen.meetings()?;
        gen.tasks()?;
        gen.pending()?;
        let summary = Summary {
            meetings: gen.meetings.len(),
            tasks: gen.task_count,
            pending: gen.pending_count,
            people: gen.people.len(),
        };
        // The sample is a starting point: undo never unloads it piece by piece.
        w.seal_history()?;
        Ok(summary)
    })
}

/// Deletes the work data, keeping organizations and settings.
fn clear(w: &Write, today: NaiveDate) -> Result<()> {
    let all_tasks = TaskFilter { include_finished: true, ..Default::default() };
    for t in w.store().tasks(&all_tasks, today)? {
        w.delete_task(t.id, None)?;
    }
    for p in w.store().pending_items(None, true)? {
        w.delete_pending_item(p.id, None)?;
    }
    for m in w.store().meetings()? {
        w.delete_meeting(m.id, None)?;
    }
    for p in w.store().people()? {
        w.delete_person(p.id, None)?;
    }
    Ok(())
}

const BLOC_NAME: &str = "Khối MTTQ và các đoàn thể chính trị - xã hội huyện Hải Hà";
const SEED: u64 = 0x6769_616f_6261_6e21; // "giaoban!"

/// A small xorshift64* generator: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn index(&mut self, len: usize) -> usize {
        if len == 0 {
            0
        } else {
            (self.next() % len as u64) as usize
        }
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.index(i + 1);
            v.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------- people

struct PersonDef {
    name: &'static str,
    title: &'static str,
    org: &'static str,
    phone: Option<&'static str>,
    roles: &'static [&'static str],
}

const fn p(
    name: &'static str,
    title: &'static str,
    org: &'static str,
    phone: Option<&'static str>,
    roles: &'static [&'static str],
) -> PersonDef {
    PersonDef { name, title, org, phone, roles }
}

const PEOPLE: &[PersonDef] = &[
    p(
        "Hoàng Văn Thắng",
        "Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện",
        "MTTQ",
        Some("0912 468 135"),
        &["trưởng khối"],
    ),
    p("Lê Thị Thu Hà", "Phó Chủ tịch Thường trực Ủy ban MTTQ huyện", "MTTQ", Some("0983 217 604"), &["phó khối"]),
    p("Vũ Thị Ngọc Ánh", "Chánh Văn phòng Khối", "MTTQ", Some("0336 905 218"), &["thư ký"]),
    p("Đỗ Minh Tuấn", "Chuyên viên Ban Phong trào", "MTTQ", None, &[]),
    p("Trần Quốc Huy", "Bí thư Huyện đoàn", "DTN", Some("0976 552 318"), &[]),
    p("Nguyễn Thị Phương Thảo", "Phó Bí thư Huyện đoàn", "DTN", None, &[]),
    p("Lý Văn Cường", "Chuyên viên Huyện đoàn", "DTN", None, &[]),
    p("Phạm Thị Hồng Nhung", "Chủ tịch Hội Liên hiệp Phụ nữ huyện", "HLHPN", Some("0915 730 482"), &["phó khối"]),
    p("Đặng Thị Lan", "Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện", "HLHPN", None, &[]),
    p("Ninh Thị Mai", "Chuyên viên Hội Liên hiệp Phụ nữ huyện", "HLHPN", Some("0389 114 620"), &[]),
    p("Bùi Văn Nam", "Chủ tịch Hội Nông dân huyện", "HND", Some("0904 381 257"), &[]),
    p("Chu Văn Lộc", "Phó Chủ tịch Hội Nông dân huyện", "HND", None, &[]),
    p("Tô Thị Hằng", "Chuyên viên Hội Nông dân huyện", "HND", None, &[]),
    p("Vi Văn Sơn", "Chuyên viên Hội Nông dân huyện", "HND", Some("0353 827 049"), &[]),
    p("Nguyễn Đình Khang", "Chủ tịch Hội Cựu chiến binh huyện", "HCCB", Some("0913 205 776"), &[]),
    p("Lương Văn Tới", "Phó Chủ tịch Hội Cựu chiến binh huyện", "HCCB", None, &[]),
    p("Đinh Công Bằng", "Ủy viên Thường trực Hội Cựu chiến binh huyện", "HCCB", None, &[]),
    p("Phan Thị Thanh Xuân", "Chủ tịch Liên đoàn Lao động huyện", "LDLD", Some("0982 640 913"), &[]),
    p("Trịnh Văn Dũng", "Phó Chủ tịch Liên đoàn Lao động huyện", "LDLD", None, &[]),
    p("Hà Thị Kim Oanh", "Chuyên viên Liên đoàn Lao động huyện", "LDLD", None, &[]),
];

// ---------------------------------------------------------------- tasks

/// What a task is about; chooses its progress notes.
#[derive(Clone, Copy, PartialEq)]
enum Th {
    Fund,
    House,
    Model,
    Supervise,
    Voters,
    Ntm,
    HangViet,
    Loan,
    Env,
    Tet,
    Youth,
    Women,
    Veterans,
    Labour,
    Farmers,
    Admin,
}

/// (lead organization, title, coordinating organizations, place, theme).
type TaskDef = (&'static str, &'static str, &'static [&'static str], &'static str, Th);

const ALL: &[&str] = &["MTTQ", "DTN", "HLHPN", "HND", "HCCB", "LDLD"];
const KCN: &str = "Khu công nghiệp cảng biển Hải Hà";

const COMMON: &[TaskDef] = &[
    ("MTTQ", "Tổ chức Tháng cao điểm vận động ủng hộ Quỹ “Vì người nghèo” năm {y}", ALL, "toàn huyện", Th::Fund),
    ("MTTQ", "Hỗ trợ xây dựng, sửa chữa nhà Đại đoàn kết cho hộ nghèo", ALL, "toàn huyện", Th::House),
    (
        "MTTQ",
        "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 118 khu dân cư",
        &["DTN", "HLHPN", "HND", "HCCB"],
        "toàn huyện",
        Th::Ntm,
    ),
    (
        "MTTQ",
        "Phối hợp tổ chức hội nghị tiếp xúc cử tri trước kỳ họp cuối năm của HĐND huyện",
        &["HLHPN", "HND", "HCCB"],
        "toàn huyện",
        Th::Voters,
    ),
    (
        "MTTQ",
        "Giám sát việc thực hiện chính sách bảo hiểm y tế cho hộ nghèo, cận nghèo",
        &["HLHPN", "HCCB"],
        "xã Quảng Sơn",
        Th::Supervise,
    ),
    ("MTTQ", "Thực hiện chương trình giám sát và phản biện xã hội năm {y}", ALL, "toàn huyện", Th::Supervise),
    (
        "MTTQ",
        "Sơ kết cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
        ALL,
        "toàn huyện",
        Th::Ntm,
    ),
    (
        "MTTQ",
        "Tuyên truyền cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” tại chợ trung tâm",
        &["HLHPN", "LDLD"],
        "thị trấn Quảng Hà",
        Th::HangViet,
    ),
    ("HND", "Vận động hộ dân hiến đất mở rộng đường liên thôn", &["MTTQ", "HCCB"], "xã Quảng Sơn", Th::Ntm),
    ("MTTQ", "Lắp đặt hệ thống đèn chiếu sáng đường liên thôn", &["DTN", "HND"], "xã Quảng Long", Th::Ntm),
    ("HLHPN", "Ra quân tổng vệ sinh môi trường, làm sạch bãi biển", &["MTTQ", "DTN", "HCCB"], "xã Cái Chiên", Th::Env),
    ("MTTQ", "Rà soát, thẩm định hộ nghèo đề nghị hỗ trợ nhà ở", &["HND", "HLHPN"], "xã Đường Hoa", Th::House),
    (
        "HND",
        "Thành lập tổ vay vốn ủy thác qua Ngân hàng Chính sách xã hội",
        &["HLHPN", "HCCB", "DTN"],
        "toàn huyện",
        Th::Loan,
    ),
    (
        "MTTQ",
        "Tổ chức hội nghị phản biện dự thảo quy hoạch khu dân cư mới",
        &["HND", "HCCB"],
        "thị trấn Quảng Hà",
        Th::Supervise,
    ),
    ("MTTQ", "Thăm, tặng quà Tết Nguyên đán cho hộ nghèo và gia đình chính sách", ALL, "toàn huyện", Th::Tet),
    ("DTN", "Vận động thanh niên tham gia xây dựng thôn kiểu mẫu", &["MTTQ", "HLHPN"], "xã Quảng Đức", Th::Youth),
    (
        "MTTQ",
        "Nắm tình hình dư luận về bồi thường giải phóng mặt bằng dự án đường ven biển",
        &["HND", "HCCB"],
        "xã Quảng Thành",
        Th::Admin,
    ),
    ("MTTQ", "Xây dựng và nhân rộng mô hình “Dân vận khéo”", ALL, "toàn huyện", Th::Model),
    (
        "LDLD",
        "Thành lập câu lạc bộ thanh niên, phụ nữ xa nhà trong khu công nghiệp",
        &["DTN", "HLHPN"],
        KCN,
        Th::Labour,
    ),
    ("MTTQ", "Tuyên truyền chỉ số PAPI và quy chế dân chủ ở cơ sở", ALL, "toàn huyện", Th::Admin),
    ("HCCB", "Vận động di chuyển chuồng trại chăn nuôi ra xa nơi ở", &["HND", "HLHPN"], "xã Quảng Thịnh", Th::Env),
    (
        "MTTQ",
        "Tổng hợp ý kiến, kiến nghị cử tri gửi cơ quan có thẩm quyền",
        &["DTN", "HLHPN", "HND", "HCCB", "LDLD"],
        "toàn huyện",
        Th::Voters,
    ),
];

const SPECIFIC: &[TaskDef] = &[
    ("MTTQ", "Kiện toàn Ban Công tác Mặt trận ở các thôn, khu phố", &[], "toàn huyện", Th::Admin),
    ("MTTQ", "Hướng dẫn Ban Thanh tra nhân dân xã hoạt động", &[], "xã Quảng Minh", Th::Supervise),
    ("MTTQ", "Tổng hợp ý kiến của nhân dân trước kỳ họp HĐND huyện", &[], "toàn huyện", Th::Voters),
    ("MTTQ", "Hướng dẫn bình xét khu dân cư văn hóa", &[], "xã Quảng Phong", Th::Ntm),
    ("MTTQ", "Hiệp thương bổ sung Ủy viên Ủy ban MTTQ huyện", &[], "thị trấn Quảng Hà", Th::Admin),
    ("MTTQ", "Kiểm tra việc quản lý, sử dụng Quỹ “Vì người nghèo” cấp xã", &[], "xã Tiến Tới", Th::Fund),
    ("MTTQ", "Biểu dương điển hình tiên tiến trong cuộc vận động Toàn dân đoàn kết", &[], "toàn huyện", Th::Ntm),
    ("MTTQ", "Cập nhật danh sách hộ nghèo, cận nghèo cần hỗ trợ", &[], "xã Quảng Chính", Th::House),
    ("MTTQ", "Góp ý dự thảo văn kiện đại hội Đảng bộ xã", &[], "xã Quảng Điền", Th::Admin),
    ("DTN", "Ra quân chiến dịch thanh niên tình nguyện làm sạch bãi biển", &[], "xã Cái Chiên", Th::Youth),
    ("DTN", "Tuyên truyền Luật Nghĩa vụ quân sự cho thanh niên trong độ tuổi", &[], "toàn huyện", Th::Youth),
    ("DTN", "Sửa chữa, làm mới sân chơi cho thiếu nhi", &[], "thôn 5 xã Quảng Thành", Th::Youth),
    ("DTN", "Hỗ trợ thanh niên khởi nghiệp vay vốn Quỹ hỗ trợ thanh niên", &[], "xã Quảng Long", Th::Loan),
    ("DTN", "Tổ chức Ngày hội việc làm cho thanh niên nông thôn", &[], "thị trấn Quảng Hà", Th::Youth),
    ("DTN", "Trồng cây xanh trên tuyến đường thanh niên tự quản", &[], "xã Quảng Trung", Th::Env),
    ("DTN", "Kiện toàn chi đoàn thôn, bản", &[], "xã Quảng Sơn", Th::Admin),
    ("DTN", "Tuyên truyền phòng, chống ma túy trong trường học", &[], "thị trấn Quảng Hà", Th::Youth),
    ("DTN", "Thăm, tặng quà học sinh nghèo vượt khó", &[], "xã Quảng Đức", Th::Tet),
    ("HLHPN", "Triển khai cuộc vận động “Xây dựng gia đình 5 không, 3 sạch”", &[], "xã Quảng Minh", Th::Women),
    ("HLHPN", "Hỗ trợ phụ nữ nghèo vay vốn phát triển kinh tế hộ", &[], "xã Đường Hoa", Th::Loan),
    ("HLHPN", "Tọa đàm về bình đẳng giới và phòng, chống bạo lực gia đình", &[], "xã Quảng Phong", Th::Women),
    ("HLHPN", "Nhận đỡ đầu trẻ em mồ côi, có hoàn cảnh đặc biệt khó khăn", &[], "toàn huyện", Th::Women),
    ("HLHPN", "Xây dựng mô hình “Phụ nữ tham gia bảo vệ môi trường”", &[], "xã Phú Hải", Th::Env),
    ("HLHPN", "Tập huấn kỹ năng bán hàng trực tuyến cho hội viên", &[], "thị trấn Quảng Hà", Th::Women),
    ("HLHPN", "Thành lập tổ hợp tác phụ nữ làm dịch vụ du lịch biển", &[], "xã Cái Chiên", Th::Women),
    ("HLHPN", "Vận động hội viên tham gia bảo hiểm xã hội tự nguyện", &[], "xã Quảng Thịnh", Th::Women),
    ("HLHPN", "Khảo sát phụ nữ đơn thân nghèo cần hỗ trợ sinh kế", &[], "xã Quảng Chính", Th::Women),
    ("HND", "Tập huấn kỹ thuật nuôi trồng thủy sản cho hội viên", &[], "xã Quảng Điền", Th::Farmers),
    ("HND", "Bình xét hộ nông dân sản xuất, kinh doanh giỏi các cấp", &[], "toàn huyện", Th::Farmers),
    ("HND", "Hướng dẫn hội viên chuyển đổi sang trồng chè hàng hóa", &[], "xã Quảng Long", Th::Farmers),
    ("HND", "Giải ngân vốn Quỹ Hỗ trợ nông dân", &[], "xã Quảng Sơn", Th::Loan),
    ("HND", "Xây dựng chuỗi liên kết tiêu thụ sản phẩm OCOP", &[], "xã Quảng Thành", Th::Farmers),
    ("HND", "Cung ứng phân bón trả chậm cho hội viên", &[], "xã Quảng Đức", Th::Farmers),
    ("HND", "Tuyên truyền phòng, chống bệnh dịch tả lợn châu Phi", &[], "xã Quảng Thịnh", Th::Farmers),
    ("HND", "Thành lập chi hội nông dân nghề nghiệp nuôi hàu", &[], "xã Cái Chiên", Th::Farmers),
    ("HND", "Tổ chức đối thoại giữa Chủ tịch UBND huyện với nông dân", &[], "thị trấn Quảng Hà", Th::Admin),
    ("HCCB", "Nói chuyện truyền thống cho học sinh các trường THCS", &[], "thị trấn Quảng Hà", Th::Veterans),
    ("HCCB", "Thăm hỏi hội viên ốm đau, có hoàn cảnh khó khăn", &[], "toàn huyện", Th::Veterans),
    ("HCCB", "Vận động hội viên tham gia tự quản đường biên, cột mốc", &[], "xã Quảng Đức", Th::Veterans),
    ("HCCB", "Xây dựng mô hình “Cựu chiến binh giúp nhau giảm nghèo”", &[], "xã Quảng Sơn", Th::Loan),
    ("HCCB", "Tham gia hòa giải mâu thuẫn ở cơ sở", &[], "xã Quảng Minh", Th::Veterans),
    ("HCCB", "Tổng kết phong trào thi đua “Cựu chiến binh gương mẫu”", &[], "toàn huyện", Th::Veterans),
    ("HCCB", "Phát triển hội viên mới ở các xã", &[], "xã Tiến Tới", Th::Admin),
    ("HCCB", "Hỗ trợ xây nhà nghĩa tình đồng đội", &[], "xã Quảng Thành", Th::House),
    ("HCCB", "Tuyên truyền phòng, chống tội phạm và tệ nạn xã hội", &[], "xã Phú Hải", Th::Veterans),
    ("LDLD", "Thăm, tặng quà công nhân lao động có hoàn cảnh khó khăn", &[], KCN, Th::Labour),
    ("LDLD", "Vận động ủng hộ quỹ “Mái ấm công đoàn”", &[], "toàn huyện", Th::Labour),
    ("LDLD", "Tổ chức đối thoại tại nơi làm việc ở doanh nghiệp", &[], KCN, Th::Labour),
    ("LDLD", "Thành lập công đoàn cơ sở ở doanh nghiệp ngoài nhà nước", &[], "thị trấn Quảng Hà", Th::Labour),
    ("LDLD", "Kiểm tra việc đóng bảo hiểm xã hội cho người lao động", &[], KCN, Th::Supervise),
    ("LDLD", "Hỗ trợ vé xe cho công nhân về quê đón Tết", &[], KCN, Th::Tet),
    ("LDLD", "Phát triển đoàn viên công đoàn", &[], "toàn huyện", Th::Admin),
    ("LDLD", "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở", &[], "thị trấn Quảng Hà", Th::Admin),
    ("LDLD", "Bàn giao nhà “Mái ấm công đoàn” cho đoàn viên khó khăn", &[], "xã Quảng Chính", Th::House),
];

const SUPERIOR: &[TaskDef] = &[
    (
        "MTTQ",
        "Triển khai hướng dẫn của Ủy ban MTTQ tỉnh về Ngày hội Đại đoàn kết toàn dân tộc",
        &[],
        "toàn huyện",
        Th::Ntm,
    ),
    ("MTTQ", "Báo cáo kết quả giám sát, phản biện xã hội 9 tháng gửi MTTQ tỉnh", &[], "", Th::Supervise),
    ("MTTQ", "Vận động ủng hộ đồng bào bị thiệt hại do bão lũ", &[], "toàn huyện", Th::Fund),
    ("MTTQ", "Báo cáo tình hình tư tưởng nhân dân hằng tháng", &[], "", Th::Admin),
    ("MTTQ", "Rà soát số liệu nhà Đại đoàn kết theo yêu cầu của MTTQ tỉnh", &[], "toàn huyện", Th::House),
    ("MTTQ", "Hưởng ứng Cuộc thi tìm hiểu về Mặt trận Tổ quốc Việt Nam", &[], "toàn huyện", Th::Admin),
    ("DTN", "Triển khai Tháng Thanh niên theo kế hoạch của Tỉnh đoàn", &[], "toàn huyện", Th::Youth),
    ("DTN", "Tổ chức Hội thi Nghi thức Đội cấp huyện", &[], "thị trấn Quảng Hà", Th::Youth),
    ("DTN", "Báo cáo kết quả Chương trình “Thắp sáng ước mơ thiếu nhi”", &[], "", Th::Youth),
    ("DTN", "Chuẩn bị Đại hội Hội Liên hiệp Thanh niên cấp huyện", &[], "thị trấn Quảng Hà", Th::Admin),
    ("DTN", "Thực hiện công trình thanh niên “Thắp sáng đường quê”", &[], "xã Quảng Phong", Th::Ntm),
    ("DTN", "Giới thiệu đoàn viên tiêu biểu xét Giải thưởng Lý Tự Trọng", &[], "", Th::Admin),
    (
        "HLHPN",
        "Thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp theo hướng dẫn của Hội LHPN tỉnh",
        &[],
        "toàn huyện",
        Th::Loan,
    ),
    ("HLHPN", "Báo cáo kết quả Dự án “Thực hiện bình đẳng giới” vùng đồng bào dân tộc", &[], "xã Quảng Sơn", Th::Women),
    ("HLHPN", "Tổ chức Hội thi “Phụ nữ với văn hóa ứng xử”", &[], "thị trấn Quảng Hà", Th::Women),
    ("HLHPN", "Rà soát hội viên nghèo theo chuẩn nghèo đa chiều", &[], "toàn huyện", Th::Women),
    ("HLHPN", "Triển khai Chương trình “Mẹ đỡ đầu” của Trung ương Hội", &[], "toàn huyện", Th::Women),
    ("HLHPN", "Tổng hợp danh sách phụ nữ tiêu biểu đề nghị khen thưởng", &[], "", Th::Admin),
    (
        "HND",
        "Thực hiện phong trào nông dân thi đua sản xuất, kinh doanh giỏi theo kế hoạch của Hội Nông dân tỉnh",
        &[],
        "toàn huyện",
        Th::Farmers,
    ),
    ("HND", "Báo cáo kết quả ủy thác vốn vay Ngân hàng Chính sách xã hội", &[], "", Th::Loan),
    ("HND", "Tổ chức Hội thi “Nhà nông đua tài” cấp huyện", &[], "xã Quảng Long", Th::Farmers),
    ("HND", "Tham gia Chương trình mỗi xã một sản phẩm (OCOP)", &[], "xã Đường Hoa", Th::Farmers),
    ("HND", "Khảo sát nhu cầu học nghề của nông dân", &[], "toàn huyện", Th::Farmers),
    ("HND", "Đánh giá, xếp loại cơ sở Hội năm {y}", &[], "toàn huyện", Th::Admin),
    ("HCCB", "Kỷ niệm Ngày truyền thống Hội Cựu chiến binh Việt Nam 6/12", &[], "thị trấn Quảng Hà", Th::Veterans),
    ("HCCB", "Báo cáo kết quả công tác giáo dục truyền thống theo chỉ thị của Trung ương Hội", &[], "", Th::Veterans),
    ("HCCB", "Rà soát hội viên có khó khăn về nhà ở", &[], "toàn huyện", Th::House),
    ("HCCB", "Tổ chức hội thao Cựu chiến binh cụm xã", &[], "xã Quảng Minh", Th::Veterans),
    ("HCCB", "Tổng kết công tác Hội và phong trào Cựu chiến binh năm {y}", &[], "toàn huyện", Th::Admin),
    (
        "HCCB",
        "Triển khai kế hoạch của Hội Cựu chiến binh tỉnh về tham gia bảo vệ Đảng",
        &[],
        "toàn huyện",
        Th::Veterans,
    ),
    ("LDLD", "Triển khai Tháng Công nhân theo hướng dẫn của LĐLĐ tỉnh", &[], KCN, Th::Labour),
    ("LDLD", "Báo cáo tình hình tư tưởng công nhân, viên chức, lao động", &[], "", Th::Labour),
    ("LDLD", "Đối chiếu, thu nộp kinh phí công đoàn", &[], "toàn huyện", Th::Admin),
    ("LDLD", "Đăng ký đoàn viên tham gia Chương trình “Tết Sum vầy – Xuân gắn kết”", &[], KCN, Th::Tet),
    ("LDLD", "Triển khai Chương trình “Mái ấm công đoàn” năm {y}", &[], "toàn huyện", Th::House),
    ("LDLD", "Khảo sát đời sống, việc làm của người lao động trong khu công nghiệp", &[], KCN, Th::Labour),
];

/// Conclusions of the eleven closed briefings, taken in order.
const CONCLUSIONS: &[TaskDef] = &[
    ("HND", "Đôn đốc các xã hoàn thành danh sách hộ nghèo cần hỗ trợ vay vốn", &["HLHPN"], "xã Quảng Long", Th::Loan),
    (
        "MTTQ",
        "Tổng hợp kết quả vận động Quỹ “Vì người nghèo” của các xã, thị trấn",
        &["DTN", "HLHPN", "HND", "HCCB", "LDLD"],
        "toàn huyện",
        Th::Fund,
    ),
    (
        "HLHPN",
        "Khảo sát 12 hộ nghèo đề nghị hỗ trợ nhà Đại đoàn kết",
        &["MTTQ", "HCCB"],
        "thôn 5 xã Quảng Thành",
        Th::House,
    ),
    ("DTN", "Huy động đoàn viên giúp hộ nghèo vận chuyển vật liệu làm nhà", &["MTTQ"], "xã Đường Hoa", Th::House),
    (
        "MTTQ",
        "Hoàn thiện kế hoạch giám sát việc thực hiện chính sách hỗ trợ hộ nghèo",
        &["HLHPN", "HND"],
        "xã Quảng Đức",
        Th::Supervise,
    ),
    ("HCCB", "Nắm tình hình dư luận về việc thu hồi đất làm đường ven biển", &["HND"], "xã Quảng Thành", Th::Admin),
    ("LDLD", "Vận động doanh nghiệp trong khu công nghiệp ủng hộ Quỹ “Vì người nghèo”", &["MTTQ"], KCN, Th::Fund),
    ("HND", "Kiểm tra tiến độ giải ngân vốn Quỹ Hỗ trợ nông dân", &[], "xã Quảng Sơn", Th::Loan),
    ("MTTQ", "Chuẩn bị nội dung, địa điểm hội nghị tiếp xúc cử tri", &["HLHPN", "HCCB"], "xã Quảng Long", Th::Voters),
    ("HLHPN", "Nhân rộng mô hình “Dân vận khéo” phân loại rác tại nguồn", &["MTTQ"], "xã Quảng Minh", Th::Model),
    ("DTN", "Tổ chức đợt ra quân vệ sinh bãi biển", &["HLHPN", "HCCB"], "xã Cái Chiên", Th::Env),
    ("MTTQ", "Trả lời kiến nghị của cử tri về sửa chữa đường liên thôn", &[], "xã Quảng Long", Th::Voters),
    ("HND", "Vận động hộ dân tháo dỡ công trình vi phạm hành lang đường", &["MTTQ", "HCCB"], "xã Quảng Thịnh", Th::Ntm),
    ("HLHPN", "Rà soát hội viên phụ nữ nghèo đủ điều kiện vay vốn", &[], "xã Quảng Chính", Th::Loan),
    ("LDLD", "Báo cáo tình hình nợ đóng bảo hiểm xã hội của doanh nghiệp", &[], KCN, Th::Labour),
    ("MTTQ", "Lựa chọn 3 hộ nghèo khởi công nhà Đại đoàn kết", &["HND", "HLHPN"], "xã Tiến Tới", Th::House),
    ("HCCB", "Phân công hội viên giúp đỡ hộ nghèo thoát nghèo", &["HND"], "xã Quảng Đức", Th::Veterans),
    ("DTN", "Đăng ký công trình thanh niên chào mừng Ngày hội Đại đoàn kết", &[], "xã Quảng Trung", Th::Youth),
    (
        "MTTQ",
        "Hướng dẫn các khu dân cư xây dựng chương trình Ngày hội Đại đoàn kết",
        &["DTN", "HLHPN", "HND", "HCCB"],
        "toàn huyện",
        Th::Ntm,
    ),
    ("HND", "Hỗ trợ hội viên tiêu thụ chè, hàu dịp cuối năm", &["HLHPN"], "xã Quảng Long", Th::Farmers),
    ("HLHPN", "Tuyên truyền dùng hàng Việt tại các chợ phiên", &["LDLD"], "xã Đường Hoa", Th::HangViet),
    ("MTTQ", "Tổng hợp ý kiến phản biện dự thảo bảng giá đất", &["HND", "HCCB"], "toàn huyện", Th::Supervise),
    ("LDLD", "Lập danh sách công nhân khó khăn nhận quà Tết", &["DTN"], KCN, Th::Tet),
    ("HND", "Phối hợp tập huấn phòng bệnh cho đàn gia súc", &[], "xã Quảng Sơn", Th::Farmers),
    ("HCCB", "Tham gia đoàn giám sát việc cấp thẻ bảo hiểm y tế", &["MTTQ"], "xã Phú Hải", Th::Supervise),
    ("DTN", "Khảo sát thanh niên chưa có việc làm", &["LDLD"], "xã Quảng Phong", Th::Youth),
    ("MTTQ", "Đôn đốc các xã báo cáo số liệu nhà Đại đoàn kết", &[], "toàn huyện", Th::House),
    ("HLHPN", "Chuẩn bị chương trình văn nghệ Ngày hội Đại đoàn kết", &["DTN"], "thôn 3 xã Quảng Long", Th::Ntm),
    ("HND", "Tổng hợp kiến nghị của nông dân về giá thu mua chè", &["MTTQ"], "xã Quảng Long", Th::Farmers),
    ("MTTQ", "Biểu dương tập thể, cá nhân ủng hộ Quỹ tiêu biểu", &[], "thị trấn Quảng Hà", Th::Fund),
    ("HCCB", "Vận động hội viên hiến đất mở đường ngõ xóm", &["HND"], "xã Quảng Sơn", Th::Ntm),
    ("LDLD", "Tổ chức chợ phiên “Tết Sum vầy” cho công nhân", &["HLHPN", "DTN"], KCN, Th::Tet),
    ("DTN", "Thành lập đội thanh niên tình nguyện phục vụ hội nghị cử tri", &[], "thị trấn Quảng Hà", Th::Voters),
    ("MTTQ", "Kiểm tra công tác quản lý Quỹ “Vì người nghèo” tại xã", &["HCCB"], "xã Quảng Minh", Th::Fund),
    ("HND", "Xác minh phản ánh của nông dân về giống lúa kém chất lượng", &["MTTQ"], "xã Quảng Điền", Th::Farmers),
    ("HLHPN", "Hoàn thiện hồ sơ đề nghị công nhận mô hình “Dân vận khéo”", &["MTTQ"], "xã Quảng Phong", Th::Model),
    (
        "MTTQ",
        "Chuẩn bị báo cáo sơ kết hoạt động của Khối",
        &["DTN", "HLHPN", "HND", "HCCB", "LDLD"],
        "thị trấn Quảng Hà",
        Th::Admin,
    ),
    ("HND", "Vận động nông dân đăng ký mô hình “Dân vận khéo” trong sản xuất", &["HCCB"], "xã Quảng Đức", Th::Model),
];

/// How many conclusions each closed briefing produced (sums to CONCLUSIONS).
const CONCLUSIONS_PER_MEETING: [usize; 11] = [3, 4, 2, 5, 3, 4, 3, 2, 4, 5, 3];

/// Targets: (task title, indicator, unit, target value).
const TARGETS: &[(&str, &str, &str, f64)] = &[
    (
        "Tổ chức Tháng cao điểm vận động ủng hộ Quỹ “Vì người nghèo” năm {y}",
        "Tiền vận động ủng hộ Quỹ",
        "đồng",
        1_500_000_000.0,
    ),
    ("Hỗ trợ xây dựng, sửa chữa nhà Đại đoàn kết cho hộ nghèo", "Nhà Đại đoàn kết", "nhà", 27.0),
    ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 118 khu dân cư", "Khu dân cư tổ chức Ngày hội", "khu dân cư", 118.0),
    (
        "Phối hợp tổ chức hội nghị tiếp xúc cử tri trước kỳ họp cuối năm của HĐND huyện",
        "Hội nghị tiếp xúc cử tri",
        "cuộc",
        21.0,
    ),
    (
        "Phối hợp tổ chức hội nghị tiếp xúc cử tri trước kỳ họp cuối năm của HĐND huyện",
        "Cử tri tham dự",
        "lượt",
        2300.0,
    ),
    ("Thực hiện chương trình giám sát và phản biện xã hội năm {y}", "Cuộc giám sát", "cuộc", 30.0),
    (
        "Sơ kết cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
        "Nhân dân đóng góp",
        "đồng",
        700_000_000.0,
    ),
    ("Vận động hộ dân hiến đất mở rộng đường liên thôn", "Hộ hiến đất", "hộ", 14.0),
    ("Lắp đặt hệ thống đèn chiếu sáng đường liên thôn", "Bộ bóng đèn lắp mới", "bộ", 120.0),
    ("Ra quân tổng vệ sinh môi trường, làm sạch bãi biển", "Đợt ra quân", "đợt", 9.0),
    ("Thành lập tổ vay vốn ủy thác qua Ngân hàng Chính sách xã hội", "Tổ vay vốn thành lập mới", "tổ", 15.0),
    ("Thành lập tổ vay vốn ủy thác qua Ngân hàng Chính sách xã hội", "Hộ được vay vốn", "hộ", 320.0),
    ("Thăm, tặng quà Tết Nguyên đán cho hộ nghèo và gia đình chính sách", "Suất quà Tết", "suất", 1200.0),
    ("Xây dựng và nhân rộng mô hình “Dân vận khéo”", "Mô hình “Dân vận khéo”", "mô hình", 220.0),
    ("Vận động di chuyển chuồng trại chăn nuôi ra xa nơi ở", "Hộ di chuyển chuồng trại", "hộ", 85.0),
    ("Tổng hợp ý kiến, kiến nghị cử tri gửi cơ quan có thẩm quyền", "Ý kiến cử tri đã tổng hợp", "ý kiến", 940.0),
    ("Giải ngân vốn Quỹ Hỗ trợ nông dân", "Hộ vay vốn Quỹ Hỗ trợ nông dân", "hộ", 40.0),
];

fn theme_notes(th: Th) -> &'static [&'static str] {
    match th {
        Th::Fund => &[
            "Đã phát hành thư vận động đến các cơ quan, doanh nghiệp trên địa bàn.",
            "Đã vận động được 45 triệu đồng từ cán bộ, công chức khối cơ quan huyện.",
            "Các xã Quảng Đức, Quảng Sơn đã nộp tiền ủng hộ về tài khoản Quỹ.",
            "Tổng hợp danh sách đơn vị ủng hộ để công khai trên Đài Truyền thanh huyện.",
        ],
        Th::House => &[
            "Hoàn thành khảo sát 12 hộ, thống nhất danh sách đề nghị hỗ trợ.",
            "Đã khởi công 3 nhà, các đoàn thể cử người hỗ trợ ngày công.",
            "Bàn giao 2 nhà cho hộ nghèo, mỗi nhà hỗ trợ 40 triệu đồng.",
            "Đang chờ hộ gia đình hoàn thiện thủ tục đất ở.",
        ],
        Th::Model => &[
            "Các tổ chức đã đăng ký mô hình, gửi Ban Dân vận Huyện ủy tổng hợp.",
            "Kiểm tra thực tế 6 mô hình, đánh giá 4 mô hình hiệu quả.",
            "Đã chọn 2 mô hình tiêu biểu để giới thiệu trên trang thông tin của huyện.",
        ],
        Th::Supervise => &[
            "Đã ban hành quyết định thành lập đoàn giám sát.",
            "Hoàn thành giám sát trực tiếp tại 2 xã, đang dự thảo báo cáo.",
            "Gửi văn bản kiến nghị sau giám sát đến cơ quan được giám sát.",
            "Cơ quan được giám sát đã tiếp thu, báo cáo kết quả khắc phục.",
        ],
        Th::Voters => &[
            "Thống nhất lịch tiếp xúc cử tri với Thường trực HĐND huyện.",
            "Đã tổ chức 5 hội nghị, có 38 lượt cử tri phát biểu.",
            "Tổng hợp ý kiến cử tri, phân loại theo lĩnh vực để chuyển cơ quan chức năng.",
        ],
        Th::Ntm => &[
            "Các thôn đã họp dân phổ biến nội dung, nhân dân đồng tình cao.",
            "Đã vận động được 120 ngày công và 35 triệu đồng.",
            "Hoàn thành 1,3 km đường bê tông liên thôn.",
            "Chuẩn bị hồ sơ đề nghị công nhận thôn nông thôn mới kiểu mẫu.",
        ],
        Th::HangViet => {
            &["Đã treo băng rôn, phát tờ rơi tại chợ trung tâm.", "Phối hợp tổ chức phiên chợ hàng Việt về nông thôn."]
        }
        Th::Loan => &[
            "Bình xét xong danh sách hộ vay tại các tổ tiết kiệm và vay vốn.",
            "Đã giải ngân cho 18 hộ, tổng số tiền 1,2 tỷ đồng.",
            "Kiểm tra việc sử dụng vốn vay đúng mục đích tại 2 xã.",
        ],
        Th::Env => &[
            "Ra quân đợt 1 với trên 300 người tham gia, thu gom 4 tấn rác.",
            "Đã vận động 22 hộ di chuyển chuồng trại.",
            "Duy trì tổng vệ sinh vào sáng thứ Bảy cuối tháng.",
        ],
        Th::Tet => &[
            "Rà soát danh sách đối tượng được tặng quà.",
            "Đã chuẩn bị 300 suất quà, mỗi suất trị giá 500.000 đồng.",
            "Hoàn thành trao quà tại 6 xã.",
        ],
        Th::Youth => &[
            "Đã xây dựng kế hoạch, phân công các chi đoàn thực hiện.",
            "Huy động 150 lượt đoàn viên tham gia.",
            "Tổ chức thành công tại điểm cầu xã, thu hút đông đảo thanh niên.",
        ],
        Th::Women => &[
            "Đã tổ chức sinh hoạt chuyên đề tại 8 chi hội.",
            "Hoàn thành khảo sát 45 hội viên.",
            "Kết nối nhà hảo tâm hỗ trợ 5 phụ nữ có hoàn cảnh khó khăn.",
        ],
        Th::Veterans => &[
            "Đã phân công hội viên phụ trách từng địa bàn.",
            "Tổ chức 3 buổi nói chuyện với trên 600 học sinh tham dự.",
            "Thăm hỏi, tặng quà 12 hội viên.",
        ],
        Th::Labour => &[
            "Làm việc với 4 doanh nghiệp trong khu công nghiệp.",
            "Đã trao 60 suất quà cho đoàn viên khó khăn.",
            "Tổng hợp kiến nghị của người lao động gửi chủ doanh nghiệp.",
        ],
        Th::Farmers => &[
            "Mở 2 lớp tập huấn với 80 hội viên tham dự.",
            "Phối hợp Trạm Khuyến nông hướng dẫn kỹ thuật tại ruộng.",
            "Kết nối thương lái thu mua 12 tấn sản phẩm cho hội viên.",
        ],
        Th::Admin => &[
            "Đã dự thảo văn bản, xin ý kiến các tổ chức thành viên.",
            "Tổng hợp số liệu từ 16 xã, thị trấn.",
            "Hoàn thiện báo cáo trình Thường trực Khối.",
        ],
    }
}

/// Notes chosen by what the title says, before falling back to the theme.
const NOTE_RULES: &[(&[&str], &[&str])] = &[
    (
        &["cử tri"],
        &[
            "Thống nhất lịch tiếp xúc cử tri với Thường trực HĐND huyện.",
            "Đã tổ chức 5 hội nghị, có 38 lượt cử tri phát biểu.",
            "Tổng hợp ý kiến cử tri, phân loại theo lĩnh vực để chuyển cơ quan chức năng.",
        ],
    ),
    (
        &["giám sát"],
        &[
            "Đã ban hành quyết định thành lập đoàn giám sát.",
            "Hoàn thành giám sát trực tiếp tại 2 xã, đang dự thảo báo cáo.",
            "Gửi văn bản kiến nghị sau giám sát đến cơ quan được giám sát.",
            "Cơ quan được giám sát đã tiếp thu, báo cáo kết quả khắc phục.",
        ],
    ),
    (
        &["phản biện"],
        &[
            "Đã gửi dự thảo đến các thành viên hội đồng tư vấn.",
            "Tổ chức hội nghị phản biện với 35 đại biểu tham dự.",
            "Tổng hợp 18 ý kiến góp ý gửi cơ quan soạn thảo.",
        ],
    ),
    (
        &["kiểm tra"],
        &[
            "Đã thành lập đoàn kiểm tra, thông báo lịch đến các xã.",
            "Kiểm tra trực tiếp tại 3 xã; hồ sơ, sổ sách cơ bản đầy đủ.",
            "Dự thảo thông báo kết quả kiểm tra, nêu 2 tồn tại cần khắc phục.",
        ],
    ),
    (
        &["tập huấn"],
        &[
            "Đã xây dựng nội dung, mời báo cáo viên.",
            "Mở 2 lớp với 80 học viên tham dự.",
            "Tổng hợp ý kiến đánh giá của học viên sau lớp tập huấn.",
        ],
    ),
    (
        &["hiến đất", "tháo dỡ", "chuồng trại"],
        &[
            "Họp dân tại nhà văn hóa thôn, phổ biến chủ trương.",
            "Đã có 6 hộ ký cam kết thực hiện.",
            "Tổ công tác đến từng hộ vận động, còn 2 hộ chưa đồng thuận.",
        ],
    ),
    (
        &["hội thi", "hội thao", "ngày hội", "kỷ niệm", "chợ phiên", "văn nghệ", "tọa đàm", "nói chuyện", "đối thoại"],
        &[
            "Đã xây dựng kế hoạch, thành lập ban tổ chức.",
            "Các đơn vị đã đăng ký tham gia, chuẩn bị địa điểm.",
            "Tổ chức thành công với trên 200 người tham dự.",
        ],
    ),
    (
        &["thăm", "quà", "vé xe"],
        &[
            "Rà soát danh sách đối tượng được hỗ trợ.",
            "Đã chuẩn bị 120 suất quà, mỗi suất trị giá 500.000 đồng.",
            "Hoàn thành trao quà tại 6 xã.",
        ],
    ),
    (
        &["tuyên truyền"],
        &[
            "Đã xây dựng đề cương, cung cấp cho báo cáo viên cơ sở.",
            "Phát 1.500 tờ rơi, treo 20 băng rôn tại các xã.",
            "Phối hợp Đài Truyền thanh huyện phát 6 tin, bài.",
        ],
    ),
    (
        &["khảo sát", "rà soát", "cập nhật danh sách", "lập danh sách", "lựa chọn"],
        &[
            "Đã phát phiếu khảo sát đến các chi hội, thôn.",
            "Hoàn thành khảo sát 12 hộ, thống nhất danh sách.",
            "Tổng hợp kết quả, gửi Văn phòng Khối.",
        ],
    ),
    (
        &["vay", "vốn"],
        &[
            "Bình xét xong danh sách hộ vay tại các tổ tiết kiệm và vay vốn.",
            "Đã giải ngân cho 18 hộ, tổng số tiền 1,2 tỷ đồng.",
            "Kiểm tra việc sử dụng vốn vay đúng mục đích tại 2 xã.",
        ],
    ),
    (
        &["nhà"],
        &[
            "Hoàn thành khảo sát, thống nhất danh sách hộ được hỗ trợ.",
            "Đã khởi công 3 nhà, các đoàn thể cử người hỗ trợ ngày công.",
            "Bàn giao 2 nhà, mỗi nhà hỗ trợ 40 triệu đồng.",
        ],
    ),
    (
        &["vệ sinh", "rác", "môi trường", "trồng cây"],
        &[
            "Ra quân đợt 1 với trên 300 người tham gia, thu gom 4 tấn rác.",
            "Duy trì tổng vệ sinh vào sáng thứ Bảy cuối tháng.",
            "Đã trồng 500 cây xanh dọc tuyến đường.",
        ],
    ),
    (
        &["thành lập", "kiện toàn"],
        &[
            "Đã khảo sát nhu cầu, vận động thành viên tham gia.",
            "Hoàn thiện hồ sơ, trình cấp có thẩm quyền ra quyết định.",
            "Tổ chức ra mắt, bầu ban chủ nhiệm.",
        ],
    ),
    (
        &["phát triển hội viên", "phát triển đoàn viên"],
        &[
            "Giao chỉ tiêu phát triển hội viên cho từng cơ sở.",
            "Đã kết nạp mới 25 hội viên, đoàn viên.",
            "Hoàn thiện hồ sơ, cấp thẻ cho hội viên mới.",
        ],
    ),
    (
        &["quỹ", "ủng hộ"],
        &[
            "Đã phát hành thư vận động đến các cơ quan, doanh nghiệp.",
            "Đã vận động được 45 triệu đồng.",
            "Công khai danh sách đơn vị ủng hộ trên Đài Truyền thanh huyện.",
        ],
    ),
    (
        &["vận động"],
        &[
            "Phổ biến chủ trương tại các buổi sinh hoạt thôn, chi hội.",
            "Tổ công tác đến từng hộ vận động.",
            "Đã có 45 hộ, hội viên đăng ký tham gia.",
        ],
    ),
    (
        &[
            "báo cáo",
            "tổng hợp",
            "đôn đốc",
            "chuẩn bị",
            "hướng dẫn",
            "góp ý",
            "hiệp thương",
            "đánh giá",
            "tổng kết",
            "sơ kết",
        ],
        &[
            "Đã dự thảo văn bản, xin ý kiến các tổ chức thành viên.",
            "Tổng hợp số liệu từ 16 xã, thị trấn.",
            "Hoàn thiện văn bản trình Thường trực Khối.",
        ],
    ),
];

fn notes_for(title: &str, th: Th) -> &'static [&'static str] {
    let lower = title.to_lowercase();
    NOTE_RULES
        .iter()
        .find(|(keys, _)| keys.iter().any(|k| lower.contains(k)))
        .map(|(_, notes)| *notes)
        .unwrap_or_else(|| theme_notes(th))
}

const BLOCKED_NOTES: &[&str] = &[
    "Vướng mắc: chưa bố trí được kinh phí đối ứng, đề nghị Khối xin ý kiến Thường trực Huyện ủy.",
    "Vướng mắc: một số hộ chưa đồng thuận, cần chính quyền xã vào cuộc.",
    "Tạm dừng, chờ hướng dẫn của cấp trên.",
    "Vướng mắc: cơ quan phối hợp chưa cung cấp số liệu, đề nghị Khối đôn đốc.",
];

const DONE_NOTES: &[&str] = &[
    "Đã hoàn thành, báo cáo kết quả tại giao ban.",
    "Hoàn thành, gửi báo cáo về Văn phòng Khối.",
    "Đã hoàn thành, lưu hồ sơ.",
];

fn doc_suffix(code: &str) -> &'static str {
    match code {
        "MTTQ" => "KH/MTTQ-BTT",
        "DTN" => "KH/TĐTN-BTG",
        "HLHPN" => "KH/HLHPN",
        "HND" => "KH/HND",
        "HCCB" => "KH/CCB",
        "LDLD" => "KH/LĐLĐ",
        _ => "KH",
    }
}

// ---------------------------------------------------------------- pending items

struct PendDef {
    kind: PendingKind,
    org: &'static str,
    text: &'static str,
    to_org: Option<&'static str>,
    to: &'static str,
    /// Index of the closed briefing where it was raised (0 = oldest).
    meeting: usize,
    answer: Option<&'static str>,
    closed: bool,
}

const fn pd(
    kind: PendingKind,
    org: &'static str,
    text: &'static str,
    to_org: Option<&'static str>,
    to: &'static str,
    meeting: usize,
    answer: Option<&'static str>,
) -> PendDef {
    PendDef { kind, org, text, to_org, to, meeting, answer, closed: false }
}

const fn closed(mut d: PendDef) -> PendDef {
    d.closed = true;
    d
}

use PendingKind::{Obstacle, Proposal, Question, VoterPetition};

const PENDING: &[PendDef] = &[
    pd(
        Obstacle,
        "HND",
        "Thiếu kinh phí hỗ trợ xây nhà Đại đoàn kết cho hộ nghèo thôn 3 xã Quảng Long",
        Some("MTTQ"),
        "",
        0,
        Some("Thường trực Ủy ban MTTQ huyện đã cân đối 40 triệu đồng từ Quỹ “Vì người nghèo” hỗ trợ 01 nhà."),
    ),
    pd(
        Obstacle,
        "HLHPN",
        "Một số hộ nghèo xã Đường Hoa chưa có đất ở ổn định, chưa đủ điều kiện hỗ trợ làm nhà",
        None,
        "UBND xã Đường Hoa",
        2,
        None,
    ),
    pd(
        Obstacle,
        "DTN",
        "Thiếu phương tiện vận chuyển vật liệu cho công trình thanh niên ở thôn vùng cao",
        None,
        "UBND huyện",
        4,
        None,
    ),
    pd(
        Obstacle,
        "LDLD",
        "Một số doanh nghiệp trong khu công nghiệp chưa phối hợp thành lập công đoàn cơ sở",
        None,
        "Ban Quản lý Khu kinh tế tỉnh",
        1,
        Some("Ban Quản lý đã có văn bản đề nghị doanh nghiệp phối hợp; 2 doanh nghiệp đã đăng ký thành lập công đoàn."),
    ),
    pd(Obstacle, "HCCB", "Kinh phí hoạt động của chi hội Cựu chiến binh thôn còn hạn hẹp", None, "UBND huyện", 5, None),
    pd(
        Obstacle,
        "HND",
        "Giá vật tư nông nghiệp tăng cao, hội viên khó tiếp cận phân bón trả chậm",
        None,
        "Phòng Nông nghiệp và Phát triển nông thôn",
        6,
        None,
    ),
    pd(
        Obstacle,
        "MTTQ",
        "Số liệu hộ nghèo giữa các xã và Phòng Lao động - Thương binh và Xã hội chưa thống nhất",
        None,
        "Phòng Lao động - Thương binh và Xã hội",
        3,
        Some("Phòng đã rà soát, thống nhất danh sách 312 hộ nghèo toàn huyện."),
    ),
    pd(Obstacle, "HLHPN", "Nhiều hội viên đi làm ăn xa, khó tập trung sinh hoạt chi hội", None, "", 7, None),
    pd(Obstacle, "DTN", "Thanh niên xã Cái Chiên đi biển dài ngày, khó tổ chức ra quân tình nguyện", None, "", 8, None),
    pd(
        Obstacle,
        "HND",
        "Vốn Quỹ Hỗ trợ nông dân chưa đáp ứng nhu cầu vay của hội viên xã Quảng Sơn",
        None,
        "Ngân hàng Chính sách xã hội huyện",
        9,
        None,
    ),
    pd(
        Proposal,
        "MTTQ",
        "Đề nghị UBND huyện bố trí kinh phí đối ứng xây 10 nhà Đại đoàn kết trong năm",
        None,
        "UBND huyện",
        0,
        Some("UBND huyện đã bố trí 200 triệu đồng kinh phí đối ứng trong đợt bổ sung dự toán."),
    ),
    pd(
        Proposal,
        "HND",
        "Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận cho hộ hiến đất làm đường",
        None,
        "Phòng Tài nguyên và Môi trường",
        2,
        Some("Phòng đã cử cán bộ hướng dẫn trực tiếp tại xã Quảng Sơn."),
    ),
    closed(pd(
        Proposal,
        "HLHPN",
        "Đề nghị Văn phòng Khối bố trí hội trường tổ chức tọa đàm về bình đẳng giới",
        Some("MTTQ"),
        "",
        4,
        Some("Đã bố trí Hội trường Ủy ban MTTQ huyện."),
    )),
    pd(
        Proposal,
        "LDLD",
        "Đề nghị UBND huyện chỉ đạo kiểm tra việc nợ đóng bảo hiểm xã hội tại 3 doanh nghiệp",
        None,
        "UBND huyện",
        6,
        None,
    ),
    pd(
        Proposal,
        "DTN",
        "Đề nghị Điện lực Hải Hà hỗ trợ thiết bị cho công trình “Thắp sáng đường quê”",
        None,
        "Điện lực Hải Hà",
        5,
        Some("Điện lực Hải Hà hỗ trợ 50 bộ bóng đèn và nhân công lắp đặt."),
    ),
    pd(
        Proposal,
        "HCCB",
        "Đề nghị Ban Chỉ huy Quân sự huyện phối hợp tổ chức nói chuyện truyền thống nhân ngày 22/12",
        None,
        "Ban Chỉ huy Quân sự huyện",
        9,
        None,
    ),
    closed(pd(
        Proposal,
        "MTTQ",
        "Đề nghị các tổ chức thành viên gửi báo cáo tuần trước 16 giờ thứ Sáu",
        None,
        "",
        1,
        Some("Các tổ chức thống nhất thực hiện từ tuần sau."),
    )),
    pd(Proposal, "HND", "Đề nghị UBND huyện hỗ trợ xây dựng nhãn hiệu chè Đường Hoa", None, "UBND huyện", 8, None),
    pd(
        Proposal,
        "HLHPN",
        "Đề nghị Ngân hàng Chính sách xã hội tăng hạn mức cho vay hộ phụ nữ đơn thân",
        None,
        "Ngân hàng Chính sách xã hội huyện",
        10,
        None,
    ),
    pd(
        VoterPetition,
        "MTTQ",
        "Cử tri xã Quảng Long kiến nghị sửa chữa đường liên thôn 3 – thôn 5 bị xuống cấp",
        None,
        "UBND huyện",
        3,
        None,
    ),
    pd(
        VoterPetition,
        "MTTQ",
        "Cử tri thị trấn Quảng Hà phản ánh tình trạng mất điện kéo dài vào giờ cao điểm",
        None,
        "Điện lực Hải Hà",
        3,
        Some("Điện lực Hải Hà đã lắp thêm trạm biến áp 400 kVA, dự kiến đóng điện cuối tháng."),
    ),
    pd(
        VoterPetition,
        "HND",
        "Cử tri xã Quảng Thành kiến nghị đẩy nhanh chi trả bồi thường giải phóng mặt bằng",
        None,
        "Ban Quản lý dự án đầu tư xây dựng huyện",
        4,
        None,
    ),
    pd(
        VoterPetition,
        "HCCB",
        "Cử tri xã Quảng Đức đề nghị bổ sung biển báo tại đoạn đường qua trường học",
        None,
        "Phòng Kinh tế và Hạ tầng",
        5,
        Some("Đã giao đơn vị quản lý đường bộ lắp 04 biển báo."),
    ),
    pd(
        VoterPetition,
        "HLHPN",
        "Cử tri xã Cái Chiên phản ánh rác thải trôi dạt vào bãi biển chưa được thu gom",
        None,
        "UBND xã Cái Chiên",
        7,
        None,
    ),
    pd(
        VoterPetition,
        "MTTQ",
        "Cử tri xã Quảng Minh kiến nghị xem xét lại danh sách hộ cận nghèo",
        None,
        "Phòng Lao động - Thương binh và Xã hội",
        8,
        None,
    ),
    pd(
        VoterPetition,
        "DTN",
        "Cử tri xã Quảng Phong đề nghị mở lớp dạy nghề cho thanh niên",
        None,
        "Trung tâm Giáo dục nghề nghiệp huyện",
        9,
        None,
    ),
    pd(
        Question,
        "MTTQ",
        "Hỏi Phòng Tài chính - Kế hoạch về thời điểm cấp kinh phí hoạt động quý IV cho Khối",
        None,
        "Phòng Tài chính - Kế hoạch",
        6,
        Some("Kinh phí quý IV đã được cấp cùng đợt với các đơn vị dự toán."),
    ),
    pd(
        Question,
        "HND",
        "Hỏi UBND huyện về chính sách hỗ trợ nông dân chuyển đổi cây trồng năm tới",
        None,
        "UBND huyện",
        7,
        None,
    ),
    pd(
        Question,
        "LDLD",
        "Hỏi Bảo hiểm xã hội huyện về việc chốt sổ cho lao động của doanh nghiệp nợ đóng",
        None,
        "Bảo hiểm xã hội huyện",
        9,
        None,
    ),
    pd(
        Question,
        "HCCB",
        "Hỏi Hội Nông dân về điều kiện vay vốn Quỹ Hỗ trợ nông dân cho hội viên Cựu chiến binh",
        Some("HND"),
        "",
        10,
        Some("Hội Nông dân đã gửi hướng dẫn điều kiện vay và mẫu hồ sơ."),
    ),
];

// ---------------------------------------------------------------- briefings

const ABSENCE_REASONS: &[&str] =
    &["Đi công tác tỉnh", "Dự tập huấn của Trung ương Hội", "Dự hội nghị tại tỉnh", "Ốm, có báo cáo gửi Văn phòng"];

const OPINION_NOTES: &[&str] = &[
    "Nhân dân đồng tình với chủ trương làm đường liên thôn; một số ý kiến băn khoăn về tiến độ bồi thường giải phóng mặt bằng dự án đường ven biển.",
    "Dư luận quan tâm giá thu mua chè, hàu giảm; người dân xã Cái Chiên phản ánh rác thải trôi dạt vào bãi biển.",
    "Nhân dân phấn khởi với kết quả xây nhà Đại đoàn kết; còn ý kiến về việc bình xét hộ cận nghèo chưa sát thực tế.",
    "Công nhân khu công nghiệp quan tâm việc doanh nghiệp chậm đóng bảo hiểm xã hội.",
];

const REPORT_NOTES: &[(&str, &str)] = &[
    (
        "MTTQ",
        "Kết quả: hướng dẫn 16 xã, thị trấn triển khai Tháng cao điểm; tiếp nhận ủng hộ Quỹ đạt trên 60% kế hoạch. Khó khăn: một số xã báo cáo số liệu chậm.",
    ),
    ("DTN", "Kết quả: ra quân tình nguyện tại 3 xã với 150 lượt đoàn viên. Khó khăn: thanh niên đi làm ăn xa nhiều."),
    (
        "HLHPN",
        "Kết quả: tổ chức sinh hoạt chuyên đề tại 8 chi hội; giải ngân vốn vay cho 12 hội viên. Đề xuất: bố trí hội trường tổ chức tọa đàm.",
    ),
    (
        "HND",
        "Kết quả: mở 2 lớp tập huấn kỹ thuật; bình xét hộ sản xuất, kinh doanh giỏi tại 5 xã. Khó khăn: nguồn Quỹ Hỗ trợ nông dân còn hạn chế.",
    ),
    ("HCCB", "Kết quả: thăm hỏi 12 hội viên ốm đau; tham gia hòa giải 2 vụ việc ở cơ sở. Đề xuất: hỗ trợ kinh phí cho chi hội."),
    (
        "LDLD",
        "Kết quả: làm việc với 4 doanh nghiệp về đối thoại tại nơi làm việc. Khó khăn: một số doanh nghiệp chưa phối hợp thành lập công đoàn.",
    ),
];

const REPORT_OUTCOMES: &[&str] = &[
    "Thống nhất nội dung báo cáo; bổ sung số liệu gửi Văn phòng Khối trước thứ Sáu.",
    "Ghi nhận kết quả; đề nghị tập trung các việc đến hạn trong tuần.",
    "Thống nhất; giao Văn phòng Khối tổng hợp vào báo cáo tháng.",
];

/// Topical items for a briefing's date: (seasonal ones, general ones).
#[allow(clippy::type_complexity)]
fn topics(date: NaiveDate) -> (Vec<(String, &'static str)>, Vec<(String, &'static str)>) {
    let md = (date.month(), date.day());
    let within = |from: (u32, u32), to: (u32, u32)| md >= from && md <= to;
    let mut out: Vec<(String, &'static str)> = Vec::new();
    if within((10, 17), (11, 18)) {
        out.push((format!("Tháng cao điểm vận động Quỹ “Vì người nghèo” năm {}", date.year()), "MTTQ"));
    }
    if within((10, 20), (11, 17)) {
        out.push(("Chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc 18/11 ở khu dân cư".into(), "MTTQ"));
    }
    if within((11, 19), (12, 31)) || within((1, 1), (2, 10)) {
        out.push(("Chuẩn bị thăm, tặng quà Tết cho hộ nghèo, gia đình chính sách".into(), "MTTQ"));
    }
    if within((11, 1), (12, 15)) || within((5, 15), (6, 30)) {
        out.push(("Phối hợp tổ chức hội nghị tiếp xúc cử tri trước kỳ họp HĐND huyện".into(), "MTTQ"));
    }
    let quarter = (date.month() - 1) / 3 + 1;
    let roman = ["I", "II", "III", "IV"][quarter as usize - 1];
    let seasonal = std::mem::take(&mut out);
    out.push(("Tiến độ hỗ trợ xây nhà Đại đoàn kết cho hộ nghèo".into(), "MTTQ"));
    out.push((
        "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”: kết quả và cách làm".into(),
        "HND",
    ));
    out.push(("Phong trào thi đua “Dân vận khéo”: đăng ký và nhân rộng mô hình".into(), "HLHPN"));
    out.push((format!("Kế hoạch giám sát và phản biện xã hội quý {roman}"), "MTTQ"));
    out.push(("Tuyên truyền cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”".into(), "LDLD"));
    (seasonal, out)
}

// ---------------------------------------------------------------- generator

struct MeetingRec {
    id: i64,
    date: NaiveDate,
    /// Organizations' report items: (agenda item id, organization).
    reports: Vec<(i64, i64)>,
    topical_item: i64,
}

struct Spec {
    def: TaskDef,
    kind: TaskKind,
    start: NaiveDate,
    deadline: NaiveDate,
    meeting: Option<usize>,
    doc: Option<(String, NaiveDate)>,
    status: TaskStatus,
    completed: Option<NaiveDate>,
}

struct Gen<'a, 'w> {
    store: &'a Write<'w>,
    today: NaiveDate,
    rng: Rng,
    orgs: HashMap<String, i64>,
    org_names: HashMap<i64, String>,
    fallback_org: i64,
    /// (id, org, full name, roles)
    people: Vec<(i64, Option<i64>, String, &'static [&'static str])>,
    meetings: Vec<MeetingRec>,
    task_count: usize,
    pending_count: usize,
}

impl<'a, 'w> Gen<'a, 'w> {
    fn new(store: &'a Write<'w>, today: NaiveDate) -> Result<Self> {
        let orgs_list = store.store().organizations()?;
        let fallback_org =
            orgs_list.first().map(|o| o.id).ok_or(StoreError::NotFound { what: "organization", id: 0 })?;
        let orgs = orgs_list.iter().map(|o| (o.code.clone(), o.id)).collect();
        let org_names = orgs_list.iter().map(|o| (o.id, o.name.clone())).collect();
        Ok(Gen {
            store,
            today,
            rng: Rng::new(SEED),
            orgs,
            org_names,
            fallback_org,
            people: Vec::new(),
            meetings: Vec::new(),
            task_count: 0,
            pending_count: 0,
        })
    }

    fn org(&self, code: &str) -> i64 {
        self.orgs.get(code).copied().unwrap_or(self.fallback_org)
    }

    fn org_name(&self, id: i64) -> String {
        self.org_names.get(&id).cloned().unwrap_or_default()
    }

    fn with_role(&self, role: &str) -> Option<i64> {
        self.people.iter().find(|p| p.3.contains(&role)).map(|p| p.0)
    }

    fn name_of(&self, id: Option<i64>) -> String {
        self.people.iter().find(|p| Some(p.0) == id).map(|p| p.2.clone()).unwrap_or_default()
    }

    fn people_of(&self, org: i64) -> Vec<(i64, String)> {
        self.people.iter().filter(|p| p.1 == Some(org)).map(|p| (p.0, p.2.clone())).collect()
    }

    fn people(&mut self) -> Result<()> {
        for d in PEOPLE {
            let org = self.orgs.get(d.org).copied();
            let person = Person {
                phone: d.phone.map(str::to_string),
                roles: d.roles.iter().map(|r| r.to_string()).collect(),
                ..Person::new(d.name, d.title, org)
            };
            let id = self.store.add_person(person)?;
            self.people.push((id, org, d.name.to_string(), d.roles));
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<()> {
        let today = self.today;
        let yesterday = today - Duration::days(1);
        let last_monday = yesterday - Duration::days(yesterday.weekday().num_days_from_monday() as i64);
        let next_monday = today + Duration::days(7 - today.weekday().num_days_from_monday() as i64);
        let head = self.with_role("trưởng khối");
        let deputy = self.with_role("phó khối");
        let secretary = self.with_role("thư ký");
        let mttq = self.org("MTTQ");
        let member_codes = ["DTN", "HLHPN", "HND", "HCCB", "LDLD"];
        let mut previous: Option<(i32, i64)> = None;
        for i in 0..12usize {
            let closed = i < 11;
            let date = if closed { last_monday - Duration::weeks(10 - i as i64) } else { next_monday };
            // Consecutive within a year, as a secretary numbers them; the
            // first one takes its week's number, as if the year began weekly.
            let number = match previous {
                Some((year, n)) if year == date.year() => n + 1,
                _ => (date.ordinal0() / 7 + 1) as i64,
            };
            previous = Some((date.year(), number));
            let place = if i % 4 == 1 { "Hội trường Ủy ban MTTQ huyện" } else { "Phòng họp Khối" };
            let starts_at = date.and_hms_opt(8, 0, 0).unwrap_or_default();
            let mut m = Meeting::new(number, MeetingKind::Weekly, starts_at, place);
            let chair = if i % 5 == 3 { deputy.or(head) } else { head };
            m.chair_id = chair;
            m.secretary_id = secretary;
            let id = self.store.add_meeting(m)?;
            let mut rec = MeetingRec { id, date, reports: Vec::new(), topical_item: 0 };

            // Agenda.
            if i > 0 {
                let mut it = AgendaItem::new(id, "Kiểm điểm việc thực hiện kết luận kỳ trước", Some(mttq), Some(15));
                it.standing = true;
                if closed {
                    let prev = CONCLUSIONS_PER_MEETING[i - 1];
                    let done = self.rng.range(0, prev as i64 - 1);
                    it.notes = format!(
                        "Văn phòng Khối báo cáo: {prev} kết luận kỳ trước, đã hoàn thành {done}, đang thực hiện {}.",
                        prev as i64 - done
                    );
                    it.outcome = "Các tổ chức tiếp tục đôn đốc các việc chưa hoàn thành.".into();
                }
                self.store.add_agenda_item(it)?;
            }
            let n_reports = self.rng.range(2, 4) as usize;
            let mut reporters: Vec<&str> = Vec::new();
            for k in 0..n_reports {
                reporters.push(member_codes[(i * 3 + k) % member_codes.len()]);
            }
            if i % 3 == 0 {
                reporters.insert(0, "MTTQ");
                reporters.truncate(n_reports);
            }
            for code in reporters {
                let org = self.org(code);
                let mut it = AgendaItem::new(
                    id,
                    &format!("Báo cáo kết quả công tác tuần của {}", self.org_name(org)),
                    Some(org),
                    Some(self.rng.range(2, 3) * 5),
                );
                if closed {
                    it.notes = REPORT_NOTES.iter().find(|r| r.0 == code).map(|r| r.1).unwrap_or("").to_string();
                    it.outcome = REPORT_OUTCOMES[self.rng.index(REPORT_OUTCOMES.len())].to_string();
                }
                let aid = self.store.add_agenda_item(it)?;
                rec.reports.push((aid, org));
            }
            let mut it = AgendaItem::new(id, "Phản ánh dư luận xã hội", Some(mttq), Some(10));
            if closed {
                it.notes = OPINION_NOTES[i % OPINION_NOTES.len()].to_string();
                it.outcome = "Giao các tổ chức tiếp tục nắm tình hình, báo cáo tại giao ban tuần sau.".into();
            }
            self.store.add_agenda_item(it)?;
            let (seasonal, general) = topics(date);
            let (title, code) = if !seasonal.is_empty() && (i % 3 != 2 || !closed) {
                &seasonal[i % seasonal.len()]
            } else {
                &general[i % general.len()]
            };
            let org = self.org(code);
            let mut it = AgendaItem::new(id, title, Some(org), Some(self.rng.range(4, 6) * 5));
            if closed {
                it.notes = "Các tổ chức báo cáo tiến độ, nêu khó khăn và đề xuất.".into();
                it.outcome =
                    "Khối thống nhất phân công các tổ chức thực hiện; giao Văn phòng Khối theo dõi, đôn đốc.".into();
            }
            rec.topical_item = self.store.add_agenda_item(it)?;

            if closed {
                // Roll call.
                let mut present = 0;
                for code in ALL {
                    let Some(&org) = self.orgs.get(*code) else {
                        continue;
                    };
                    let absent = *code != "MTTQ" && self.rng.chance(8);
                    let names: Vec<String> = self.people_of(org).into_iter().take(2).map(|p| p.1).collect();
                    let reason = if absent {
                        ABSENCE_REASONS[self.rng.index(ABSENCE_REASONS.len())].to_string()
                    } else {
                        present += 1;
                        String::new()
                    };
                    self.store.set_attendance(Attendance {
                        meeting_id: id,
                        org_id: org,
                        present: !absent,
                        reason,
                        attendees: if absent { String::new() } else { names.join(", ") },
                    })?;
                }
                let mut m = self.store.store().meeting(id)?;
                m.notes = format!(
                    "Đồng chí {} chủ trì; đồng chí {} ghi biên bản. Có mặt {present}/{} tổ chức. \
                     Hội nghị thống nhất {} nội dung kết luận, giao các tổ chức triển khai.",
                    self.name_of(chair),
                    self.name_of(secretary),
                    ALL.len(),
                    CONCLUSIONS_PER_MEETING[i]
                );
                self.store.update_meeting(m)?;
                let end = starts_at + Duration::minutes(120 + self.rng.range(0, 12) * 5);
                self.store.close_meeting(id, end)?;
            }
            self.meetings.push(rec);
        }
        Ok(())
    }

    /// A weekday on or before `d` (deadlines do not fall on weekends).
    fn weekday(d: NaiveDate) -> NaiveDate {
        match d.weekday().num_days_from_monday() {
            5 => d - Duration::days(1),
            6 => d - Duration::days(2),
            _ => d,
        }
    }

    fn tasks(&mut self) -> Result<()> {
        let today = self.today;
        let mut specs: Vec<Spec> = Vec::new();
        for (defs, kind) in [(COMMON, TaskKind::Common), (SPECIFIC, TaskKind::Specific), (SUPERIOR, TaskKind::Superior)]
        {
            for def in defs {
                let start = today - Duration::days(self.rng.range(15, 130));
                let span = if kind == TaskKind::Common { self.rng.range(30, 110) } else { self.rng.range(14, 75) };
                let deadline = Self::weekday(start + Duration::days(span)).max(start);
                let doc = (kind == TaskKind::Superior).then(|| {
                    let n = self.rng.range(12, 240);
                    (format!("{n}-{}", doc_suffix(def.0)), start - Duration::days(self.rng.range(2, 10)))
                });
                specs.push(Spec {
                    def: *def,
                    kind,
                    start,
                    deadline,
                    meeting: None,
                    doc,
                    status: TaskStatus::NotStarted,
                    completed: None,
                });
            }
        }
        let mut next = 0;
        for (mi, n) in CONCLUSIONS_PER_MEETING.iter().enumerate() {
            let date = self.meetings[mi].date;
            for _ in 0..*n {
                let def = CONCLUSIONS[next % CONCLUSIONS.len()];
                next += 1;
                let deadline = date + Duration::days(7 * self.rng.range(1, 4) - 3);
                specs.push(Spec {
                    def,
                    kind: TaskKind::Conclusion,
                    start: date,
                    deadline,
                    meeting: Some(mi),
                    doc: None,
                    status: TaskStatus::NotStarted,
                    completed: None,
                });
            }
        }
        self.assign_statuses(&mut specs);
        for spec in &specs {
            self.add_task(spec)?;
        }
        Ok(())
    }

    /// Older work mostly done; a fixed share overdue (some for HND), some
    /// blocked, the rest in progress or not started.
    fn assign_statuses(&mut self, specs: &mut [Spec]) {
        let today = self.today;
        let hnd = self.org("HND");
        let mut recent_past: Vec<usize> = (0..specs.len())
            .filter(|&i| specs[i].deadline < today && specs[i].deadline >= today - Duration::days(49))
            .collect();
        self.rng.shuffle(&mut recent_past);
        let mut overdue: Vec<usize> = recent_past.iter().copied().take(16).collect();
        if !overdue.iter().any(|&i| self.org(specs[i].def.0) == hnd) {
            if let Some(&h) = recent_past.iter().find(|&&i| self.org(specs[i].def.0) == hnd) {
                if let Some(last) = overdue.last_mut() {
                    *last = h;
                } else {
                    overdue.push(h);
                }
            }
        }
        let mut future: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].deadline >= today).collect();
        self.rng.shuffle(&mut future);
        for (i, spec) in specs.iter_mut().enumerate() {
            if let Some(pos) = overdue.iter().position(|&o| o == i) {
                spec.status = if pos % 4 == 0 { TaskStatus::Blocked } else { TaskStatus::InProgress };
            } else if spec.deadline < today {
                if self.rng.chance(3) {
                    spec.status = TaskStatus::Cancelled;
                } else {
                    spec.status = TaskStatus::Done;
                    let c = spec.deadline + Duration::days(self.rng.range(-7, 5));
                    spec.completed = Some(c.min(today - Duration::days(1)).max(spec.start));
                }
            } else {
                let pos = future.iter().position(|&f| f == i).unwrap_or(0);
                spec.status = match pos {
                    0..=5 => TaskStatus::Blocked,
                    6..=11 => TaskStatus::Done,
                    _ if pos % 3 == 0 => TaskStatus::NotStarted,
                    _ => TaskStatus::InProgress,
                };
                if spec.status == TaskStatus::Done {
                    let c = today - Duration::days(self.rng.range(0, 9));
                    spec.completed = Some(c.max(spec.start));
                }
            }
        }
    }

    fn add_task(&mut self, spec: &Spec) -> Result<()> {
        let today = self.today;
        let (code, title, with, place, theme) = spec.def;
        let title = title.replace("{y}", &today.year().to_string());
        let lead = self.org(code);
        let mut task = Task::new(&title, lead, spec.kind);
        task.with_org_ids = with.iter().filter_map(|c| self.orgs.get(*c).copied()).collect();
        task.place = place.to_string();
        task.start_date = Some(spec.start);
        task.deadline = Some(spec.deadline);
        task.status = spec.status;
        task.completed_on = spec.completed;
        let staff = self.people_of(lead);
        if !staff.is_empty() {
            let first = self.rng.index(staff.len());
            task.person_ids.push(staff[first].0);
            if staff.len() > 1 && self.rng.chance(40) {
                task.person_ids.push(staff[(first + 1) % staff.len()].0);
            }
        }
        if let Some(&w) = task.with_org_ids.first() {
            if self.rng.chance(30) {
                if let Some(p) = self.people_of(w).first() {
                    task.person_ids.push(p.0);
                }
            }
        }
        if let Some((number, date)) = &spec.doc {
            task.source.doc_number = number.clone();
            task.source.doc_date = Some(*date);
        }
        if let Some(mi) = spec.meeting {
            let rec = &self.meetings[mi];
            task.source.meeting_id = Some(rec.id);
            let report = rec.reports.iter().find(|r| r.1 == lead).map(|r| r.0);
            task.source.agenda_item_id = Some(report.unwrap_or(rec.topical_item));
        }

        // Progress notes, dated between the start and completion (or today).
        let end = spec.completed.unwrap_or(today - Duration::days(1)).max(spec.start);
        let span = (end - spec.start).num_days().max(0);
        let active = !matches!(spec.status, TaskStatus::NotStarted | TaskStatus::Cancelled);
        let pool = notes_for(&title, theme);
        let targets: Vec<&(&str, &str, &str, f64)> = TARGETS.iter().filter(|t| t.0 == spec.def.1).collect();
        let mut notes: Vec<(NaiveDate, String)> = Vec::new();
        let mut actuals: Vec<(usize, NaiveDate, f64)> = Vec::new();
        if active && !targets.is_empty() {
            // Cumulative actuals; the first target's figures become the notes.
            let n = if spec.status == TaskStatus::Done { self.rng.range(2, 4) } else { self.rng.range(1, 3) };
            for (ti, t) in targets.iter().enumerate() {
                let final_ratio = if spec.status == TaskStatus::Done {
                    1.0 + self.rng.range(0, 12) as f64 / 100.0
                } else {
                    self.rng.range(25, 85) as f64 / 100.0
                };
                for k in 1..=n {
                    let on = (spec.start + Duration::days(span * k / (n + 1))).min(end);
                    let v = round_value(t.3 * final_ratio * k as f64 / n as f64, t.2);
                    actuals.push((ti, on, v));
                    if ti == 0 {
                        notes.push((on, progress_note(t.2, v, t.3)));
                    }
                }
            }
        } else if active {
            let n = if spec.status == TaskStatus::Blocked { self.rng.range(0, 1) } else { self.rng.range(1, 3) };
            for k in 0..n {
                let on = (spec.start + Duration::days(span * (k + 1) / (n + 1))).min(end);
                notes.push((on, pool[k as usize % pool.len()].to_string()));
            }
        }
        match spec.status {
            TaskStatus::Blocked => {
                notes.push((end, BLOCKED_NOTES[self.rng.index(BLOCKED_NOTES.len())].to_string()));
            }
            TaskStatus::Done if self.rng.chance(60) => {
                notes.push((end, DONE_NOTES[self.rng.index(DONE_NOTES.len())].to_string()));
            }
            _ => {}
        }

        let mut notes = notes.into_iter();
        let first = notes.next();
        let id = self.store.add_task(task, first.as_ref().map(|(d, t)| (*d, t.as_str())))?;
        for (on, text) in notes {
            self.store.add_task_note(id, on, &text)?;
        }
        for (ti, t) in targets.iter().enumerate() {
            let target_id = self.store.add_target(Target {
                id: 0,
                task_id: id,
                indicator: t.1.to_string(),
                unit: t.2.to_string(),
                target_value: t.3,
                actuals: Vec::new(),
                version: 1,
            })?;
            for a in actuals.iter().filter(|a| a.0 == ti) {
                self.store.add_target_actual(target_id, a.1, a.2)?;
            }
        }
        self.task_count += 1;
        Ok(())
    }

    fn pending(&mut self) -> Result<()> {
        let today = self.today;
        let year = today.year().to_string();
        for d in PENDING {
            let rec = &self.meetings[d.meeting.min(self.meetings.len().saturating_sub(2))];
            let (raised, meeting_id) = (rec.date, rec.id);
            let mut item = PendingItem::new(d.kind, &d.text.replace("{y}", &year), raised);
            item.raised_by_org_id = Some(self.org(d.org));
            item.meeting_id = Some(meeting_id);
            item.addressed_org_id = d.to_org.map(|c| self.org(c));
            item.addressed_to = d.to.to_string();
            item.answer_due = Some(raised + Duration::days([14, 21, 30][self.rng.index(3)]));
            if let Some(answer) = d.answer {
                let on = (raised + Duration::days(self.rng.range(3, 18))).min(today - Duration::days(1)).max(raised);
                item.answer_with(answer, on);
                if d.closed {
                    item.status = PendingStatus::Closed;
                }
            }
            self.store.add_pending_item(item)?;
            self.pending_count += 1;
        }
        Ok(())
    }
}

/// Money to the nearest million đồng, counts to whole units.
fn round_value(v: f64, unit: &str) -> f64 {
    if unit == "đồng" {
        ((v / 1_000_000.0).round() * 1_000_000.0).max(1_000_000.0)
    } else {
        v.round().max(1.0)
    }
}

/// "1.500.000" — Vietnamese thousands grouping.
fn group(n: u64) -> String {
    let digits: Vec<char> = n.to_string().chars().collect();
    let parts: Vec<String> = digits.rchunks(3).rev().map(|c| c.iter().collect()).collect();
    parts.join(".")
}

/// "636 triệu đồng", "1,05 tỷ đồng", "12 nhà".
fn amount(v: f64, unit: &str) -> String {
    if unit == "đồng" {
        if v >= 1_000_000_000.0 {
            let s = format!("{:.2}", v / 1_000_000_000.0);
            let s = s.trim_end_matches('0').trim_end_matches('.').replace('.', ",");
            format!("{s} tỷ đồng")
        } else if v >= 1_000_000.0 {
            format!("{} triệu đồng", group((v / 1_000_000.0).round() as u64))
        } else {
            format!("{} đồng", group(v.round() as u64))
        }
    } else {
        format!("{} {unit}", group(v.round() as u64))
    }
}

fn progress_note(unit: &str, value: f64, target: f64) -> String {
    let pct = (value / target * 100.0).round() as i64;
    if unit == "đồng" {
        format!("Đã vận động được {} (đạt {pct}% chỉ tiêu).", amount(value, unit))
    } else {
        format!("Lũy kế đạt {}/{} ({pct}%).", group(value.round() as u64), amount(target, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingStatus;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn all_tasks(store: &Store) -> Vec<Task> {
        store.tasks(&TaskFilter { include_finished: true, ..Default::default() }, today()).unwrap()
    }

    fn filled() -> (Store, Summary) {
        let mut store = Store::in_memory().unwrap();
        let s = fill(&mut store, today(), false).unwrap();
        (store, s)
    }

    fn check_counts(store: &Store, s: &Summary) {
        let meetings = store.meetings().unwrap();
        assert_eq!(meetings.len(), 12);
        assert_eq!(s.meetings, 12);
        assert_eq!(meetings.iter().filter(|m| m.status == MeetingStatus::Closed).count(), 11);
        assert_eq!(meetings.iter().filter(|m| m.status == MeetingStatus::Planned).count(), 1);
        let tasks = all_tasks(store);
        assert!((140..=170).contains(&tasks.len()), "{} tasks", tasks.len());
        assert_eq!(s.tasks, tasks.len());
        let pending = store.pending_items(None, true).unwrap();
        assert!((25..=35).contains(&pending.len()), "{} pending", pending.len());
        assert_eq!(s.pending, pending.len());
        let people = store.people().unwrap();
        assert!((18..=22).contains(&people.len()), "{} people", people.len());
        assert_eq!(s.people, people.len());
    }

    #[test]
    fn counts_are_in_range() {
        let (store, s) = filled();
        check_counts(&store, &s);
        let settings = store.settings().unwrap();
        assert_eq!(settings.locality, "Hải Hà");
        assert_eq!(settings.level, "huyện");
        assert!(settings.bloc_name.contains("Hải Hà"));
    }

    #[test]
    fn boards_have_overdue_and_blocked_work() {
        let (store, _) = filled();
        let hnd = store.resolve_organization("HND").unwrap();
        let overdue = store
            .tasks(&TaskFilter { overdue: true, lead_org_id: Some(hnd.id), ..Default::default() }, today())
            .unwrap();
        assert!(!overdue.is_empty(), "HND has an overdue task");
        let all_overdue = store.tasks(&TaskFilter { overdue: true, ..Default::default() }, today()).unwrap();
        assert!((12..=20).contains(&all_overdue.len()), "{} overdue", all_overdue.len());
        let tasks = all_tasks(&store);
        let blocked = tasks.iter().filter(|t| t.status == TaskStatus::Blocked).count();
        assert!(blocked >= 1, "some tasks are blocked");
        for t in &tasks {
            if t.status == TaskStatus::Done {
                let c = t.completed_on.expect("done tasks have a completion date");
                assert!(c <= today());
            }
            if t.kind == TaskKind::Conclusion {
                assert!(t.source.meeting_id.is_some() && t.source.agenda_item_id.is_some());
            }
        }
        assert!(tasks.iter().any(|t| t.done_late()), "some tasks were finished late");
    }

    #[test]
    fn briefings_have_agenda_and_roll_call() {
        let (store, _) = filled();
        let meetings = store.meetings().unwrap();
        let planned = meetings.iter().find(|m| m.status == MeetingStatus::Planned).unwrap();
        assert!(planned.starts_at.date() > today());
        for m in &meetings {
            let agenda = store.agenda(m.id).unwrap();
            assert!((4..=7).contains(&agenda.len()), "{} agenda items", agenda.len());
            if m.is_closed() {
                assert!(m.starts_at.date() < today());
                assert_eq!(store.attendance(m.id).unwrap().len(), 6);
                assert!(!m.notes.is_empty());
                assert!(m.ends_at.is_some());
            }
        }
        let numbers: std::collections::HashSet<(i32, i64)> = meetings.iter().map(|m| (m.year, m.number)).collect();
        assert_eq!(numbers.len(), 12);
    }

    #[test]
    fn same_day_gives_same_data() {
        let (a, _) = filled();
        let (b, _) = filled();
        let titles = |s: &Store| all_tasks(s).into_iter().map(|t| (t.title, t.status, t.deadline)).collect::<Vec<_>>();
        assert_eq!(titles(&a), titles(&b));
        let texts = |s: &Store| s.pending_items(None, true).unwrap().into_iter().map(|p| p.text).collect::<Vec<_>>();
        assert_eq!(texts(&a), texts(&b));
    }

    #[test]
    fn refuses_filled_database_unless_forced() {
        let (mut store, _) = filled();
        assert!(matches!(fill(&mut store, today(), false), Err(StoreError::DemoRefused)));
        let s = fill(&mut store, today(), true).unwrap();
        check_counts(&store, &s);
    }

    #[test]
    fn planned_briefing_carries_work_over() {
        let (store, _) = filled();
        let planned = store.next_meeting(today()).unwrap().expect("a planned briefing");
        assert_eq!(planned.status, MeetingStatus::Planned);
        let (tasks, pending) = store.carried_over(&planned, today()).unwrap();
        assert!(!tasks.is_empty());
        assert!(!pending.is_empty());
    }

    #[test]
    fn other_dates_work_too() {
        for (y, m, d) in [(2027, 1, 6), (2026, 3, 1), (2026, 11, 24)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut store = Store::in_memory().unwrap();
            let s = fill(&mut store, day, false).unwrap();
            assert_eq!(s.meetings, 12);
            let planned = store.next_meeting(day).unwrap().unwrap();
            assert!(planned.starts_at.date() > day);
        }
    }

    #[test]
    fn amounts_read_the_vietnamese_way() {
        assert_eq!(group(1_500_000_000), "1.500.000.000");
        assert_eq!(amount(1_500_000_000.0, "đồng"), "1,5 tỷ đồng");
        assert_eq!(amount(636_000_000.0, "đồng"), "636 triệu đồng");
        assert_eq!(amount(2300.0, "lượt"), "2.300 lượt");
    }
}
