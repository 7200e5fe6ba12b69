#!/usr/bin/env python3
"""Batch benchmark: `pokin batch IN --out OUT --to json --jobs 2` against python-calamine reading
the same workbooks (and writing them as CSV), in one run.

Data (generated into --work, never committed):
  large  generate.py: agency workbooks of about 5,000 cells on 5 sheets (143 nodes each), the
         product brief's benchmark shape;
  seed   seed_variants.py: copies of the seed workbook (7 sheets, 436 cells, 27 nodes).
Each command runs --runs times; the table gives the median wall time, the median CPU time
(user + system), the largest peak RSS. pokin's report is checked: every input converted.
Memory flatness: pokin is also run on the first tenth of the inputs (a manifest), and the two
peak RSS figures are shown side by side. Results go to stdout and into RESULTS.md between the
markers of the data set's section.

usage: run.py [--data large|seed] [--count 1000] [--runs 1] [--pokin .build/release/pokin] [--work DIR]
Build pokin first: swift build -c release --static-swift-stdlib
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def measure(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{command} failed ({code}): {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", choices=["large", "seed"], default="large")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pokin", default=os.path.join(ROOT, ".build/release/pokin"))
    parser.add_argument("--work", default=os.path.join(HERE, "work"))
    args = parser.parse_args()

    data = os.path.join(args.work, f"{args.data}-{args.count}")
    if not os.path.exists(data):
        script = "generate.py" if args.data == "large" else "seed_variants.py"
        subprocess.run([sys.executable, os.path.join(HERE, script), data + ".partial", str(args.count)], check=True)
        os.rename(data + ".partial", data)
    inputs = sorted(os.path.join(r, n) for r, _, ns in os.walk(data) for n in ns if n.endswith(".xlsx"))
    tenth = os.path.join(args.work, f"{args.data}-{args.count}-tenth.txt")
    with open(tenth, "w") as handle:
        handle.write("\n".join(inputs[: max(1, len(inputs) // 10)]) + "\n")
    # Each run writes into a folder of its own, and all are removed only after the last
    # measurement: removing a run's 1,000 files just before writing 1,000 new ones made ext4 on
    # the development machine (no journal) search for inodes not freed in the last minute, about
    # 12 % more CPU in the kernel for whichever command came right after a removal. (Run the two
    # data sets a few minutes apart for the same reason.)
    outputs = os.path.join(args.work, f"runs-{os.getpid()}")
    run_number = [0]

    def fresh(name):
        run_number[0] += 1
        return os.path.join(outputs, f"{run_number[0]:02d}-{name}")

    out = None

    def pokin(extra, source):
        def command():
            nonlocal out
            out = fresh("pokin")
            return [args.pokin, "batch", source, "--out", out, "--to", "json", "--jobs", str(args.jobs), "--quiet"] + extra
        return command

    peer = os.path.join(HERE, "calamine_peer.py")
    commands = {
        "pokin batch --to json (layout recognised)": pokin([], data),
        "pokin batch --to json --mapping permenpan-lembar-kerja": pokin(["--mapping", "permenpan-lembar-kerja"], data),
        f"pokin batch, first tenth ({len(inputs) // 10} inputs, memory check)": pokin([], "@" + tenth),
        "python-calamine: read every cell": lambda: [sys.executable, peer, "read", data],
        "python-calamine: to CSV": lambda: [sys.executable, peer, "csv", data, fresh("csv")],
    }
    load_before = os.getloadavg()
    results = {}
    for name, command in commands.items():
        walls, cpus, peaks = [], [], []
        for _ in range(args.runs):
            wall, cpu, peak = measure(command())
            walls.append(wall)
            cpus.append(cpu)
            peaks.append(peak)
            if name.startswith("pokin batch --to json"):
                report = json.load(open(os.path.join(out, "pokin-batch-report.json")))
                summary = report["summary"]
                converted = summary["converted"] + summary["convertedWithWarnings"]
                if converted != len(inputs):
                    sys.exit(f"{name}: only {converted} of {len(inputs)} converted: {summary}")
        results[name] = (statistics.median(walls), statistics.median(cpus), max(peaks))
        print(f"{name}: {results[name]}", file=sys.stderr)
    load_after = os.getloadavg()

    reference, reference_cpu = results["python-calamine: read every cell"][:2]
    cells = subprocess.run([sys.executable, peer, "read", data], capture_output=True, text=True).stderr.strip()
    cells = cells.split(", ", 1)[-1]
    lines = [
        f"Data: `{args.data}`, {len(inputs):,} workbooks ({cells}), "
        f"{sum(os.path.getsize(p) for p in inputs) / 1e6:.1f} MB. pokin `--jobs {args.jobs}`, release build. "
        f"Runs per command: {args.runs} (median wall and CPU, max peak RSS).",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
        "",
        "| command | wall (s) | CPU (s) | peak RSS (MiB) | wall vs calamine read | CPU vs calamine read |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, (wall, cpu, peak) in results.items():
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak / 2**20:.0f} | {wall / reference:.2f} x | {cpu / reference_cpu:.1f} x |")
    table = "\n".join(lines)
    print(table)

    results_path = os.path.join(HERE, "RESULTS.md")
    start, end = f"<!-- results:{args.data}:start -->", f"<!-- results:{args.data}:end -->"
    text = open(results_path).read() if os.path.exists(results_path) else "# Batch benchmark\n"
    if start not in text:
        text += f"\n{start}\n{end}\n"
    text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
    with open(results_path, "w") as handle:
        handle.write(text)
    shutil.rmtree(outputs, ignore_errors=True)


if __name__ == "__main__":
    main()
