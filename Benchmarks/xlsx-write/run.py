#!/usr/bin/env python3
"""XLSX write benchmark: `pokin convert --raw data.csv out.xlsx` against XlsxWriter (default and
constant_memory) and openpyxl write-only writing the same cells, in one run.

The data is ../csv/generate.py's 200,000 x 10 performance-tree table (the CSV benchmark's).
The writers run in --runs interleaved rounds; the table gives the median wall time, the median CPU time
(user + system), the largest peak RSS, and the output size. The cells written are then
checked equal across writers with python-calamine. Results go to stdout and into RESULTS.md
between the markers.

usage: run.py [--pokin .build/release/pokin] [--rows 200000] [--runs 3] [--work DIR]
Build pokin first: swift build -c release --static-swift-stdlib
"""
import argparse
import os
import platform
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
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{command} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def cells(path):
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    return [[value for value in row] for row in rows]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pokin", default=os.path.join(ROOT, ".build/release/pokin"))
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(HERE, "work"))
    parser.add_argument("--no-check", action="store_true", help="skip the cell-equality check")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    data = os.path.join(args.work, f"data-{args.rows}.csv")
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/csv/generate.py"), data, str(args.rows)], check=True)

    writers = {
        "pokin convert --raw": lambda out: [args.pokin, "convert", "--raw", data, out],
        "xlsxwriter": lambda out: [sys.executable, os.path.join(HERE, "python_writers.py"), "xlsxwriter", data, out],
        "xlsxwriter constant_memory": lambda out: [sys.executable, os.path.join(HERE, "python_writers.py"),
                                                   "xlsxwriter-constant-memory", data, out],
        "openpyxl write_only": lambda out: [sys.executable, os.path.join(HERE, "python_writers.py"),
                                            "openpyxl-write-only", data, out],
    }
    load_before = os.getloadavg()
    # Rounds interleave the writers so that each sees the same machine load.
    samples = {name: ([], [], []) for name in writers}
    outputs = {name: os.path.join(args.work, name.replace(" ", "-") + ".xlsx") for name in writers}
    for _ in range(args.runs):
        for name, command in writers.items():
            wall, cpu, peak = measure(command(outputs[name]))
            for series, value in zip(samples[name], (wall, cpu, peak)):
                series.append(value)
    results = {}
    for name in writers:
        walls, cpus, peaks = samples[name]
        results[name] = (statistics.median(walls), statistics.median(cpus), max(peaks),
                         os.path.getsize(outputs[name]), outputs[name])
        print(f"{name}: {results[name][:4]}", file=sys.stderr)
    load_after = os.getloadavg()

    check = "not checked"
    if not args.no_check:
        reference = cells(results["pokin convert --raw"][4])
        same = [name for name in writers if cells(results[name][4]) == reference]
        count = sum(1 for row in reference for value in row if value != "")
        check = f"{count:,} non-empty cells; identical in: " + ", ".join(same)

    pokin = results["pokin convert --raw"]
    lines = [
        f"Data: {args.rows:,} rows x 10 columns (+ header), `Benchmarks/csv/generate.py`, "
        f"{os.path.getsize(data) / 1e6:.1f} MB CSV. Runs per writer: {args.runs} (median wall and CPU, max peak RSS).",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
        f"Cells checked with python-calamine: {check}.",
        "",
        "| writer | wall (s) | CPU (s) | peak RSS (MiB) | file (MB) | pokin faster (wall) | pokin faster (CPU) | file size / pokin's |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (wall, cpu, peak, size, _) in results.items():
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {peak / 2**20:.0f} | {size / 1e6:.2f} | "
                     f"{wall / pokin[0]:.1f} x | {cpu / pokin[1]:.1f} x | {size / pokin[3]:.2f} |")
    table = "\n".join(lines)
    print(table)

    results_path = os.path.join(HERE, "RESULTS.md")
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    text = open(results_path).read() if os.path.exists(results_path) else f"# XLSX write benchmark\n\n{start}\n{end}\n"
    if start in text and end in text:
        text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
        with open(results_path, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
