#!/usr/bin/env python3
"""The peer side of the batch benchmark: python-calamine over every workbook of a folder, one
after another in one process, as a user's script would.

usage: calamine_peer.py read FOLDER          read every cell of every sheet
       calamine_peer.py csv FOLDER OUT       also write each sheet as OUT/<relative path>/<sheet>.csv
"""
import csv
import os
import sys

from python_calamine import CalamineWorkbook


def workbooks(folder):
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".xlsx"):
                yield os.path.join(root, name)


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if mode == "csv" else None
    files = cells = 0
    for path in workbooks(folder):
        book = CalamineWorkbook.from_path(path)
        files += 1
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python()
            cells += sum(1 for row in rows for value in row if value != "")
            if out:
                target = os.path.join(out, os.path.relpath(path, folder)[:-5])
                os.makedirs(target, exist_ok=True)
                with open(os.path.join(target, name + ".csv"), "w", newline="", encoding="utf-8") as handle:
                    csv.writer(handle).writerows(rows)
    print(f"{files} workbooks, {cells} non-empty cells", file=sys.stderr)


if __name__ == "__main__":
    main()
