# The conversation with focal points: binding, submitting, correcting, what is due.

btn-confirm = ✅ Xác nhận
btn-edit = ✏️ Sửa
btn-cancel = ✖ Hủy
btn-skip = Bỏ qua
btn-request-unlock = Đề nghị mở khóa
btn-lang-vi = Tiếng Việt
btn-lang-en = English

welcome-unbound =
    Xin chào! Đây là Đôn Đốc, trợ lý nhắc hạn và nhận số liệu thi đua – khen thưởng của ngành Tư pháp.
    Để bắt đầu, đồng chí gửi mã mời do Vụ Thi đua – Khen thưởng cấp (ví dụ: /start K7PM-Q2XD-9RWA).
welcome-bound = Xin chào { $name }! Đồng chí đang là { $roles }. Gửi /hanchot để xem việc cần làm, /trogiup để xem hướng dẫn.
unbound-only =
    Đồng chí chưa kết nối với đơn vị nào nên chưa gửi được số liệu.
    Vui lòng gửi mã mời (ví dụ: /start K7PM-Q2XD-9RWA), hoặc /trogiup để xem hướng dẫn.
bind-ok = Đã kết nối: đồng chí là { $role } của { $unit }.
bind-ok-handover = Đã kết nối: đồng chí là đầu mối mới của { $unit } (thay { $previous }, ghi nhận lúc { $date }).
bind-ok-alongside = Đã kết nối: đồng chí là đầu mối của { $unit }, cùng { $count } đầu mối khác: { $others }. Mỗi đầu mối đều nhận lời nhắc và gửi được số liệu.
bind-ok-next = Gửi /hanchot để xem các báo cáo cần nộp, hoặc gửi số liệu ngay, ví dụ: { $example }
bind-unknown = Mã mời không đúng. Đồng chí kiểm tra lại mã (12 ký tự, ví dụ K7PM-Q2XD-9RWA) hoặc liên hệ Vụ Thi đua – Khen thưởng để được cấp mã mới.
bind-used = Mã mời này đã được sử dụng. Mỗi mã chỉ dùng một lần; đồng chí liên hệ Vụ Thi đua – Khen thưởng để được cấp mã mới.
bind-expired = Mã mời này đã hết hạn. Đồng chí liên hệ Vụ Thi đua – Khen thưởng để được cấp mã mới.
bind-retired_unit = Đơn vị của mã mời này đã ngừng hoạt động trong hệ thống. Đồng chí liên hệ Vụ Thi đua – Khen thưởng.
bind-rate-limited = Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau { $minutes } phút.
start-missing-code = Đồng chí gửi kèm mã mời, ví dụ: /start K7PM-Q2XD-9RWA

help-unbound =
    Đôn Đốc nhắc hạn nộp báo cáo thi đua và nhận số liệu nhanh qua tin nhắn.
    • Kết nối: gửi mã mời, ví dụ /start K7PM-Q2XD-9RWA
    • /ngonngu — đổi ngôn ngữ (Tiếng Việt / English)
help-focal =
    Cách dùng Đôn Đốc:
    • Gửi số liệu bằng tin nhắn thường, ví dụ: { $example } — thiếu số nào, bot liệt kê một lần; gửi tiếp trong một tin, hoặc /tungchitieu để được hỏi lần lượt
    • Sửa số đã gửi: { $correction }
    • Gửi văn bản báo cáo: gửi tệp PDF/ảnh, hoặc số và ngày văn bản, ví dụ: số 123/BC-STP ngày 10/7/2027
    • /hanchot — các báo cáo cần nộp và phần còn thiếu
    • /huy — hủy thao tác đang làm
    • /lienket — dùng cả Telegram và Zalo; /kenh — chọn kênh nhận lời nhắc
    • /giotinh — giờ tạm dừng nhắc: giữ lời nhắc lại trong giờ nghỉ, ví dụ /giotinh 12:00-13:30
    • /ngonngu — đổi ngôn ngữ
help-manager =
    Đồng chí có vai trò quản lý của { $unit }.
    • /tinhhinh [báo cáo] [kỳ] — tình hình nộp báo cáo trong phạm vi quản lý (hoặc hỏi: "đơn vị nào chưa nộp báo cáo 6 tháng?")
    • /chitieu — số liệu so với chỉ tiêu năm; /tonghop — đoạn tổng hợp cho báo cáo chung
    • /xuat — tệp Excel; /bieudo — biểu đồ
    • /nhac <mã đơn vị> — nhắc một đơn vị (mỗi ngày một lần); /danhac <mã đơn vị> — các lời nhắc đã gửi
    • /bangiao <mã đơn vị> — bàn giao đầu mối: chọn người thôi làm, lấy mã mời cho người thay
    • /web — bảng điều khiển trên máy tính (đường dẫn đăng nhập một lần); /dangxuat — đăng xuất
    • /khoa, /mokhoa [báo cáo] [kỳ] — khóa, mở khóa kỳ báo cáo (Vụ TĐKT)
    • /chophep, /tuchoi <số> — duyệt đề nghị mở khóa
    • /lienket — dùng cả Telegram và Zalo; /kenh — chọn kênh nhận tin
    • /ngonngu — đổi ngôn ngữ
