# 21 nested loops: CPython's "too many statically nested blocks"
for a in [1]:
 for b in [1]:
  for c in [1]:
   for d in [1]:
    for e in [1]:
     for f in [1]:
      for g in [1]:
       for h in [1]:
        for i in [1]:
         for j in [1]:
          for k in [1]:
           for l in [1]:
            for m in [1]:
             for n in [1]:
              for o in [1]:
               for p in [1]:
                for q in [1]:
                 for r in [1]:
                  for s in [1]:
                   for t in [1]:
                    for u in [1]:
                     print('ran')
# expect error: SyntaxError
# expect error line: 22
