print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"))
print(repr("\x00\x7f"), repr("é"), repr("\u200b"), ascii("é日"))
# expect: 'plain' "it's" 'say "hi"' 'both \' and "' 'tab\tnew\nline\\'
# expect: '\x00\x7f' 'é' '\u200b' '\xe9\u65e5'
