#!/usr/bin/env python3
"""Validate forms/appendix/*.json against forms/schema/appendix.schema.json (draft 2020-12), and
check that the schema refuses the mistakes the C++ loader (FormLibrary::parse) refuses too:
a record form without its header, an unknown member, a header that is not a boolean.

  validate_appendix_schema.py FORMS_DIR
"""
import copy
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is missing: run packaging/install-deps.sh", file=sys.stderr)
    sys.exit(1)


def main(forms):
    forms = pathlib.Path(forms)
    schema = json.loads((forms / "schema" / "appendix.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    files = sorted((forms / "appendix").glob("*.json"))
    if len(files) != 31:
        print(f"{forms}/appendix: expected 31 forms, found {len(files)}")
        failed += 1
    for path in files:
        for error in validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"appendix/{path.name}: {where}: {error.message}")
            failed += 1

    record = json.loads((forms / "appendix" / "08.json").read_text(encoding="utf-8"))
    static = json.loads((forms / "appendix" / "14.json").read_text(encoding="utf-8"))
    broken = {
        "record form without header": dict(copy.deepcopy(record), header=False),
        "unknown top-level member": dict(copy.deepcopy(record), numbr_prefix="HB08"),
        "header not a boolean": dict(copy.deepcopy(static), header="no"),
    }
    typo = copy.deepcopy(record)
    typo["blocks"][0]["fields"][0]["sorce"] = "customer.name"
    broken["unknown field member"] = typo
    for name, doc in broken.items():
        if validator.is_valid(doc):
            print(f"schema accepts a broken form: {name}")
            failed += 1
    if not validator.is_valid(dict(copy.deepcopy(static), header=False)):
        print("schema refuses a static form without header")
        failed += 1
    print(f"{len(files)} appendix forms checked, {failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
