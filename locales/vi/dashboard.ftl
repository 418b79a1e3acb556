# The managers' web dashboard (src/dashboard): its pages, forms, notices and refusals.
# State names (status-state-*), ledger words (ledger-kind-*, ledger-status-*), channels
# (channel-*), periods and dates (format.ftl) come from the chat's messages.

## Every page

dash-service = Đôn Đốc
dash-dashboard = Bảng điều khiển
dash-skip = Bỏ qua, đến nội dung chính
dash-nav-label = Điều hướng chính
dash-nav-overview = Tổng quan
dash-lang-label = Ngôn ngữ
dash-signout = Đăng xuất
# Who is signed in: "Phạm vi: toàn ngành", "Phạm vi: 12 đơn vị".
dash-scope = Phạm vi: { $scope }
dash-scope-all = toàn ngành
dash-scope-units = { $count } đơn vị
dash-as-of = Số liệu tính đến { $at }.
# Read by screen readers in an empty cell (people see a dash).
dash-empty = không có
dash-go-home = Về bảng điều khiển

## The overview

dash-overview-title = Tình hình nộp { $report }
dash-duty = Báo cáo
dash-period = Kỳ báo cáo
dash-show = Xem
dash-filters = Bộ lọc
dash-filter-cluster = Cụm thi đua
dash-filter-state = Trạng thái
dash-filter-sector = Khối đơn vị
dash-filter-q = Tìm đơn vị
dash-filter-q-hint = Gõ tên hoặc mã đơn vị, có dấu hay không dấu đều được.
dash-filter-apply = Lọc
dash-filter-clear = Bỏ lọc
dash-all = Tất cả
dash-counts-title = Tình hình nộp
dash-all-units = Tất cả đơn vị
dash-completion = Đã nộp đủ { $done }/{ $total } đơn vị ({ $percent }).
dash-units-caption = Danh sách đơn vị ({ $count })
dash-units-hint = Bấm tên cột để sắp xếp. Trên điện thoại, vuốt ngang để xem hết các cột.
dash-group-count = ({ $count } đơn vị)
dash-no-units = Không có đơn vị nào khớp với bộ lọc.
dash-col-unit = Đơn vị
dash-col-state = Trạng thái
dash-col-submitted = Thời điểm nộp
dash-col-due = Hạn nộp
dash-col-focal = Đầu mối
dash-col-document = Văn bản
dash-locked-short = Đã khóa
dash-no-focal = Chưa có đầu mối
dash-document-sent = Đã gửi
dash-document-not-sent = Chưa gửi
dash-value-missing = Chưa có số liệu
dash-value-declared-none = Đơn vị báo không có số liệu
dash-target-met = Đạt chỉ tiêu ({ $target })
dash-target-exceeded = Vượt chỉ tiêu ({ $target })
dash-target-not-met = Chưa đạt chỉ tiêu ({ $target })
dash-target-none = Không có chỉ tiêu riêng
# Announced to screen readers when the table refreshes by itself after a figure is stored.
dash-updated = Số liệu vừa được cập nhật.
dash-actions-title = Tải về và khóa số liệu
dash-export = Tải bảng Excel
dash-lock-state-locked = Số liệu kỳ này đã khóa: đơn vị muốn sửa phải gửi đề nghị mở khóa.
dash-lock-state-open = Số liệu kỳ này chưa khóa: đơn vị vẫn sửa được.
dash-lock = Khóa số liệu
dash-unlock = Mở khóa
dash-chart-alt = Biểu đồ tình hình nộp { $report } theo cụm và kết quả so với chỉ tiêu; số liệu chi tiết có trong bảng và tệp Excel.
dash-chart-caption = Biểu đồ tình hình nộp theo cụm và kết quả so với chỉ tiêu.

## A unit's page

