#!/usr/bin/env python3
"""What each kind of generated file costs to build: generates a package, then builds copies of it that leave
out one kind of file at a time (debug, clean each time) and prints the time each kind adds, per type declared.

    python3 Benchmarks/build_cost.py [N]            # the N-entity benchmark corpus (default 100)
    python3 Benchmarks/build_cost.py --schema S [--pages P]

Kinds, added in this order (each build includes the kinds before it): runtime and enums, models, request
builders and parameters, documented examples (the stub transport's list), then the generated tests
(`swift build --build-tests` over the whole package).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))


def build(package, tests=False):
    shutil.rmtree(os.path.join(package, ".build"), ignore_errors=True)
    args = ["swift", "build", "--package-path", package] + (["--build-tests"] if tests else [])
    # Dependencies are built once outside the timing: resolve and build them with an empty library first.
    start = time.monotonic()
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"build failed in {package}:\n" + result.stdout.decode()[-3000:])
    return elapsed


def files_under(folder):
    return sorted(os.path.join(base, name) for base, _, names in os.walk(folder) for name in names if name.endswith(".swift"))


DECLARATION = re.compile(r"^(public |package |internal )?(final )?(struct|enum|class) ", re.MULTILINE)


def declarations_under(folder):
    """Top-level types declared in a folder's files (several share a file)."""
    total = 0
    for path in files_under(folder):
        with open(path) as handle:
            total += len(DECLARATION.findall(handle.read()))
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--schema")
    parser.add_argument("--pages")
    options = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "graphgen", "--package-path", ROOT], check=True, stdout=subprocess.DEVNULL)
    graphgen = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path", "--package-path", ROOT],
                                           check=True, stdout=subprocess.PIPE).stdout.decode().strip(), "graphgen")
    if options.schema:
        schema, pages = options.schema, options.pages
    else:
        import run
        folder = run.corpus(options.n)
        schema, pages = os.path.join(folder, "graphgen-schema.yaml"), os.path.join(folder, "pages")
    work = tempfile.mkdtemp(prefix="graphgen-build-cost-")
    full = os.path.join(work, "Full")
    args = [graphgen, "generate", "--schema", schema, "--output", full, "--module", "Cost"] + (["--pages", pages] if pages else [])
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sources = os.path.join(full, "Sources", "Cost")
    kinds = [
        ("runtime and enums", ["Runtime", "Enums"]),
        ("models", ["Models"]),
        ("request builders and parameters", ["RequestBuilders", "Parameters"]),
        ("documented examples", ["DocumentedExamples"]),
    ]
    rows = []
    previous = 0.0
    for index, (label, folders) in enumerate(kinds):
        package = os.path.join(work, f"step{index}")
        shutil.copytree(full, package)
        kept = {folder for _, group in kinds[: index + 1] for folder in group}
        for name in os.listdir(os.path.join(package, "Sources", "Cost")):
            if name not in kept:
                shutil.rmtree(os.path.join(package, "Sources", "Cost", name))
        if "DocumentedExamples" not in kept:
            # The stub transport answers from the documented examples.
            os.remove(os.path.join(package, "Sources", "Cost", "Runtime", "StubTransport.swift"))
        shutil.rmtree(os.path.join(package, "Tests"))
        with open(os.path.join(package, "Package.swift")) as manifest:
            text = manifest.read()
        start = text.find(".testTarget(")
        if start >= 0:
            # Drop the test target (and the test-only dependency with it) from the manifest.
            end = text.find(")", text.find("]", start)) + 1
            text = text[:start].rstrip().rstrip(",") + "\n" + text[end:].lstrip(",")
        with open(os.path.join(package, "Package.swift"), "w") as manifest:
            manifest.write(text)
        present = [os.path.join(sources, folder) for folder in folders if os.path.isdir(os.path.join(sources, folder))]
        files = sum(len(files_under(folder)) for folder in present)
        types = sum(declarations_under(folder) for folder in present)
        seconds = build(package)
        rows.append((label, files, types, seconds - previous))
        previous = seconds
    tests = os.path.join(full, "Tests")
    library_and_tests = build(full, tests=True)
    rows.append(("generated tests (with FlyingFox)", len(files_under(tests)), declarations_under(tests), library_and_tests - previous))
    print("| kind | files | types | debug build time it adds | per type |")
    print("|---|---:|---:|---:|---:|")
    for label, files, types, seconds in rows:
        per = f"{seconds / types * 1000:.0f} ms" if types else "-"
        print(f"| {label} | {files} | {types} | {seconds:.1f} s | {per} |")
    print(f"| whole package with tests | | {library_and_tests:.1f} s | |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
