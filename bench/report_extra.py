"""Sections of BENCHMARKS.md beyond the engine's: Chromium memory (PSS) against an empty MV3
extension (bench/out/footprint.json), the evidence locker at 10,000 records (bench/out/locker.json)
and, when bench/compare.mjs was run, the before/after table of a change (bench/out/compare.json).
Used by report.py."""
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
LIMIT = 40e6  # issue 13: at most 40 MB more than an empty MV3 extension


def load():
    read = lambda n: json.loads((OUT / n).read_text()) if (OUT / n).exists() else None
    return {"footprint": read("footprint.json"), "compare": read("compare.json"), "locker": read("locker.json")}


def _over(fp, when, what):
    v = fp["variants"]
    return v["rempart"][when][what] - v["empty_mv3"][when][what]


def targets(fp):
    """(target, measured, limit, met) rows for report.targets()."""
    if not fp:
        return []
    return [(f"Chromium PSS {label}, all processes: ≤ empty MV3 + 40 MB", _over(fp, when, "browser_total"), LIMIT,
             _over(fp, when, "browser_total") <= LIMIT)
            for when, label in (("after_load", "after load"), ("after_1000_tweets", "after 1,000 tweets"))]


def locker_md(lk):
    if not lk:
        return ""
    s, ix = lk["locker_suggestions"], lk["lookalike_index"]
    return (f"\n## Evidence locker (bench/locker.mjs, Node, best of 3)\n\n"
            f"A synthetic locker of {lk['records']:,} records from {lk['authors']:,} authors, some returning under a new handle.\n\n"
            "| step | ms | note |\n|---|---|---|\n"
            f"| derive (the model every locker view is drawn from) | {lk['derive_ms']} | |\n"
            f"| suggestions (all pairs, on each chain change) | {s['ms']} | {s['correct']}/{s['returning']} returning accounts found, {s['pairs']} pairs suggested |\n"
            f"| look-alike index build (background) | {ix['build_ms']} | |\n"
            f"| each new author on the timeline | {ix['per_newcomer_ms']} | {ix['labelled']} of {ix['newcomers']} newcomers labelled |\n")


def md(fp, compare):
    mb = lambda b: f"{b / 1e6:.1f} MB"
    out = []
    if fp:
        v = fp["variants"]
        out += ["\n## Memory (Chromium, PSS)\n\n",
                f"bench/footprint.mjs: proportional set size from /proc/PID/smaps_rollup, median of {fp['runs']} launches per variant, "
                "interleaved; the baseline is an empty MV3 extension (manifest + empty service worker) on the same fixture X page.\n\n"
                "| measure | Rempart | empty MV3 (baseline) | Rempart − baseline |\n|---|---|---|---|\n"]
        for when, label in (("after_load", "after load"), ("after_1000_tweets", f"after {fp['tweets']:,} tweets")):
            for what, name in (("extension_process", "extension process"), ("browser_total", "all browser processes")):
                out.append(f"| {name}, {label} | {mb(v['rempart'][when][what])} | {mb(v['empty_mv3'][when][what])} | {mb(_over(fp, when, what))} |\n")
    if compare:
        b, a = compare["figures"]["before"], compare["figures"]["after"]
        row = lambda name, x, y: f"| {name} | {x} | {y} | {y / x:.2f}× |\n"
        cold = lambda f: f"{f['cold_start_ms']} ({' + '.join(map(str, f['cold_start_steps_ms']))})"
        out += [f"\n## Before / after (bench/compare.mjs, {compare['rounds']} interleaved rounds)\n\n"
                f"Before = {compare['commit']['before']}, after = {compare['commit']['after']}, both built and measured in one run"
                f"{' on ' + compare['date'] if compare.get('date') else ''}.\n\n"
                "| measure | before | after | after / before |\n|---|---|---|---|\n",
                f"| cold start, ms (Node, bytes → first verdict: compile + new Engine + first verdict) | {cold(b)} | {cold(a)} | "
                f"{a['cold_start_ms'] / b['cold_start_ms']:.2f}× |\n",
                row("Chromium 50 tweets → verdicts p50, ms", b["batch50_p50_ms"], a["batch50_p50_ms"]),
                row("Chromium 50 tweets → verdicts p95, ms", b["batch50_p95_ms"], a["batch50_p95_ms"])]
        for key, label in (("pss_over_empty_mv3_after_load_bytes", "after load"), ("pss_over_empty_mv3_after_1000_bytes", "after 1,000 tweets")):
            for what, name in (("extension_process", "extension process"), ("browser_total", "all processes")):
                x, y = b[key][what], a[key][what]
                out.append(f"| PSS over empty MV3, {name}, {label} | {mb(x)} | {mb(y)} | {y / x:.2f}× |\n")
    return "".join(out)
