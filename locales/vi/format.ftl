# Words of the formatters in src/messages/format.ts: periods, report titles, dates and times.

period-year = năm { $year }
period-half1 = 6 tháng đầu năm { $year }
period-half2 = 6 tháng cuối năm { $year }
# A report: the duty's name and its period ("Kế hoạch thi đua … năm 2027"). A name already ending
# with the period's words ("… 6 tháng đầu năm") takes only the year, without this message.
report-title = { $duty } { $period }
# An instant: "09:00 ngày 08/07/2027" (a message writes "lúc" before it where it reads so).
date-time = { $time } ngày { $date }
