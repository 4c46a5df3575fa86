#!/usr/bin/env python3
"""Writes abi-oracle.txt: random component value types with the size, alignment and flattening the
executable reference (CanonicalABI.md's canonical-abi-definitions.py, under ../shared/spec beside the
repository) computes for 32- and 64-bit memories. AbiOracleTests checks CanonicalAbi against it.

Usage (from the repository root): python3 tests/Wit.Tests/Abi/Oracle/make_oracle.py
Each line: <type>\t<size32>\t<align32>\t<flat32>\t<size64>\t<align64>\t<flat64>
Type syntax (s-expressions): bool u8 … f64 char string error-context, (list T), (list T N), (record T…),
(tuple T…), (variant T|_ …), (enum N), (flags N), (option T), (result T|_ T|_), (own), (borrow),
(future T|_), (stream T|_), (map K V).
"""
import importlib.util
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DEFS = os.path.join(ROOT, "..", "shared", "spec", "component-model", "canonical-abi-definitions.py")

spec = importlib.util.spec_from_file_location("cabi", DEFS)
d = importlib.util.module_from_spec(spec)
sys.modules["cabi"] = d
spec.loader.exec_module(d)

PRIMS = {
    "bool": d.BoolType, "u8": d.U8Type, "s8": d.S8Type, "u16": d.U16Type, "s16": d.S16Type,
    "u32": d.U32Type, "s32": d.S32Type, "u64": d.U64Type, "s64": d.S64Type, "f32": d.F32Type,
    "f64": d.F64Type, "char": d.CharType, "string": d.StringType, "error-context": d.ErrorContextType,
}


class Memory:
    def __init__(self, ptr):
        self.ptr = ptr

    def ptr_type(self):
        return self.ptr


class Opts:
    def __init__(self, ptr, async_=False, callback=False):
        self.memory = Memory(ptr)
        self.async_ = async_
        self.callback = callback


def gen(rng, depth):
    """Returns (text, reference type)."""
    if depth <= 0 or rng.random() < 0.35:
        name = rng.choice(list(PRIMS))
        return name, PRIMS[name]()
    kind = rng.choice(["list", "flist", "record", "tuple", "variant", "enum", "flags", "option",
                       "result", "own", "borrow", "future", "stream", "map"])
    if kind == "list":
        t, r = gen(rng, depth - 1)
        return f"(list {t})", d.ListType(r)
    if kind == "flist":
        t, r = gen(rng, depth - 1)
        n = rng.randint(1, 4)
        return f"(list {t} {n})", d.ListType(r, n)
    if kind in ("record", "tuple"):
        parts = [gen(rng, depth - 1) for _ in range(rng.randint(1, 4))]
        text = f"({kind} " + " ".join(p[0] for p in parts) + ")"
        if kind == "record":
            return text, d.RecordType([d.FieldType(f"f{i}", p[1]) for i, p in enumerate(parts)])
        return text, d.TupleType([p[1] for p in parts])
    if kind == "variant":
        cases = [gen(rng, depth - 1) if rng.random() < 0.7 else None for _ in range(rng.randint(1, 4))]
        text = "(variant " + " ".join("_" if c is None else c[0] for c in cases) + ")"
        return text, d.VariantType([d.CaseType(f"c{i}", None if c is None else c[1]) for i, c in enumerate(cases)])
    if kind == "enum":
        n = rng.choice([1, 2, 3, 255, 256, 257, 300])
        return f"(enum {n})", d.EnumType([f"e{i}" for i in range(n)])
    if kind == "flags":
        n = rng.randint(1, 32)
        return f"(flags {n})", d.FlagsType([f"f{i}" for i in range(n)])
    if kind == "option":
        t, r = gen(rng, depth - 1)
        return f"(option {t})", d.OptionType(r)
    if kind == "result":
        ok = gen(rng, depth - 1) if rng.random() < 0.6 else None
        err = gen(rng, depth - 1) if rng.random() < 0.6 else None
        text = "(result " + ("_" if ok is None else ok[0]) + " " + ("_" if err is None else err[0]) + ")"
        return text, d.ResultType(None if ok is None else ok[1], None if err is None else err[1])
    if kind in ("own", "borrow"):
        rt = d.ResourceType(None, None)
        return f"({kind})", d.OwnType(rt) if kind == "own" else d.BorrowType(rt)
    if kind in ("future", "stream"):
        t = gen(rng, depth - 1) if rng.random() < 0.7 else None
        text = f"({kind} " + ("_" if t is None else t[0]) + ")"
        cls = d.FutureType if kind == "future" else d.StreamType
        return text, cls(None if t is None else t[1])
    k, kr = gen(rng, depth - 1)
    v, vr = gen(rng, depth - 1)
    return f"(map {k} {v})", d.MapType(kr, vr)


def main():
    rng = random.Random(20261129)
    lines = []
    for _ in range(600):
        text, t = gen(rng, rng.randint(1, 4))
        row = [text]
        for ptr in ("i32", "i64"):
            row.append(str(d.elem_size(t, ptr)))
            row.append(str(d.alignment(t, ptr)))
            row.append(" ".join(d.flatten_type(t, Opts(ptr))) or "-")
        lines.append("\t".join(row))
    with open(os.path.join(HERE, "abi-oracle.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    # Signatures: <param types joined by " | " or "-">\t<result or _> then, for sync, async and
    # async+callback, the lift and lower core signatures as "params -> results".
    sigs = []
    for _ in range(300):
        params = [gen(rng, rng.randint(0, 2)) for _ in range(rng.choice([0, 1, 2, 3, 4, 5, 8, 15, 16, 17]))]
        result = gen(rng, rng.randint(0, 2)) if rng.random() < 0.7 else None
        ft = d.FuncType([(f"p{i}", p[1]) for i, p in enumerate(params)], [] if result is None else [result[1]])
        row = [" | ".join(p[0] for p in params) or "-", "_" if result is None else result[0]]
        for async_, callback in ((False, False), (True, False), (True, True)):
            for context in ("lift", "lower"):
                core = d.flatten_functype(Opts("i32", async_, callback), ft, context)
                row.append(" ".join(core.params) + " -> " + " ".join(core.results))
        sigs.append("\t".join(row))
    with open(os.path.join(HERE, "abi-signatures.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(sigs) + "\n")


if __name__ == "__main__":
    main()
