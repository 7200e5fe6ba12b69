#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema with the `jsonschema` package.

Usage: validate-json.py SCHEMA FILE...   (FILE may be - for standard input)
Prints one line per file: `ok FILE` or `invalid FILE: <path>: <message>` for every error.
Exit status: 0 all valid, 1 some invalid, 2 usage or the schema itself is broken.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    status = 0
    for name in argv[2:]:
        if name == "-":
            document = json.load(sys.stdin)
        else:
            with open(name, encoding="utf-8") as handle:
                document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if not errors:
            print(f"ok {name}")
            continue
        status = 1
        for error in errors:
            path = "/".join(str(part) for part in error.absolute_path) or "(document)"
            print(f"invalid {name}: {path}: {error.message}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
