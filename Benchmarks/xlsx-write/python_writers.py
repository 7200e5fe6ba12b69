#!/usr/bin/env python3
"""Writes the benchmark CSV (../csv/generate.py) to XLSX with a Python library, typing cells as pokin does
(plain numbers become numbers, the rest stays text), so every writer writes the same cells.

usage: python_writers.py {xlsxwriter,xlsxwriter-constant-memory,openpyxl-write-only} IN.csv OUT.xlsx
"""
import csv
import re
import sys

PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,14})(\.[0-9]*[1-9])?\Z")


def typed(text):
    if PLAIN_NUMBER.match(text):
        digits = text.lstrip("-").replace(".", "").lstrip("0")
        if len(digits) <= 15 and text != "-0":
            return float(text) if "." in text else int(text)
    return text


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        for record in csv.reader(handle):
            yield [typed(field) for field in record]


def main():
    mode, source, target = sys.argv[1:4]
    if mode.startswith("xlsxwriter"):
        import xlsxwriter
        options = {"constant_memory": True} if mode.endswith("constant-memory") else {}
        book = xlsxwriter.Workbook(target, options)
        sheet = book.add_worksheet("data")
        for r, values in enumerate(rows(source)):
            for c, value in enumerate(values):
                if value != "":
                    sheet.write(r, c, value)
        book.close()
    elif mode == "openpyxl-write-only":
        import openpyxl
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("data")
        for values in rows(source):
            sheet.append([None if value == "" else value for value in values])
        book.save(target)
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
