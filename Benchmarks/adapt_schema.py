#!/usr/bin/env python3
"""Converts the draft schema written by ../shared/bench/make_corpus.py into GraphGen's schema format.

usage: adapt_schema.py DRAFT.yaml OUT.yaml

The draft says `type: Collection(x)` on navigation and lists roots as singleton/collections; GraphGen
says `target:` + `collection:` and `root:` with `navigation:`. The base URL's last segment becomes apiVersion.
"""
import sys

import yaml


def navigation(nav):
    type_ = nav["type"]
    collection = type_.startswith("Collection(")
    target = type_[len("Collection("):-1] if collection else type_
    out = {"name": nav["name"], "target": target, "collection": collection}
    if "contained" in nav:
        out["contained"] = nav["contained"]
    out["operations"] = list(nav.get("operations", []))
    return out


def main(source, destination):
    with open(source) as handle:
        draft = yaml.safe_load(handle)
    base = draft["baseURL"].rstrip("/")
    host, _, version = base.rpartition("/")
    schema = {
        "namespace": draft["namespace"],
        "module": draft["module"],
        "baseURL": host,
        "apiVersion": version,
        "root": [
            {
                "name": root["singleton"],
                "navigation": [
                    {"name": c["name"], "target": c["type"], "collection": True, "operations": list(c.get("operations", []))}
                    for c in root.get("collections", [])
                ],
            }
            for root in draft.get("roots", [])
        ],
        "enums": draft.get("enums", []),
        "entities": [],
    }
    for entity in draft.get("entities", []):
        out = {k: v for k, v in entity.items() if k != "navigation"}
        if entity.get("navigation"):
            out["navigation"] = [navigation(n) for n in entity["navigation"]]
        schema["entities"].append(out)
    with open(destination, "w") as handle:
        yaml.safe_dump(schema, handle, sort_keys=False, width=1000)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
