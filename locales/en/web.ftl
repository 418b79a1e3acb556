# The local web chat (src/channels/web): the page, and the errors of its API, which the page
# shows as they are. `{ $role }`, `{ $status }`, `{ $error }` and `{ $hint }` are filled in the
# browser; the manager's example is the dialog's own (`example-manager-*`, dialog.ftl).

web-title = Đôn Đốc — test chat
web-demo-banner = Demo mode — sample data
web-users-title = Choose a user
web-no-user = No user chosen
web-no-user-hint = Choose a sample user or Guest to start chatting.
web-log-label = Messages
web-input-label = Message to Đôn Đốc
web-input-placeholder = Type a message…
web-input-hint = e.g. { $hint }
web-send = Send
web-role-focal = Focal point
web-role-manager = Manager
web-speaker-me = Me
web-speaker-bot = Đôn Đốc
web-choices-label = Choices
web-error-status = Error { $status }
web-send-failed = Not sent: { $error }
web-note-guest = The guest is not connected to any unit: send an invite code to begin, or /trogiup.
web-note-focal = You are trying the role of { $role }. Send /hanchot to see the reports due, /trogiup to see how to send your unit's figures.
web-note-manager = You are trying the role of { $role }. Ask how reporting stands, e.g.: { example-manager-question } (or { example-manager-command })
web-users-load-failed = Could not load the sample users.
web-guest-label = Guest (not connected)
web-guest-meta = Not linked to any unit
web-guest-name = Guest

web-api-forbidden = This user is not on the test list.
web-api-too-large = The message is too long.
web-api-bad-request = The request is not valid.
web-api-bad-input = A message text or a pressed button is needed.
web-api-content-type = The request must be sent as JSON.
web-api-method = This method is not supported.
web-api-not-started = The test chat is not ready yet; please try again in a moment.
web-api-busy = You are sending too fast; please wait for Đôn Đốc to answer your last message.
web-api-failed = Sorry, Đôn Đốc has a problem and could not handle this message. Please try again in a few minutes.
web-api-users-failed = Could not load the list of test users; please try again in a few minutes.
web-api-file-gone = The file is no longer on the server (it was kept only for a while).
web-api-not-found = Not found.
web-open-dashboard = Open the dashboard
