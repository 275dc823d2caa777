lines = ["To be, or not to be, that is the question:",
         "Whether 'tis nobler in the mind to suffer",
         "The slings and arrows of outrageous fortune,"]
letters = {}
for line in lines:
    for ch in line.lower():
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(top, sum(letters.values()), max(lines, key=len).split()[0])
print(" | ".join(l[:10].upper() for l in lines))
# expect: [('t', 14), ('e', 12), ('o', 12), ('n', 8)] 100 The
# expect: TO BE, OR  | WHETHER 'T | THE SLINGS
