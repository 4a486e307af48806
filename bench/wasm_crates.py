"""Code bytes per crate of a wasm module, from its name section (benchmark aid, not a test).

Usage: python3 bench/wasm_crates.py target/wasm32-unknown-unknown/wasm/rempart.wasm [BEFORE.wasm]
Reads the module before wasm-bindgen strips the names; a function's crate is the first path
segment of its (legacy-mangled or plain) name; generic code is counted in the crate it was
written in, whoever instantiated it.
"""
import re
import sys
from collections import Counter


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def crate_of(name):
    m = re.match(r"_ZN(\d+)", name)
    if m:
        n = int(m.group(1))
        seg = name[m.end():m.end() + n]
        # `<T as Trait>` impls: `_$LT$crate..Type$u20$as$u20$...`
        inner = re.match(r"_?\$LT\$(\w+?)\.\.", seg)
        return inner.group(1) if inner else seg
    if name.startswith("_R"):
        return "(v0 mangled)"
    return name.split("::")[0] if "::" in name else "(other)"


def per_crate(path):
    b = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    for sid, data in sections(b):
        if sid == 2:
            count, i = leb(data, 0)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(data, i)
                    i += n
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = leb(data, i)
                    imports += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 2:
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            count, i = leb(data, 0)
            for _ in range(count):
                size, j = leb(data, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 0:
            n, i = leb(data, 0)
            if data[i:i + n] != b"name":
                continue
            i += n
            while i < len(data):
                sub = data[i]
                size, j = leb(data, i + 1)
                if sub == 1:
                    count, k = leb(data, j)
                    for _ in range(count):
                        idx, k = leb(data, k)
                        ln, k = leb(data, k)
                        names[idx] = data[k:k + ln].decode("utf-8", "replace")
                        k += ln
                i = j + size
    if not names:
        sys.exit(f"{path}: no name section (use the module before wasm-bindgen)")
    out = Counter()
    for n, size in enumerate(bodies):
        out[crate_of(names.get(imports + n, "(unnamed)"))] += size
    return out


def main():
    runs = [per_crate(p) for p in sys.argv[1:]]
    crates = sorted(set().union(*runs), key=lambda c: -max(r[c] for r in runs))
    print("crate".ljust(24) + "".join(p.split("/")[-1][:14].rjust(16) for p in sys.argv[1:]))
    for c in crates[:25]:
        print(c[:24].ljust(24) + "".join(f"{r[c] / 1e6:16.3f}" for r in runs))
    print("all code".ljust(24) + "".join(f"{sum(r.values()) / 1e6:16.3f}" for r in runs))


if __name__ == "__main__":
    main()
