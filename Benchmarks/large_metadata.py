#!/usr/bin/env python3
"""Imports metadata far larger than Graph's, to check that `schema import` takes time and memory in proportion to
the file.

    python3 Benchmarks/large_metadata.py [--sizes 16,64] [--graphgen PATH]

Each size (MB) is made from ../shared/csdl/graph-v1.0.csdl by appending copies of its entity, complex and enum types
under new names (`userCopy3`), whose properties still name the originals, until the file reaches the size; the
copies are written to .build-bench/ and imported with --output to a file there. Prints the size, the time, the peak
memory (from /usr/bin/time) and MB per second for each.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSDL = os.path.join(os.path.dirname(ROOT), "shared", "csdl", "graph-v1.0.csdl")
TYPE = re.compile(r'(    <(EntityType|ComplexType|EnumType) Name="([^"]+)"[^>]*?(?:/>|>.*?</\2>)\n)', re.S)


def scaled(text, megabytes):
    close = text.rindex("    <EntityContainer")
    head, tail = text[:close], text[close:]
    types = [match.group(1) for match in TYPE.finditer(head)]
    if not types:
        sys.exit("no types found in the metadata")
    target = megabytes * 1_000_000
    parts, size, copy = [head], len(head) + len(tail), 0
    while size < target:
        copy += 1
        for block in types:
            renamed = re.sub(r'^(    <\w+ Name=")([^"]+)"', lambda m: f'{m.group(1)}{m.group(2)}Copy{copy}"', block, count=1)
            parts.append(renamed)
            size += len(renamed)
    return "".join(parts) + tail, copy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="16,64")
    parser.add_argument("--graphgen", default=os.path.join(ROOT, ".build", "release", "graphgen"))
    arguments = parser.parse_args()
    if not os.path.exists(CSDL):
        sys.exit(f"needs {CSDL}")
    text = open(CSDL, encoding="utf-8").read()
    folder = os.path.join(ROOT, ".build-bench")
    os.makedirs(folder, exist_ok=True)
    print(f"{'MB':>6} {'copies':>6} {'seconds':>8} {'peak MiB':>9} {'MB/s':>6}")
    for megabytes in [int(size) for size in arguments.sizes.split(",")]:
        made, copies = scaled(text, megabytes)
        path = os.path.join(folder, f"graph-x{megabytes}MB.csdl")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(made)
        actual = os.path.getsize(path) / 1_000_000
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M", arguments.graphgen, "schema", "import", "--csdl", path,
                              "--output", path + ".yaml"], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"import of {path} failed ({run.returncode}): {run.stderr[-2000:]}")
        seconds, kilobytes = run.stderr.strip().splitlines()[-1].split()
        print(f"{actual:6.1f} {copies:6d} {float(seconds):8.2f} {int(kilobytes) / 1024:9.0f} {actual / float(seconds):6.1f}")


main()
