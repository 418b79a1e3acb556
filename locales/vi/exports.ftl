# Status exports: the Excel workbook (/xuat, status --format xlsx) and the PNG chart (/bieudo).

export-file-workbook = tinh-hinh-{ $duty }-{ $period }.xlsx
export-file-chart = bieu-do-{ $duty }-{ $period }.png
export-file-chart-indicator = bieu-do-{ $duty }-{ $period }-{ $indicator }.png
export-creator = Đôn Đốc

## Both files

export-title = Tình hình nộp { $report } (lập lúc { $at })
export-header-unit = Đơn vị
export-header-code = Mã
export-header-cluster = Cụm / nhóm
export-state-on_time = Đúng hạn
export-state-late = Nộp muộn
export-state-partial = Nộp một phần
export-state-missing = Chưa nộp
export-state-pending = Chưa đến hạn
export-no-cluster = Không thuộc cụm
export-target = Chỉ tiêu
export-target-met = Đạt chỉ tiêu
export-mean = bình quân
export-sum = tổng
export-met-of = { NUMBER($met, useGrouping: 0) }/{ NUMBER($evaluated, useGrouping: 0) } đơn vị
export-money-unit = đồng
export-yes = có
export-no = không

## The workbook

export-sheet-status = Tình hình
export-sheet-figures = Số liệu
export-header-state = Trạng thái
export-header-submitted-at = Thời điểm nộp
export-header-sender = Người gửi
export-header-document = Văn bản
export-document-sent = Đã gửi
export-document-not-sent = Chưa
export-header-missing-indicators = Chỉ tiêu còn thiếu
export-missing-all = Tất cả { NUMBER($count, useGrouping: 0) } chỉ tiêu
export-totals-title = Tổng hợp
export-totals-count = Số đơn vị
export-totals-share = Tỷ lệ
export-total-units = Tổng số đơn vị
export-submitted = Đã nộp
export-aggregate-how = Cách tổng hợp
export-aggregate-value = Giá trị tổng hợp
export-sum-target-met = tổng đạt
export-sum-target-not-met = tổng chưa đạt

## The chart

export-chart-subtitle = { $report }
export-reached = đạt
export-not-reached = chưa đạt
export-all = Toàn bộ
export-no-unit-target = Không có chỉ tiêu riêng
export-met = Đạt chỉ tiêu
export-not-met = Chưa đạt
export-completion-title = Tình hình nộp báo cáo theo cụm
export-submitted-of = đã nộp { NUMBER($done, useGrouping: 0) }/{ NUMBER($total, useGrouping: 0) } đơn vị ({ $percent })
export-axis-share = Tỷ lệ đơn vị trong cụm
export-axis-billions = {" "}tỷ
export-axis-millions = {" "}triệu
export-not-reported = { NUMBER($count, useGrouping: 0) } đơn vị chưa có số liệu
export-shown-worst = { NUMBER($shown, useGrouping: 0) }/{ NUMBER($total, useGrouping: 0) } đơn vị thấp nhất
export-target-label = Chỉ tiêu { $target }
export-target-marks = Chỉ tiêu (vạch đen)
