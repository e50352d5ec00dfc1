#!/usr/bin/env python3
# The longest functions in a Rust source tree, by counting braces from each `fn` line.
# Usage: python3 bench/longest_functions.py [src] [N]   (issue: no function over ~120 lines)
import re,sys,os
res=[]
for root,_,files in os.walk(sys.argv[1]):
    for f in files:
        if not f.endswith('.rs'): continue
        p=os.path.join(root,f); lines=open(p).read().split('\n')
        i=0
        while i<len(lines):
            m=re.match(r'\s*(pub(\([a-z]+\))? )?fn (\w+)',lines[i])
            if m and not lines[i].strip().endswith(';'):
                depth=0; started=False; j=i
                while j<len(lines):
                    depth+=lines[j].count('{')-lines[j].count('}')
                    if '{' in lines[j]: started=True
                    if started and depth<=0: break
                    j+=1
                res.append((j-i+1,p.replace(sys.argv[1]+'/',''),m.group(3)))
            i+=1
res.sort(reverse=True)
for r in res[:int(sys.argv[2]) if len(sys.argv) > 2 else 10]: print(*r)
