# Words of the formatters in src/messages/format.ts: periods, report titles, dates and times.

period-year = { $year }
period-half1 = first half of { $year }
period-half2 = second half of { $year }
# A report: the duty's name and its period ("Annual emulation and commendation report (2027)").
report-title = { $duty } ({ $period })
# An instant: "09:00 on 08/07/2027".
date-time = { $time } on { $date }