manager-cannot-submit = Tài khoản của đồng chí có vai trò quản lý; chỉ đầu mối của đơn vị mới gửi được số liệu. Gửi /tinhhinh để xem tình hình.
manager-status-coming = Chức năng xem tình hình dành cho quản lý chưa được bật trên máy chủ này.
unknown-command = Không có lệnh "{ $command }". Gửi /trogiup để xem các lệnh.
not-understood = Tôi chưa nhận ra số liệu trong tin nhắn. Đồng chí gửi theo mẫu: { $example }
numbers-no-label = Tôi thấy số { $numbers } nhưng chưa rõ thuộc chỉ tiêu nào. Đồng chí ghi kèm tên chỉ tiêu, ví dụ: { $example }
no-open-assignment = Hiện { $unit } không có báo cáo nào đang mở để nhận số liệu. Gửi /hanchot để xem các hạn sắp tới.
no-figures-for-unit = Các báo cáo đang mở của { $unit } không có chỉ tiêu nhận số liệu nhanh; đồng chí gửi văn bản báo cáo (tệp hoặc số, ngày văn bản).
cancelled = Đã hủy. Không có số liệu nào được lưu.
nothing-to-cancel = Không có thao tác nào đang dở.
stale-button = Nút này thuộc một thao tác cũ đã kết thúc. Đồng chí gửi lại số liệu nếu cần.
text-too-long = Tin nhắn dài quá; tôi chỉ đọc { $max } ký tự đầu.

pick-unit = Đồng chí là đầu mối của nhiều đơn vị. Số liệu này của đơn vị nào?
pick-assignment = Số liệu này cho báo cáo nào?
assignment-label = { $report }
unit-chosen = Đã chọn { $unit }. Các tin nhắn tiếp theo sẽ tính cho đơn vị này (gửi /huy để chọn lại).

invalid-value = Không nhận { $label } = { $raw }: { $reason }
reason-percent_over_100 = tỷ lệ phần trăm không thể lớn hơn 100 %.
reason-above_max = lớn hơn mức tối đa cho phép ({ $max }).
reason-below_min = nhỏ hơn mức tối thiểu cho phép ({ $min }).
reason-negative = không thể là số âm.
reason-not_integer = phải là số nguyên.
ambiguous-ask = Số "{ $raw }" của { $label } có thể hiểu theo nhiều cách. Ý đồng chí là:
ask-missing = Còn thiếu: { $label }{ $unit }. Đồng chí gửi số, hoặc bấm (gõ) Bỏ qua.
skip-word-hint = (gõ "bỏ qua" để bỏ qua)
ask-reason = Đồng chí đang sửa số liệu đã gửi. Vui lòng cho biết lý do sửa (ví dụ: Cục đã rà soát lại số liệu).
ask-edit = Đồng chí gửi lại các số cần sửa, ví dụ: { $example }

confirm-title = Xác nhận số liệu { $report } — { $unit }:
confirm-line = • { $label }: { $value }
confirm-line-change = • { $label }: { $old } → { $value }
target-met = đạt chỉ tiêu ({ $target })
target-exceeded = vượt chỉ tiêu ({ $target })
target-not-met = chưa đạt chỉ tiêu ({ $target })
unusual-previous = ⚠ { $label } { $value } khác nhiều so với kỳ trước ({ $reference }). Đề nghị đồng chí kiểm tra lại trước khi xác nhận.
unusual-peers = ⚠ { $label } { $value } khác nhiều so với các đơn vị cùng cụm (trung vị { $reference }). Đề nghị đồng chí kiểm tra lại trước khi xác nhận.
confirm-reason = Lý do sửa: { $reason }
confirm-skipped = Bỏ qua: { $labels }
confirm-question = Bấm Xác nhận để lưu, Sửa để thay đổi, Hủy để bỏ.