dash-back-overview = ← Về bảng tổng quan
dash-unit-type = Loại đơn vị
dash-unit-clusters = Cụm thi đua
dash-no-assignment = Đơn vị không phải nộp báo cáo này
dash-unit-lock = Tình trạng khóa
dash-unit-locked = Đã khóa số liệu
dash-unit-open = Chưa khóa
dash-open-until = (được mở để sửa đến { $until })
dash-document-sent-at = Đã gửi lúc { $at }
dash-document-ref = (số, ký hiệu: { $ref })
dash-nudge-title = Đôn đốc đơn vị
dash-nudge = Đôn đốc
dash-nudge-how = Gửi ngay lời nhắc tới các đầu mối của đơn vị. Mỗi đơn vị chỉ nhắc thủ công một lần mỗi ngày.
dash-nudge-unavailable = Lúc này chưa đôn đốc được: đơn vị không còn báo cáo chờ nộp, chưa có đầu mối nhận lời nhắc, hoặc hôm nay đã được nhắc.
dash-figures-title = Số liệu
dash-figures-caption = Số liệu hiện tại so với mức phải đạt
dash-figures-none = Báo cáo này không có chỉ tiêu nào.
dash-col-indicator = Chỉ tiêu
dash-col-value = Số liệu hiện tại
dash-col-target = Mức phải đạt
dash-col-revisions = Sửa đổi
dash-revision-count = { $count } lần sửa
dash-revisions-title = Lịch sử sửa đổi
dash-revisions-caption = Các lần sửa số liệu, mới nhất trước
dash-revisions-none = Số liệu chưa được sửa lần nào.
dash-col-when = Thời điểm
dash-col-person = Người sửa
dash-col-channel = Kênh
dash-col-change = Cũ → Mới
dash-col-reason = Lý do
dash-col-raw = Tin nhắn gốc
# Read by screen readers between the old and the new value (people see an arrow).
dash-changed-to = thành
dash-value-empty = (trống)
dash-ledger-title = Lịch sử nhắc
dash-ledger-caption = Lời nhắc, đôn đốc và bản tin về đơn vị, mới nhất trước
dash-ledger-none = Chưa có lời nhắc nào về đơn vị này.
dash-col-planned = Dự kiến gửi
dash-col-sent = Đã gửi lúc
dash-col-kind = Loại
dash-col-report = Báo cáo
dash-col-stage = Đợt nhắc
dash-col-recipient = Người nhận
dash-col-status = Tình trạng
# A reminder's stage, in days from the deadline.
dash-stage-before = { $days } ngày trước hạn
dash-stage-on-due = Ngày đến hạn
dash-stage-after = { $days } ngày sau hạn
dash-stage-due = Hạn nộp { $date }
dash-focal-title = Đầu mối
dash-focal-caption = Đầu mối hiện nay ({ $now }) và trước đây ({ $past })
dash-col-name = Họ tên
dash-col-since = Từ ngày
dash-col-until = Đến ngày
dash-col-focal-how = Kênh nhận nhắc hoặc lý do thôi
dash-focal-current = Hiện nay
dash-focal-end-handover = Đã bàn giao
dash-focal-end-other = Thôi làm đầu mối
dash-focal-unreachable = Không còn kênh nhận lời nhắc
dash-exceptions-title = Đề nghị mở khóa
dash-exceptions-none = Không có đề nghị mở khóa nào.
dash-exception-title = Đề nghị số { NUMBER($id, useGrouping: 0) }
dash-exception-by = Người đề nghị
dash-exception-decided-by = Người xử lý
dash-exception-pending = Đang chờ ý kiến
dash-exception-allowed = Đã đồng ý
dash-exception-allowed-until = Đã đồng ý, được sửa đến { $until }
dash-exception-refused = Đã từ chối
dash-exception-allow = Đồng ý
dash-exception-refuse = Từ chối

## Sign-in, refusals and confirmations (a title and a text each)

