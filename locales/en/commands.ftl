# The command menu Telegram shows beside the text box (src/channels/telegram/telegram-commands.ts).

telegram-command-start = Start, enter an invite code
telegram-command-hanchot = What is due
telegram-command-sua = Correct a submitted figure
telegram-command-huy = Cancel the current step
telegram-command-trogiup = Help
telegram-command-ngonngu = Language / Ngôn ngữ
telegram-command-giotinh = Quiet hours for reminders
telegram-command-tinhhinh = Reporting status (managers)
