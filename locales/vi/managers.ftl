# Managers' actions: manual nudges, locks, exceptions to a lock, reminder history, weekly digest.

nudge-sent = Đã gửi lời nhắc tới { $count } đầu mối của { $unit } ({ $report }). Gửi /danhac { $unit } để xem đã nhận hay chưa.
nudge-nothing_open = { $unit } không có báo cáo nào đang chờ nộp nên không cần nhắc.
nudge-no_focal = { $unit } chưa có đầu mối kết nối với bot nên chưa nhắc được. Đề nghị Vụ Thi đua – Khen thưởng cấp mã mời cho đơn vị; cán bộ đầu mối gửi mã đó cho bot là nhận được lời nhắc.
nudge-already_today = Hôm nay đã nhắc { $unit } rồi; mỗi đơn vị chỉ nhắc thủ công một lần mỗi ngày.

unit-missing_unit = Đồng chí cho biết đơn vị cần xem, ví dụ: { $command } STP_HANOI hoặc { $command } Sở Tư pháp Hà Nội
unit-unknown_unit = Không tìm thấy đơn vị này trong phạm vi quản lý của đồng chí. Ví dụ: { $command } STP_HANOI
unit-out_of_scope = Đơn vị này không thuộc phạm vi quản lý của đồng chí.
unit-no_scope = Lệnh { $command } dành cho quản lý (Vụ Thi đua – Khen thưởng, Cục Quản lý Thi hành án dân sự, trưởng/phó cụm thi đua).
unit-ambiguous =
    Có nhiều đơn vị trùng tên, đồng chí chọn một đơn vị (hoặc gửi lại với mã đơn vị):
    { $list }
    Ví dụ: { $command } { $code }

ledger-none = Chưa có lời nhắc nào gửi tới { $unit }.
ledger-title = Lời nhắc đã gửi tới { $unit } (mới nhất trước):
ledger-line = • { $when } — { $kind } { $report } { $stage } → { $recipient } qua { $channel }: { $status }
ledger-kind-reminder = nhắc hạn
ledger-kind-escalation = báo cáo chậm
ledger-kind-nudge = nhắc thủ công
ledger-kind-digest = bản tin tuần
ledger-kind-exception = đề nghị mở khóa
ledger-status-planned = đang chờ gửi
ledger-status-sending = đang gửi
ledger-status-sent = đã gửi
ledger-status-failed = gửi không được
ledger-status-skipped = không gửi (đơn vị đã nộp)
ledger-status-uncertain = không chắc đã tới (máy chủ gián đoạn khi đang gửi)

lock-done = Đã khóa { $report }: { $count } báo cáo không sửa được nữa. Đầu mối cần sửa sẽ gửi đề nghị mở khóa tới đồng chí.
unlock-done = Đã mở khóa { $report }: { $count } báo cáo sửa được trở lại.
lock-not_allowed = Chỉ Vụ Thi đua – Khen thưởng được khóa hoặc mở khóa kỳ báo cáo.
lock-nothing_due = Không có kỳ báo cáo nào gần đây. Ví dụ: /khoa BC6T 2027-H1
lock-unknown_duty = Không có báo cáo { $report }. Ví dụ: /khoa BC6T 2027-H1

unlock-already-requested = Đồng chí đã gửi đề nghị mở khóa báo cáo này; đang chờ ý kiến của quản lý.
exception-usage = Gửi { $command } kèm số đề nghị, ví dụ: { $command } 12
exception-not_found = Không có đề nghị số { NUMBER($id, useGrouping: 0) }.
exception-out_of_scope = Đề nghị số { NUMBER($id, useGrouping: 0) } không thuộc phạm vi quản lý của đồng chí.
exception-no_scope = Chỉ quản lý mới duyệt được đề nghị mở khóa.
exception-decided = Đề nghị số { NUMBER($id, useGrouping: 0) } đã được xử lý trước đó.
exception-allow-done = Đã cho phép { $unit } sửa { $report } đến { $until } (đề nghị số { NUMBER($id, useGrouping: 0) }). Đầu mối đã được báo.
exception-refuse-done = Đã từ chối đề nghị số { NUMBER($id, useGrouping: 0) } của { $unit } ({ $report }). Đầu mối đã được báo.

