# Texts the Zalo adapter adds itself: Zalo sends only text and photos, so files go as links.

zalo-file-link = 📎 Download { $name }: { $url }
    (the link works for { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} and is meant for you only)
zalo-file-unavailable = 📎 The file { $name } cannot be sent over Zalo. Please use Telegram or ask the administrator.
