#!/usr/bin/env python3
"""How much of a schema one area of the client needs: for each root (entity set or singleton), the types its
builders and models reach (navigation targets, property types, bases, derived types, call parameters and
results), as a share of all the schema's types. A client cut into one module per area could let a user who
imports one area compile only what it reaches; this says how much that would be.

    python3 Benchmarks/area_reach.py SCHEMA.yaml [ROOT...]
"""
import re
import sys

import yaml

TYPE_NAME = re.compile(r"^(?:Collection\()?([A-Za-z0-9_.]+)\)?$")


def referenced(text):
    match = TYPE_NAME.match(text or "")
    return match.group(1) if match else None


def main():
    schema = yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)
    types = {item["name"]: item for key in ("entities", "complexTypes") for item in schema.get(key) or []}
    enums = {item["name"] for item in schema.get("enums") or []}
    derived = {}
    for name, item in types.items():
        if item.get("base"):
            derived.setdefault(item["base"], []).append(name)

    def uses(name):
        """What a type needs: its base (not the base's other derived types), and the types it refers to, each with
        every type derived from it (a reference may hold any of them)."""
        item = types.get(name)
        if item is None:
            return [], []
        refs = [referenced(p.get("type")) for p in item.get("properties") or []]
        refs += [n.get("target") for n in item.get("navigation") or []]
        for call in item.get("actions") or []:
            refs.append(referenced(call.get("returns")))
            refs += [referenced(p.get("type")) for p in call.get("parameters") or []]
        return [item.get("base")] if item.get("base") else [], [r for r in refs if r]

    def reach(starts):
        seen, referenced_seen = set(), set()
        stack = [(start, True) for start in starts]
        while stack:
            name, by_reference = stack.pop()
            if name not in types and name not in enums:
                continue
            if by_reference:
                if name in referenced_seen:
                    continue
                referenced_seen.add(name)
                stack.extend((child, True) for child in derived.get(name, []))
            if name in seen:
                continue
            seen.add(name)
            bases, refs = uses(name)
            stack.extend((base, False) for base in bases)
            stack.extend((ref, True) for ref in refs)
        return seen

    total = len(types) + len(enums)
    roots = schema.get("root") or []
    wanted = sys.argv[2:]
    rows = []
    for root in roots:
        if wanted and root["name"] not in wanted:
            continue
        # A root is typed, or lists its own navigation (an untyped singleton).
        starts = [root["type"]] if root.get("type") else [n.get("target") for n in root.get("navigation") or []]
        reached = reach([start for start in starts if start])
        rows.append((len(reached), root["name"]))
    print(f"{total} types ({len(types)} entity and complex, {len(enums)} enums), {len(roots)} roots")
    for count, name in sorted(rows, reverse=True):
        print(f"{name}: {count} types, {100 * count / total:.0f}%")


if __name__ == "__main__":
    main()