saved = Đã lưu { $count } số liệu của { $unit } ({ $report }) lúc { $time }.
saved-complete-on-time = Báo cáo đã đủ số liệu, nộp đúng hạn. Cảm ơn đồng chí!
saved-complete-late = Báo cáo đã đủ số liệu (nộp sau hạn { $due }).
saved-missing = Còn thiếu: { $labels }.
save-locked = { $report } đã khóa, không sửa được số liệu. Nếu cần điều chỉnh, đồng chí bấm "Đề nghị mở khóa" để gửi đề nghị tới Vụ Thi đua – Khen thưởng.
save-not-allowed = Đồng chí không còn là đầu mối của { $unit } nên không lưu được số liệu này.
save-failed = Chưa lưu được do sự cố hệ thống; số liệu chưa được ghi. Đồng chí bấm Xác nhận lại sau ít phút.
unlock-requested = Đã gửi đề nghị mở khóa tới Vụ Thi đua – Khen thưởng. Đồng chí sẽ được báo khi có ý kiến.
already-handled = Thao tác này đã được xử lý.

document-recorded = Đã ghi nhận văn bản { $report } của { $unit }: { $ref }.
document-file = tệp "{ $name }"
document-number = số { $number }
document-number-date = số { $number } ngày { $date }
pick-assignment-document = Văn bản này cho báo cáo nào?

due-title = Báo cáo cần nộp của { $unit }:
due-line = • { $report } — hạn { $due }: { $status }
due-none = { $unit } hiện không có báo cáo nào đang mở.
# A report whose deadline a higher body has not announced yet (its reminders start once it is).
due-line-undated = • { $report } — hạn nộp chưa công bố, sẽ nhắc đồng chí khi có hạn: { $status }
status-complete = đã đủ số liệu
status-missing = còn thiếu { $labels }
status-document-only = chưa gửi văn bản
status-document-sent = đã gửi văn bản
status-overdue = quá hạn

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Đã chuyển sang Tiếng Việt.
sua-how = Đồng chí gửi chỉ tiêu và số mới, ví dụ: { $example }
correction-example = /sua { $label } thành { $value } vì đơn vị đã rà soát lại
correction-example-generic = sửa về tiền thành 47,1 vì Cục đã rà soát lại

# Examples (src/messages/examples.ts): the generic one when no report's indicators are known, a
# free-text answer, and what a manager could ask (read by the status question reader).
example-generic = tên chỉ tiêu kèm số liệu, như "hòa giải thành 85%" hoặc "việc 83,5%"
example-text-answer = đã hoàn thành
example-manager-question = đơn vị nào chưa nộp báo cáo 6 tháng?
example-manager-command = /tinhhinh BC6T

system-error = Xin lỗi, hệ thống đang gặp sự cố nên chưa xử lý được tin nhắn này; chưa có gì được lưu. Đồng chí thử lại sau ít phút.

status-title = Tình hình { $report } ({ $scope }):
status-scope-all = toàn ngành
status-scope-units = { $count } đơn vị trong phạm vi
status-totals = Đúng hạn { $onTime } · Nộp muộn { $late } · Nộp một phần { $partial } · Chưa đến hạn { $pending } · Chưa nộp { $missing } — đã nộp đủ { $done }/{ $total } ({ $percent })
status-locked = 🔒 Đã khóa sửa số liệu: { $count }/{ $total } báo cáo.
status-incomplete-title = Đơn vị chưa nộp đủ ({ $count }):
status-cluster = { $cluster } ({ $count }):
status-no-cluster = Không thuộc cụm
status-unit-state = • { $unit } — { $state }
status-state-on_time = Đúng hạn
status-state-late = Nộp muộn
status-state-missing = Chưa nộp
status-state-pending = Chưa đến hạn
status-state-partial = Nộp một phần
status-state-partial-lacks = Nộp một phần, còn thiếu: { $labels }
status-labels-more = { $labels } và { $count } chỉ tiêu khác
status-more-units = … và { $count } đơn vị khác — /xuat để xem đủ.
status-late-title = Nộp muộn:
status-unit-late = • { $unit } — nộp { $at }
status-more = … còn { $count } đơn vị nữa.
status-none = Không có đơn vị nào trong phạm vi của đồng chí phải nộp { $report }.
status-unknown-duty = Không tìm thấy báo cáo "{ $duty }" kỳ "{ $period }". Dùng mã: DKTD, SKD1, BC6T, BCNAM; kỳ dạng 2026 hoặc 2026-H1.
status-no-scope = Chức năng này dành cho lãnh đạo, quản lý. Tài khoản của đồng chí chưa có vai trò quản lý.
status-nothing = Không có báo cáo nào đến hạn gần đây trong phạm vi của đồng chí.
btn-next-page = Trang sau ›
btn-prev-page = ‹ Trang trước
export-caption = Tệp Excel tình hình { $report } (trang "Tình hình" và "Số liệu").
chart-caption = Biểu đồ { $report }.
chart-unknown-indicator = Không có chỉ tiêu này trong báo cáo. Ví dụ: /bieudo BC6T 2027-H1 thads_viec

