#!/usr/bin/env python3
# The module graph of the crate from its `crate::…` paths, and any cycles in it.
# Usage: python3 bench/module_graph.py [src]   (issue: no import cycle between modules)
# A module is a top-level file or folder of src/ (search/, print/ count as one each).
import os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "src"
edges = {}
for root, _, files in os.walk(src):
    for f in files:
        if not f.endswith(".rs") or f in ("main.rs",):
            continue
        rel = os.path.relpath(os.path.join(root, f), src)
        mod = rel.split(os.sep)[0].removesuffix(".rs")
        if mod == "lib":
            continue
        text = open(os.path.join(root, f)).read()
        # Only code: drop the test module at the end of a file.
        text = text.split("#[cfg(test)]")[0]
        uses = set(re.findall(r"crate::([a-z_]+)", text))
        # `use crate::{a, b::c}` groups
        for group in re.findall(r"use crate::\{([^}]*)\}", text, re.S):
            uses |= set(re.findall(r"(?:^|,)\s*([a-z_]+)", group))
        edges.setdefault(mod, set()).update(u for u in uses if u != mod)
mods = sorted(edges)
for m in mods:
    print(f"{m}: {', '.join(sorted(edges[m])) or '-'}")
# Cycles: strongly connected components with more than one module.
index, low, stack, on, sccs, i = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in edges:
            continue
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for m in mods:
    if m not in index: visit(m)
print("cycles:", "; ".join(" <-> ".join(c) for c in sccs) if sccs else "none")
sys.exit(1 if sccs else 0)