dash-signin-title = Đăng nhập bảng điều khiển
dash-signin-text = Đang đăng nhập… Nếu trang không tự chuyển, đồng chí bấm nút Đăng nhập.
dash-signin-button = Đăng nhập
dash-no-session-title = Cần đăng nhập
dash-no-session-text = Đồng chí chưa đăng nhập hoặc phiên làm việc đã hết hạn. Gửi /web cho bot để nhận đường dẫn đăng nhập mới.
dash-link-invalid-title = Đường dẫn không dùng được
dash-link-invalid-text = Đường dẫn đăng nhập đã hết hạn, đã được dùng hoặc không đúng. Gửi /web cho bot để nhận đường dẫn mới (dùng một lần, trong 10 phút).
dash-signed-out-title = Đã đăng xuất
dash-signed-out-text = Đồng chí đã đăng xuất khỏi bảng điều khiển. Khi cần, gửi /web cho bot để đăng nhập lại.
dash-csrf-title = Chưa thực hiện được
dash-csrf-text = Biểu mẫu đã cũ hoặc không hợp lệ nên chưa có gì thay đổi. Đồng chí tải lại trang rồi thử lại.
dash-forbidden-title = Không có quyền truy cập
dash-forbidden-text = Nội dung này không thuộc phạm vi quản lý của đồng chí.
dash-no-file-title = Không lập được tệp
dash-no-file-text = Không có báo cáo này trong phạm vi quản lý của đồng chí.
dash-overview-no_scope-title = Chưa có vai trò quản lý
dash-overview-no_scope-text = Bảng điều khiển dành cho lãnh đạo, quản lý. Tài khoản của đồng chí chưa có vai trò quản lý.
dash-overview-unknown_duty-title = Không tìm thấy báo cáo
dash-overview-unknown_duty-text = Không có báo cáo hoặc kỳ báo cáo này. Đồng chí chọn lại trên bảng điều khiển.
dash-overview-nothing_due-title = Chưa có báo cáo đến hạn
dash-overview-nothing_due-text = Không có báo cáo nào đến hạn gần đây trong phạm vi quản lý của đồng chí.
dash-overview-empty-title = Không có đơn vị phải nộp
dash-overview-empty-text = Không có đơn vị nào trong phạm vi quản lý của đồng chí phải nộp báo cáo này.

## Notices after an action

dash-notice-nudged = Đã gửi lời nhắc tới các đầu mối của đơn vị.
dash-notice-already_today = Hôm nay đã nhắc đơn vị này rồi; mỗi đơn vị chỉ nhắc thủ công một lần mỗi ngày.
dash-notice-nothing_open = Đơn vị không còn báo cáo nào chờ nộp nên không cần nhắc.
dash-notice-no_focal = Đơn vị chưa có đầu mối kết nối với bot nên chưa nhắc được. Đề nghị Vụ Thi đua – Khen thưởng cấp mã mời cho đơn vị.
dash-notice-locked = Đã khóa số liệu kỳ báo cáo này.
dash-notice-unlocked = Đã mở khóa: các đơn vị sửa được số liệu trở lại.
dash-notice-lock-failed = Chưa khóa hoặc mở khóa được: không có báo cáo hay kỳ báo cáo này.
dash-notice-allowed = Đã đồng ý đề nghị mở khóa; đầu mối đã được báo.
dash-notice-refused = Đã từ chối đề nghị mở khóa; đầu mối đã được báo.
dash-notice-decided = Đề nghị này đã được xử lý trước đó.

# Ledger stages that are not days from the deadline.
dash-stage-request = Đề nghị số { NUMBER($id, useGrouping: 0) }

# Errors on the dashboard's pages.
dash-error-429-title = Thao tác quá nhanh
dash-error-429-text = Đồng chí đã thử quá nhiều lần trong một phút. Xin đợi một phút rồi thử lại; nếu đường dẫn đăng nhập đã hết hạn, gửi /web trong cuộc trò chuyện với bot để lấy đường dẫn mới.
dash-error-404-title = Không tìm thấy trang
dash-error-404-text = Địa chỉ này không có trên bảng điều khiển. Đồng chí quay về bảng tổng quan.
dash-error-400-title = Yêu cầu không hợp lệ
dash-error-400-text = Yêu cầu không đúng mẫu nên chưa được thực hiện; không có gì thay đổi. Đồng chí tải lại trang và thử lại.
dash-error-500-title = Có lỗi xảy ra
dash-error-500-text = Máy chủ chưa xử lý được yêu cầu (có thể cơ sở dữ liệu đang bận); không có gì bị ghi dở. Xin thử lại sau ít phút.
dash-notice-nudge-failed = Chưa đôn đốc được đơn vị này; đồng chí thử lại từ trang của đơn vị.
dash-stream-ended = Phiên làm việc đã kết thúc: số liệu trên trang không còn tự cập nhật. Gửi /web để đăng nhập lại.