targets-title = Số liệu so với chỉ tiêu — { $report }:
targets-none = • { $label }: chưa có đơn vị nào gửi số liệu
targets-mean = bình quân { $value }
targets-sum = tổng { $value }
targets-met = đạt chỉ tiêu { $met }/{ $evaluated } đơn vị ({ $target })
targets-sum-met = đạt chỉ tiêu ({ $target })
targets-sum-not-met = chưa đạt chỉ tiêu ({ $target })
targets-best-worst = cao nhất { $best }; thấp nhất { $worst }
targets-below = ⚠ Chưa đạt: { $units }
targets-no-indicators = Báo cáo này không có chỉ tiêu số liệu.
units-word = đơn vị
summary-head = Đến ngày { $date }, { $done }/{ $total } { $units } đã gửi { $report }{ $done ->
    [0] {""}
   *[other] {" "}({ $onTime } đúng hạn, { $late } nộp muộn)
}
summary-sector = { $type ->
    [CUC_THADS] THADS tỉnh
    [SO_TU_PHAP] Sở Tư pháp
    [MINISTRY_DEPT] đơn vị thuộc Bộ
    [TONG_CUC_THADS] Cục Quản lý THADS
    [CLUSTER] cụm thi đua
   *[other] đơn vị
}
summary-aggregate-mean = bình quân { $value }
summary-aggregate-sum = tổng { $value }
summary-indicator = { $label } { $aggregate }, { $met }/{ $evaluated } đơn vị đạt chỉ tiêu ({ $target })
summary-sum = { $label } { $aggregate }, { $status } chỉ tiêu chung ({ $target })
summary-plain = { $label } { $aggregate }
summary-met = đạt
summary-not-met = chưa đạt
summary-last-year = cùng kỳ năm trước { $value }
summary-partial = { $count } đơn vị mới gửi một phần
summary-missing = còn { $count } đơn vị chưa gửi

link-code = Mã liên kết của đồng chí: { $code } (dùng một lần, hiệu lực { $minutes } phút). Mở bot Đôn Đốc trên kênh kia (Telegram hoặc Zalo) và gửi mã này để dùng cả hai kênh.
link-ok = Đã liên kết: tài khoản này là của { $name }, dùng được trên { $channel } như kênh cũ. Lời nhắc sẽ gửi tới kênh đồng chí dùng gần nhất (đổi bằng /kenh).
link-used = Mã liên kết này đã được sử dụng. Đồng chí gửi /lienket trên kênh cũ để lấy mã mới.
link-expired = Mã liên kết đã hết hạn. Đồng chí gửi /lienket trên kênh cũ để lấy mã mới.
link-already_bound = Tài khoản này đã gắn với một người khác nên không liên kết được. Đồng chí liên hệ Vụ Thi đua – Khen thưởng.
channel-choose = Lời nhắc đang gửi tới: { $current }. Đồng chí chọn kênh nhận lời nhắc:
channel-last-used = kênh dùng gần nhất
channel-telegram = Telegram
channel-zalo = Zalo
channel-web = trang chat thử
channel-set = Đã lưu: lời nhắc sẽ gửi tới { $channel }.
flood-limited = Đồng chí gửi nhiều tin quá nhanh. Bot tạm dừng trả lời; đồng chí gửi lại sau { $seconds } giây.

# One step for what is missing, and numbers named back (issue: figures people can trust).
btn-save-partial = ✅ Lưu phần đã có
btn-one-by-one = Từng chỉ tiêu
btn-drop-number = Bỏ qua số này
confirm-missing = Còn thiếu: { $labels }.
confirm-missing-how = Đồng chí gửi tiếp các số còn thiếu trong một tin (thứ tự tùy ý), ví dụ: { $example } — hoặc chọn Lưu phần đã có, Từng chỉ tiêu để được hỏi lần lượt, Hủy để bỏ.
confirm-unused = Chưa dùng: { $raw } — thuộc chỉ tiêu nào? Đồng chí bấm chỉ tiêu, hoặc gửi lại kèm tên chỉ tiêu.
confirm-unused-none = Chưa dùng: { $raw } — không chỉ tiêu nào của báo cáo nhận được số này. Đồng chí gửi lại kèm tên chỉ tiêu, hoặc bấm Bỏ qua số này.
confirm-unused-more = Các số chưa dùng khác: { $numbers }.
refused-only = Chưa có số nào được nhận. Đồng chí gửi lại số đúng, ví dụ: { $example }
one-by-one-nothing = Không có số liệu nào đang chờ. Đồng chí gửi số liệu trước, ví dụ: { $example }
btn-none = Không có số liệu
confirm-none = Không có số liệu: { $labels }