exception-request = 🔓 Đề nghị mở khóa số { NUMBER($id, useGrouping: 0) }: { $person } ({ $unit }) xin sửa số liệu { $report } đã khóa. Lý do: { $reason }.
exception-request-how = Bấm Cho phép hoặc Từ chối, hoặc gửi /chophep { NUMBER($id, useGrouping: 0) } hay /tuchoi { NUMBER($id, useGrouping: 0) }.
exception-no-reason = không nêu
btn-allow = ✅ Cho phép
btn-refuse = ✖️ Từ chối
exception-allowed = ✅ Đề nghị mở khóa { $report } đã được chấp thuận: đồng chí sửa được số liệu đến { $until }. Gửi /sua để sửa.
exception-refused = Đề nghị mở khóa { $report } chưa được chấp thuận. Đồng chí liên hệ Vụ Thi đua – Khen thưởng nếu cần.

handover-choose = Bàn giao đầu mối của { $unit } (hiện có { $count } đầu mối). Đồng chí chọn người thôi làm đầu mối:
handover-line = • { $name } — đầu mối từ { $since }, { $reach }
handover-reached = nhận lời nhắc qua { $channel }
handover-unreachable = hiện không nhận được lời nhắc (không còn kênh liên lạc)
handover-no-focal = { $unit } ({ $code }) chưa có đầu mối nào nên không có ai để bàn giao. Đầu mối mới kết nối bằng mã mời do Vụ Thi đua – Khen thưởng cấp.
handover-confirm = Xác nhận bàn giao: { $person } sẽ thôi là đầu mối của { $unit } khi người kế nhiệm dùng mã mời bot cấp ngay sau đây. Bấm Xác nhận bàn giao để lấy mã, hoặc Hủy.
btn-handover-confirm = ✅ Xác nhận bàn giao
handover-code =
    Mã mời cho người thay { $person } làm đầu mối của { $unit } (dùng một lần, hết hạn lúc { $expires }):
    { $code }
    Người kế nhiệm gửi cho bot: /start { $code }
    Khi mã được dùng, { $person } thôi là đầu mối của { $unit }; việc bàn giao đã được ghi nhận. Mã chỉ hiện một lần này: đồng chí chuyển ngay cho người kế nhiệm.
handover-cancelled = Đã hủy bàn giao: không có mã mời nào được cấp, các đầu mối giữ nguyên.
handover-no_scope = Lệnh /bangiao dành cho quản lý (Vụ Thi đua – Khen thưởng, Cục Quản lý Thi hành án dân sự, trưởng/phó cụm thi đua).
handover-out_of_scope = { $unit } không thuộc phạm vi quản lý của đồng chí.
handover-unknown_unit = { $unit } đã ngừng hoạt động nên không bàn giao được.
handover-not_focal = { $person } không còn là đầu mối của { $unit } (có thể đã bàn giao trước đó). Gửi lại /bangiao để xem các đầu mối hiện tại.
ledger-focal = Đầu mối hiện tại ({ $count } người): { $names }
ledger-no-focal = Đơn vị chưa có đầu mối nào kết nối với bot.

digest-title = 📊 Bản tin tuần — báo cáo hạn { $due } trong phạm vi của đồng chí:
digest-more = Gửi /tinhhinh để xem chi tiết, /nhac <tên hoặc mã đơn vị> để nhắc một đơn vị.

# A system-wide sum target in a few characters (status, exports).
target-sum = tổng ≥ { $value }

# The web dashboard from the chat (/web, /dangxuat).
dashboard-link =
    Đường dẫn mở bảng điều khiển (dùng một lần, hiệu lực đến { $until }):
    { $url }
    Đồng chí không chuyển đường dẫn này cho người khác. Gửi /dangxuat để đăng xuất bảng điều khiển trên mọi máy.
dashboard-managers-only = Bảng điều khiển dành cho cán bộ quản lý. Đồng chí là đầu mối: gửi /hanchot để xem các hạn nộp, hoặc gửi số liệu ngay trong cuộc trò chuyện này.
dashboard-off = Bảng điều khiển trên web chưa được bật trên máy chủ này.
dashboard-signed-out =
    { $count ->
        [0] Đồng chí không có phiên bảng điều khiển nào đang mở. Các đường dẫn đăng nhập chưa dùng đã bị hủy.
       *[other] Đã đăng xuất { $count } phiên bảng điều khiển. Các đường dẫn đăng nhập chưa dùng cũng đã bị hủy.
    }
