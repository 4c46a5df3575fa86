#!/usr/bin/env python3
"""Writes a C file with many distinct functions, used only to measure compile speed (MiB/s).

Deterministic (fixed seed). Each function mixes loops, a switch, memory access and calls to
earlier functions, so the module resembles compiled application code rather than one pattern.
All functions stay alive through a function-pointer table read by the exported `run`.
"""
import random
import sys

COUNT = 3000
rnd = random.Random(2026)
out = ["#include <stdint.h>", "static uint32_t mem[4096];"]
ops = ["+", "-", "^", "*", "|", "&"]
for i in range(COUNT):
    body = [f"__attribute__((noinline)) static uint32_t f{i}(uint32_t x, uint32_t y) {{",
            f"  uint32_t a = x * {rnd.randrange(1, 1 << 31)}u, b = y ^ {rnd.randrange(1 << 32)}u;"]
    for k in range(rnd.randrange(2, 5)):
        op1, op2 = rnd.choice(ops), rnd.choice(ops)
        body.append(f"  for (uint32_t i = 0; i < (x & {rnd.randrange(3, 31)}u); i++) {{"
                    f" a = (a {op1} mem[(b + i) & 4095u]) {op2} {rnd.randrange(1 << 32)}u;"
                    f" b += a >> {rnd.randrange(1, 31)}; mem[(a ^ i) & 4095u] = b; }}")
        cases = " ".join(f"case {c}: a {rnd.choice(ops)}= {rnd.randrange(1 << 32)}u; b ^= a << {rnd.randrange(1, 31)}; break;"
                         for c in range(rnd.randrange(4, 9)))
        body.append(f"  switch ((a ^ b) & 7u) {{ {cases} default: a += b; }}")
        if i > 0:
            body.append(f"  if (a & {1 << rnd.randrange(0, 31)}u) b += f{rnd.randrange(max(0, i - 50), i)}(a, b);")
    body.append("  return a ^ (b << 1);\n}")
    out.append("\n".join(body))
table = ", ".join(f"f{i}" for i in range(COUNT))
out.append(f"static uint32_t (*table[{COUNT}])(uint32_t, uint32_t) = {{ {table} }};")
out.append("__attribute__((export_name(\"run\"))) uint32_t run(uint32_t i, uint32_t x) "
           f"{{ return table[i % {COUNT}u](x, i); }}")
with open(sys.argv[1], "w") as f:
    f.write("\n".join(out) + "\n")
