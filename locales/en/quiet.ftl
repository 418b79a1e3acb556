# Quiet hours (/giotinh, /quiet): a daily period in which reminders are held, then sent when it
# ends — a delay, never a drop. $range is like "12:00–13:30"; $end like "13:30"; $text is what
# the person typed; $total, $office are hours and $window the office hours ("08:00–17:00").

quiet-none = You have no quiet hours (a daily period without reminders): reminders are sent as soon as they are due.
quiet-current = Your quiet hours: { $range } every day. Reminders due in that period are held and sent when it ends, within working hours.
quiet-how =
    To set quiet hours: /giotinh 12:00-13:30 (overnight: /giotinh 22:00-6:00)
    To remove them: /giotinh off
    Quiet hours only delay reminders, never drop them; they last at most { $total ->
        [one] { $total } hour
       *[other] { $total } hours
    } a day, of which at most { $office ->
        [one] { $office } hour
       *[other] { $office } hours
    } within office hours ({ $window }).
quiet-set = Saved: quiet hours { $range } every day. Reminders due in that period will be sent from { $end } (within working hours).
quiet-cleared = Quiet hours removed: reminders are sent as soon as they are due.
quiet-format = I could not read "{ $text }" as a time range. Please send a start and an end time (different, 24-hour clock), e.g. /giotinh 12:00-13:30 or /giotinh 22:00-6:00. To remove quiet hours: /giotinh off
quiet-too-long = The quiet period "{ $text }" is too long. Quiet hours last at most { $total ->
        [one] { $total } hour
       *[other] { $total } hours
    } a day, of which at most { $office ->
        [one] { $office } hour
       *[other] { $office } hours
    } within office hours ({ $window }), so that deadline reminders still arrive in time. E.g. /giotinh 12:00-13:30 or /giotinh 22:00-6:00.
