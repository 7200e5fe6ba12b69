#!/usr/bin/env python3
"""Times pokin reading every cell of the benchmark workbook against python-calamine, fastexcel
and openpyxl (read-only), and against a bare libxml2 SAX2 walk of the same sheet, side by side
in one run. Prints a Markdown table of medians (wall time, CPU time, peak memory) and the
ratios the targets are stated in.

What each line measures (whole process, start to exit, including interpreter start-up):
  pokin (read all cells)   pokin dump --count-only: every cell read into pokin's CellValue,
                           rows handed out one by one, every value looked at; prints counts
  pokin dump --format csv  the same plus CSV formatting of every cell, output to /dev/null
  python-calamine          CalamineWorkbook.from_path(...).get_sheet_by_index(0).to_python()
                           (every cell becomes a Python object)
  fastexcel                read_excel(...).load_sheet(0): every cell into Arrow arrays (Rust);
                           not converted to Python objects
  openpyxl read-only       load_workbook(read_only=True), iter_rows(values_only=True)
  libxml2 SAX2 walk        sax_walk.c: libzip inflate + libxml2 SAX2 push parse in 64 KiB
                           chunks, callbacks that only count (the floor for pokin's design)
  inflate only             sax_walk.c --inflate: libzip inflate of the sheet, no parsing

Usage:
  run.py [--runs N] [--rows N] [--pokin PATH] [--skip-openpyxl] [--record RESULTS.md]
Without --pokin, builds pokin in release mode (swift build -c release --static-swift-stdlib --product pokin).
--record replaces the block between the results markers of RESULTS.md.
Data and the C walker go to $TMPDIR/pokin-xlsx-read (never committed).
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

CALAMINE = """
import sys, python_calamine as pc
rows = pc.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print("cells", sum(len(r) for r in rows))
"""
FASTEXCEL = """
import sys, fastexcel
sheet = fastexcel.read_excel(sys.argv[1]).load_sheet(0)
print("cells", (sheet.height + 1) * sheet.width)  # + the header row, read as column names
"""
OPENPYXL = """
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
cells = 0
for row in sheet.iter_rows(values_only=True):
    cells += sum(1 for value in row if value is not None)
print("cells", cells)
"""


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_measured(command, devnull=False):
    """Runs a command; returns wall seconds, CPU seconds, peak RSS (KiB) and its output.

    Peak memory and CPU come from GNU time when it is installed (it forks the child from a tiny
    process, so the child's peak is its own); otherwise from wait4 on the child, whose peak then
    includes this Python process's own resident size (about 15 MiB) as a floor.
    """
    wrapped = [TIME, "-f", "BENCH-RUSAGE %U %S %M", *command] if TIME else command
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(wrapped, stdout=sink if devnull else subprocess.PIPE, stderr=subprocess.PIPE)
        output = b"" if devnull else process.stdout.read()
        error = process.stderr.read().decode()
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed ({code}): {error[:500]}")
    cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    for line in error.splitlines():
        if line.startswith("BENCH-RUSAGE "):
            user, system, peak = line.split()[1:]
            cpu, rss = float(user) + float(system), int(peak)
    return wall, cpu, rss, output.decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--pokin")
    parser.add_argument("--skip-openpyxl", action="store_true")
    parser.add_argument("--record")
    args = parser.parse_args()

    work = os.path.join(os.environ.get("TMPDIR", tempfile.gettempdir()), "pokin-xlsx-read")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, f"pokin-bench-{args.rows}.xlsx")
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), data, str(args.rows)], check=True)

    pokin = args.pokin
    if not pokin:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "pokin"], cwd=ROOT, check=True)
        pokin = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.strip() + "/pokin"
    walker = os.path.join(work, "sax_walk")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run(["cc", "-O2", os.path.join(HERE, "sax_walk.c"), *flags, "-o", walker], check=True)

    readers = [
        ("pokin (read all cells)", [pokin, "dump", "--count-only", data], False),
        ("pokin dump --format csv", [pokin, "dump", "--format", "csv", data], True),
        ("python-calamine", [sys.executable, "-c", CALAMINE, data], False),
        ("fastexcel", [sys.executable, "-c", FASTEXCEL, data], False),
        ("libxml2 SAX2 walk (C)", [walker, data], False),
        ("inflate only (C)", [walker, "--inflate", data], False),
    ]
    if not args.skip_openpyxl:
        readers.append(("openpyxl read-only", [sys.executable, "-c", OPENPYXL, data], False))

    results = {name: [] for name, _, _ in readers}
    outputs = {}
    for run in range(args.runs):
        for name, command, devnull in readers:  # interleaved, so load changes hit every reader alike
            if name == "openpyxl read-only" and run >= 3:
                continue  # ~30 s a run; three runs are enough for a median
            wall, cpu, rss, output = run_measured(command, devnull)
            results[name].append((wall, cpu, rss))
            outputs[name] = output.strip()
            print(f"  run {run + 1} {name}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss / 1024:.1f} MiB", file=sys.stderr)

    def median(name, index):
        return statistics.median(sample[index] for sample in results[name])

    base_wall = median("pokin (read all cells)", 0)
    base_cpu = median("pokin (read all cells)", 1)
    lines = [f"Workbook: {args.rows:,} rows x 10 columns ({os.path.getsize(data) / 1e6:.1f} MB), "
             f"median of {args.runs} runs (openpyxl: 3), {platform.machine()}, {os.cpu_count()} cores, "
             f"load average before the run {os.getloadavg()[0]:.1f}",
             "",
             "| reader | wall (s) | CPU (s) | peak RSS (MiB) | wall / pokin | CPU / pokin | output |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for name, _, _ in readers:
        wall, cpu = median(name, 0), median(name, 1)
        rss = max(sample[2] for sample in results[name]) / 1024
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.1f} | {wall / base_wall:.2f} | {cpu / base_cpu:.2f} | "
                     f"{outputs[name][:60]} |")
    calamine_wall, fastexcel_wall = median("python-calamine", 0), median("fastexcel", 0)
    sax_wall, sax_cpu = median("libxml2 SAX2 walk (C)", 0), median("libxml2 SAX2 walk (C)", 1)
    pokin_rss = max(sample[2] for sample in results["pokin (read all cells)"]) / 1024
    lines += ["",
              f"- pokin / python-calamine wall: {base_wall / calamine_wall:.2f} (target <= 0.60: "
              f"{'met' if base_wall / calamine_wall <= 0.6 else 'NOT met'})",
              f"- pokin / fastexcel wall: {base_wall / fastexcel_wall:.2f} (target <= 1.00: "
              f"{'met' if base_wall <= fastexcel_wall else 'NOT met'})",
              f"- pokin peak memory: {pokin_rss:.1f} MiB (target < 64: {'met' if pokin_rss < 64 else 'NOT met'})",
              f"- pokin / bare libxml2 SAX2 walk: wall {base_wall / sax_wall:.2f}, CPU {base_cpu / sax_cpu:.2f} "
              f"(goal <= 1.30)"]
    report = "\n".join(lines)
    print(report)
    if args.record:
        # Replace the block between the markers of an existing RESULTS.md, or write the report.
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        text = open(args.record).read() if os.path.exists(args.record) else ""
        if start in text and end in text:
            text = text[: text.index(start) + len(start)] + "\n" + report + "\n" + text[text.index(end):]
        else:
            text = report + "\n"
        with open(args.record, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
