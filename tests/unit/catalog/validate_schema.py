#!/usr/bin/env python3
"""Validate a catalog folder against forms/schema/*.schema.json (JSON Schema draft 2020-12).

  validate_schema.py FORMS_DIR
      every catalog.json / cards/*.json in FORMS_DIR must validate; prints file: path: message.
  validate_schema.py --expect-invalid TEST_DATA_DIR FORMS_DIR
      the minimal test catalog must validate, and each case in TEST_DATA_DIR/broken/ must be
      rejected by the schema exactly when its "schema_rejects" is true, so the schema and the
      C++ validator (which must reject every case) cannot drift apart.
"""
import copy
import json
import pathlib
import shutil
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is missing: run packaging/install-deps.sh", file=sys.stderr)
    sys.exit(1)


def load_schemas(forms):
    schema_dir = pathlib.Path(forms) / "schema"
    out = {}
    for name in ("catalog", "cards"):
        schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        out[name] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return out


def problems(root, schemas):
    root = pathlib.Path(root)
    found = []
    files = [("catalog", root / "catalog.json")]
    files += [("cards", p) for p in sorted((root / "cards").glob("*.json"))]
    for kind, path in files:
        rel = path.relative_to(root)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            found.append(f"{rel}: file missing")
            continue
        except json.JSONDecodeError as e:
            found.append(f"{rel}: line {e.lineno} column {e.colno}: {e.msg}")
            continue
        for err in sorted(schemas[kind].iter_errors(doc), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in err.absolute_path)
            found.append(f"{rel}: /{where}: {err.message}")
    return found


def apply(root, ops):
    for op in ops:
        path = pathlib.Path(root) / op["file"]
        if op["op"] == "delete":
            path.unlink()
            continue
        if op["op"] == "text":
            path.write_text(op["text"], encoding="utf-8")
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        keys = op["path"].lstrip("/").split("/")
        node = doc
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        if op["op"] == "remove":
            del node[int(last) if isinstance(node, list) else last]
        elif isinstance(node, list) and last == "-":
            node.append(copy.deepcopy(op["value"]))
        elif isinstance(node, list):
            node[int(last)] = copy.deepcopy(op["value"])
        else:
            node[last] = copy.deepcopy(op["value"])
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def main(argv):
    if len(argv) == 2 and not argv[1].startswith("-"):
        found = problems(argv[1], load_schemas(argv[1]))
        for line in found:
            print(line)
        print(f"schema check of {argv[1]}: {len(found)} problem(s)", file=sys.stderr)
        return 1 if found else 0
    if len(argv) == 4 and argv[1] == "--expect-invalid":
        data, forms = pathlib.Path(argv[2]), argv[3]
        schemas = load_schemas(forms)
        failures = []
        base = problems(data / "minimal", schemas)
        if base:
            failures.append("minimal catalog does not validate: " + "; ".join(base))
        cases = sorted((data / "broken").glob("*.json"))
        for case_file in cases:
            case = json.loads(case_file.read_text(encoding="utf-8"))
            with tempfile.TemporaryDirectory() as tmp:
                root = pathlib.Path(tmp) / "forms"
                shutil.copytree(data / "minimal", root)
                apply(root, case["ops"])
                found = problems(root, schemas)
            if case["schema_rejects"] and not found:
                failures.append(f"{case_file.name}: the schema accepts it but should reject it")
            if not case["schema_rejects"] and found:
                failures.append(f"{case_file.name}: marked as beyond the schema, but the schema "
                                f"rejects it ({found[0]}); set schema_rejects to true")
        for line in failures:
            print(line)
        print(f"{len(cases)} broken cases checked against the schema, {len(failures)} failure(s)",
              file=sys.stderr)
        return 1 if failures else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
