#!/usr/bin/env python3
"""CSV reading benchmark: pokin against Python's csv module and pandas, in one run.

Every case reads every field of the same 31 MB CSV (200,000 x 10 performance-tree table,
1.97 M non-empty cells, made by generate.py) and counts the non-empty cells; the runs of all
tools alternate, and each case reports the median wall time of --runs runs and its peak
resident memory (from wait4). A second file four times as large checks that pokin's memory
does not grow with the file.

  pokin-read     pokin dump --count-only FILE      (reads every field into rows; prints counts)
  pokin-dump-csv pokin dump --format csv FILE      (reads and writes every field; to /dev/null)
  python-csv     csv.reader, counting non-empty fields
  python-csv-rw  csv.reader -> csv.writer to /dev/null (the same work as pokin-dump-csv)
  pandas         pandas.read_csv(dtype=str, keep_default_na=False), counting non-empty cells

usage: run.py [--pokin PATH] [--runs N] [--data DIR] [--results RESULTS.md]
Build pokin first: swift build -c release --static-swift-stdlib --product pokin (then PATH is .build/release/pokin).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

PY_READ = r"""
import csv, sys
cells = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        cells += len(row) - row.count("")
print("cells", cells)
"""

PY_READ_WRITE = r"""
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(os.devnull, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    for row in csv.reader(f):
        writer.writerow(row)
""".replace("import csv, sys", "import csv, os, sys")

PY_XLSX_TO_CSV = r"""
import csv, os, sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).iter_rows()
with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(row)
"""

PANDAS_READ = r"""
import sys
import pandas
frame = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False, header=None)
print("cells", int((frame != "").to_numpy().sum()))
"""


def timed(command, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, peak RSS in KiB, exit status, stdout text, CPU seconds)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE if stdout is None else stdout,
                               stderr=subprocess.PIPE)
    output = b""
    if stdout is None:
        output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode, output.decode(errors="replace"), usage.ru_utime + usage.ru_stime


def has_pandas():
    return subprocess.run([sys.executable, "-c", "import pandas"], capture_output=True).returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pokin", default=os.path.join(HERE, "..", "..", ".build", "release", "pokin"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "pokin-csv-bench"))
    parser.add_argument("--results", default=None, help="append a result table to this Markdown file")
    args = parser.parse_args()

    os.makedirs(args.data, exist_ok=True)
    data = os.path.join(args.data, "bench.csv")
    big = os.path.join(args.data, "bench-4x.csv")
    for path, rows in ((data, 200_000), (big, 800_000)):
        if not os.path.exists(path):
            print(f"generating {path} ({rows} rows)", file=sys.stderr)
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), path, str(rows)], check=True)

    pokin = os.path.abspath(args.pokin)
    cases = {}
    if os.access(pokin, os.X_OK):
        # The reading-only mode is a hidden flag of `pokin dump`; fall back to CSV output.
        probe = timed([pokin, "dump", "--count-only", data], stdout=None)
        if probe[2] == 0:
            cases["pokin-read"] = lambda path: [pokin, "dump", "--count-only", path]
            print("pokin dump --count-only:", probe[3].strip(), file=sys.stderr)
        else:
            print("pokin dump --count-only is not available: skipping pokin-read", file=sys.stderr)
        probe = timed([pokin, "dump", "--format", "csv", data])
        if probe[2] == 0:
            cases["pokin-dump-csv"] = lambda path: [pokin, "dump", "--format", "csv", path]
        else:
            print("pokin dump --format csv does not read CSV yet: skipping pokin-dump-csv", file=sys.stderr)
    else:
        print(f"no pokin binary at {pokin}: build it with swift build -c release --static-swift-stdlib --product pokin", file=sys.stderr)
    cases["python-csv"] = lambda path: [sys.executable, "-c", PY_READ, path]
    cases["python-csv-rw"] = lambda path: [sys.executable, "-c", PY_READ_WRITE, path]
    if has_pandas():
        cases["pandas"] = lambda path: [sys.executable, "-c", PANDAS_READ, path]
    else:
        print("pandas is not installed: skipping it (pip install pandas)", file=sys.stderr)

    # Writing: the benchmark workbook (the same cells, written by pokin from the CSV) to CSV,
    # by `pokin convert --raw` and by python-calamine feeding Python's csv.writer.
    workbook = os.path.join(args.data, "bench.xlsx")
    out_csv = os.path.join(args.data, "out.csv")
    write_cases = {}
    if "pokin-read" in cases:
        if not os.path.exists(workbook):
            subprocess.run([pokin, "convert", "--raw", data, workbook], check=True)
        write_cases["pokin-convert-raw-xlsx-to-csv"] = [pokin, "convert", "--raw", workbook, out_csv]
        if subprocess.run([sys.executable, "-c", "import python_calamine"], capture_output=True).returncode == 0:
            write_cases["python-calamine-to-csv"] = [sys.executable, "-c", PY_XLSX_TO_CSV, workbook, out_csv]

    samples = {name: [] for name in cases}
    cpu = {name: [] for name in cases}
    memory = {name: 0 for name in cases}
    for run in range(args.runs):
        for name, command in cases.items():  # alternate tools so load changes hit all alike
            elapsed, rss, status, _, seconds = timed(command(data))
            if status != 0:
                sys.exit(f"{name} failed with status {status}")
            samples[name].append(elapsed)
            cpu[name].append(seconds)
            memory[name] = max(memory[name], rss)
    write_samples = {name: [] for name in write_cases}
    write_cpu = {name: [] for name in write_cases}
    for run in range(args.runs):
        for name, command in write_cases.items():
            if os.path.exists(out_csv):
                os.remove(out_csv)
            elapsed, rss, status, _, seconds = timed(command)
            if status != 0:
                sys.exit(f"{name} failed with status {status}")
            write_samples[name].append(elapsed)
            write_cpu[name].append(seconds)
    big_memory = {}
    for name in ("pokin-read", "pokin-dump-csv", "python-csv"):
        if name in cases:
            big_memory[name] = timed(cases[name](big))[1]

    medians = {name: statistics.median(values) for name, values in samples.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    size = os.path.getsize(data) / 1e6
    lines = ["| case | median wall (s) | wall of each run (s) | median CPU (s) | peak RSS (MiB), 31 MB file | "
             "peak RSS (MiB), 4x file | python-csv / case, wall | python-csv / case, CPU |",
             "|---|---|---|---|---|---|---|---|"]
    for name in cases:
        ratio = medians["python-csv"] / medians[name]
        cpu_ratio = cpu_medians["python-csv"] / cpu_medians[name]
        big_rss = f"{big_memory[name] / 1024:.1f}" if name in big_memory else "-"
        lines.append(f"| {name} | {medians[name]:.3f} | {' '.join(f'{v:.3f}' for v in samples[name])} | "
                     f"{cpu_medians[name]:.3f} | {memory[name] / 1024:.1f} | {big_rss} | {ratio:.2f} x | {cpu_ratio:.2f} x |")
    if "pokin-dump-csv" in medians:
        lines.append(f"\npython-csv-rw / pokin-dump-csv (read and write): "
                     f"{medians['python-csv-rw'] / medians['pokin-dump-csv']:.2f} x wall, "
                     f"{cpu_medians['python-csv-rw'] / cpu_medians['pokin-dump-csv']:.2f} x CPU")
    if "pokin-dump-csv" in medians:
        pokin_write = medians["pokin-dump-csv"] - medians["pokin-read"]
        python_write = medians["python-csv-rw"] - medians["python-csv"]
        lines.append(f"writing alone (read-and-write minus read): pokin {pokin_write:.3f} s, "
                     f"Python's csv {python_write:.3f} s: {python_write / pokin_write:.2f} x")
    if write_cases:
        lines.append("\n| workbook -> CSV | median wall (s) | median CPU (s) |\n|---|---|---|")
        for name in write_cases:
            lines.append(f"| {name} | {statistics.median(write_samples[name]):.3f} | "
                         f"{statistics.median(write_cpu[name]):.3f} |")
        if len(write_cases) == 2:
            names = list(write_cases)
            lines.append(f"\n{names[1]} / {names[0]}: "
                         f"{statistics.median(write_samples[names[1]]) / statistics.median(write_samples[names[0]]):.2f} x wall, "
                         f"{statistics.median(write_cpu[names[1]]) / statistics.median(write_cpu[names[0]]):.2f} x CPU")
    table = "\n".join(lines)
    header = (f"File {size:.1f} MB, {args.runs} runs per case, machine: {os.cpu_count()} cores, "
              f"load average at the end: {os.getloadavg()[0]:.2f}")
    print(header)
    print(table)
    if args.results:
        with open(args.results, "a", encoding="utf-8") as handle:
            handle.write(f"\n### Run of {time.strftime('%Y-%m-%d %H:%M')}\n\n{header}\n\n{table}\n")


if __name__ == "__main__":
    main()
