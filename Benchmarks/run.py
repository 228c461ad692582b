#!/usr/bin/env python3
"""GraphGen benchmark: times the release CLI as a whole process over generated corpora.

usage: python3 Benchmarks/run.py [--sizes 2,100,1000,5000] [--runs 5] [--build-package N] [--smoke]
                                [--metadata] [--generate-v1] [--build-v1] [--build-v1-release] [--stress] [--docs-2020]
                                [--bundle-builds intune,whole] [--bundle-counts 1,8] [--incremental N] [--incremental-v1]

For each N it writes a corpus with ../shared/bench/make_corpus.py (cached under .build-bench/), adapts its
draft schema with adapt_schema.py, and measures:
  full     generate into an empty folder
  no-op    generate again with nothing changed (the input stamp is current: must write nothing)
  no-op, no stamp  the same with the stamp removed: every file rendered and compared, none written
  one page generate after one page's summary changed (then the page is restored)
  drift    drift over the whole corpus
Wall time is the median of --runs runs; peak RSS is the largest of them. --build-package N also builds the
generated package for N (debug) once and reports its time and peak memory. --smoke runs N=100 once and
checks the results without timing targets (CI uses it).

--metadata times `schema import` of the whole Microsoft Graph v1.0 metadata (../shared/csdl) and of its
Intune slice, and `dump-model` of the whole imported schema; --generate-v1 also generates a package from
the whole import (once) and reports its size; --build-v1 also builds that package's library and its tests
in debug (clean, dependencies resolved first) and runs the tests: about ten minutes on two cores;
--build-v1-release builds that package's library in release (clean, each module whole) and reports each module's
compile time and peak memory, sampled from /proc every half second.

--bundle-builds intune,whole compares the build plugin's path with the checked-in one on the Intune slice of the
v1.0 metadata and on the whole v1.0 import: graphgen writing the library into 1 or 8 bundle files of a
plain package (what the plugin's command runs) against generate + swift build of the generated package; each a clean
debug build of the library, then one description edited, regenerated and rebuilt. --bundle-counts 8 leaves out the
one-file path (the plugin's before it was split; on the whole v1.0 import, one compile job of a 37 MB file).

--incremental N builds the N-corpus package's library (debug), edits one page, and times generate + build again
(target: 15 s together at N=1000); --incremental-v1 does the same for the whole v1.0 import with one description
edited (its package has no pages): a clean debug build of the library, then generate + build after the edit.

--docs-2020 times `schema infer` over the whole v1.0 reference of 2020 (../shared/corpus/graph-docs-2020-v1.0,
2,460 uncleaned pages; targets 1.5 s and 300 MiB) and `drift` over it against the whole v1.0 import (targets 3 s and
300 MiB).

--stress reads hostile-sized pages: a 50 MB page holding one 560,000-row property table (dump-model and drift;
targets: peak memory at most 5x the page, time linear in it, so the 25 MB page is timed too) and a page whose
table row holds 50,000 bare '|' (rejected; time must not grow with the square of the cells).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
MAKE_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "bench", "make_corpus.py")
CSDL = os.path.join(os.path.dirname(ROOT), "shared", "csdl", "graph-v1.0.csdl")
BINARY = os.path.join(ROOT, ".build", "release", "graphgen")
DOCS_2020 = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "graph-docs-2020-v1.0")


def run(args, cwd=None, allowed=(0,), keep_output=True):
    """Runs a process; returns (seconds, peak RSS in MiB, stdout text, or "" without keep_output)."""
    # Output goes to files, not pipes: a child that fills a pipe nobody reads yet would block forever. Large
    # outputs are not read back: a big Python process would show in the next child's peak RSS (fork copies it).
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=out_file if keep_output else subprocess.DEVNULL, stderr=err_file)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        out = out_file.read().decode() if keep_output else ""
        err = err_file.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in allowed:
        sys.exit(f"{' '.join(args)} exited {code}:\n{err}")
    return elapsed, usage.ru_maxrss / 1024, out


class CompileSampler:
    """Samples the package's compiler processes every half second while it builds: for each module (`-module-name`), its
    largest resident size and how long it was seen. A release build compiles each module in one job, so this gives
    each module's time and peak."""

    def __init__(self, package):
        self.package = os.path.realpath(package)
        self.modules = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def __enter__(self):
        self.start = time.perf_counter()
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.stopping.set()
        self.thread.join()

    def sample(self):
        while not self.stopping.wait(0.5):
            now = time.perf_counter() - self.start
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as handle:
                        args = handle.read().decode(errors="replace").split("\0")
                    if not args[0].endswith("swift-frontend") or "-module-name" not in args:
                        continue
                    if not any(arg.startswith(self.package) for arg in args):
                        continue  # another build on the machine
                    with open(f"/proc/{pid}/status") as handle:
                        rss = next((int(line.split()[1]) // 1024 for line in handle if line.startswith("VmRSS")), 0)
                except (OSError, StopIteration, IndexError):
                    continue  # the process ended while it was read
                name = args[args.index("-module-name") + 1]
                peak, first, _ = self.modules.get(name, (0, now, now))
                self.modules[name] = (max(peak, rss), first, now)

    def notes(self):
        """One line per module, in the order they started: peak MiB and seconds seen."""
        ordered = sorted(self.modules.items(), key=lambda item: item[1][1])
        return [f"{name}: {peak} MiB, {last - first:.0f} s" for name, (peak, first, last) in ordered]


def corpus(n):
    folder = os.path.join(WORK, f"corpus-{n}")
    schema = os.path.join(folder, "graphgen-schema.yaml")
    if not os.path.exists(schema):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, MAKE_CORPUS, str(n), folder], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "adapt_schema.py"), os.path.join(folder, "schema.yaml"), schema], check=True)
    return folder


def folder_size(folder):
    total, count = 0, 0
    for base, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(base, name))
            count += 1
    return total, count


def edit_one_page(pages):
    """Appends a sentence to the first page's summary; returns a function that restores the page."""
    name = sorted(os.listdir(pages))[0]
    path = os.path.join(pages, name)
    with open(path) as handle:
        original = handle.read()
    lines = original.split("\n")
    seen_title = False
    for index, line in enumerate(lines):
        if line.startswith("# "):
            seen_title = True
        elif seen_title and line and not line.startswith(("Namespace", ">", "#", "[")):
            lines[index] = line + " Edited."
            break
    with open(path, "w") as handle:
        handle.write("\n".join(lines))

    def restore():
        with open(path, "w") as handle:
            handle.write(original)
    return restore


def file_times(folder):
    """Every file under folder with its modification time, to prove that a run wrote nothing."""
    times = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            times[os.path.relpath(path, folder)] = os.stat(path).st_mtime_ns
    return times


def no_op_note(before, after, how):
    changed = sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path))
    return f"0 files written, {how}" if not changed else f"WROTE FILES: {', '.join(changed[:3])}"


def measure(n, runs):
    folder = corpus(n)
    schema = os.path.join(folder, "graphgen-schema.yaml")
    pages = os.path.join(folder, "pages")
    out = os.path.join(folder, "out")
    generate = [BINARY, "generate", "--schema", schema, "--pages", pages, "--output", out]
    rows = {}

    samples = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        samples.append(run(generate, cwd=folder))
    size, files = folder_size(out)
    rows["full"] = (samples, f"{files} files, {size / 1e6:.1f} MB, {size / max(n, 1) / 1024:.1f} KB/entity")

    run(generate, cwd=folder)  # leaves a fresh stamp
    before = file_times(out)
    samples = [run(generate, cwd=folder) for _ in range(runs)]
    skipped = all("is up to date" in s[2] for s in samples)
    rows["no-op"] = (samples, no_op_note(before, file_times(out), "stamp current" if skipped else "STAMP NOT USED"))

    # The same with the stamp removed before each run: every file rendered and compared, none written.
    samples = []
    for _ in range(runs):
        os.remove(os.path.join(out, ".graphgen-stamp"))
        before = file_times(out)
        samples.append(run(generate, cwd=folder))
        after = file_times(out)
        after.pop(".graphgen-stamp", None)
        notes = no_op_note(before, after, "all files compared")
    rows["no-op, no stamp"] = (samples, notes)

    samples, notes = [], set()
    for _ in range(runs):
        restore = edit_one_page(pages)
        samples.append(run(generate, cwd=folder))
        notes.add(samples[-1][2].strip().split(": ", 1)[-1])
        restore()
        run(generate, cwd=folder)
    rows["one page"] = (samples, "; ".join(sorted(notes)))

    drift = [BINARY, "drift", "--schema", schema, "--pages", pages, "--format", "json", "--fail-on", "never"]
    samples = [run(drift, cwd=folder) for _ in range(runs)]
    findings = json.loads(samples[-1][2])["count"]
    rows["drift"] = (samples, f"{findings} findings")
    return rows


def build_package(n):
    folder = corpus(n)
    out = os.path.join(folder, "out")
    run([BINARY, "generate", "--schema", os.path.join(folder, "graphgen-schema.yaml"), "--pages", os.path.join(folder, "pages"), "--output", out], cwd=folder)
    shutil.rmtree(os.path.join(out, ".build"), ignore_errors=True)
    # Resolve dependencies first so the timing is the compiler's work alone.
    run(["swift", "package", "--package-path", out, "resolve"])
    seconds, rss, _ = run(["swift", "build", "--package-path", out, "--target", "GraphBench"])
    return seconds, rss


def measure_metadata(runs, generate_v1, build_v1=False, build_v1_release=False):
    os.makedirs(WORK, exist_ok=True)
    whole = os.path.join(WORK, "graph-v1.yaml")
    intune = os.path.join(WORK, "graph-v1-intune.yaml")
    rows = {}
    samples = [run([BINARY, "schema", "import", "--csdl", CSDL, "--output", whole]) for _ in range(runs)]
    rows["import whole"] = (samples, f"{os.path.getsize(whole) / 1e6:.1f} MB of YAML")
    samples = [run([BINARY, "schema", "import", "--csdl", CSDL, "--include", "/deviceAppManagement/**",
                    "--include", "/deviceManagement/**", "--output", intune]) for _ in range(runs)]
    rows["import Intune slice"] = (samples, f"{os.path.getsize(intune) / 1e6:.2f} MB of YAML")
    samples = [run([BINARY, "dump-model", "--schema", whole]) for _ in range(runs)]
    rows["dump-model whole"] = (samples, f"{len(samples[-1][2]) / 1e6:.1f} MB printed")
    if generate_v1:
        out = os.path.join(WORK, "graph-v1-out")
        shutil.rmtree(out, ignore_errors=True)
        sample = run([BINARY, "generate", "--schema", whole, "--output", out, "--module", "GraphV1"])
        size, files = folder_size(out)
        rows["generate whole"] = ([sample], f"{files} files, {size / 1e6:.1f} MB")
        if build_v1:
            # Resolve first so the timing is the compiler's work alone; then the library, then its tests.
            run(["swift", "package", "--package-path", out, "resolve"])
            library = run(["swift", "build", "--package-path", out, "--target", "GraphV1"])
            rows["build whole (debug library)"] = ([library], "swift build --target GraphV1, clean")
            tests = run(["swift", "build", "--package-path", out, "--build-tests"])
            rows["build whole tests (debug, after the library)"] = ([tests], "swift build --build-tests")
            passed = run(["swift", "test", "--package-path", out, "--skip-build"], keep_output=False)
            rows["test whole"] = ([passed], "swift test --skip-build: passed")
        if build_v1_release:
            run(["swift", "package", "--package-path", out, "resolve"])
            shutil.rmtree(os.path.join(out, ".build", "release"), ignore_errors=True)
            with CompileSampler(out) as sampler:
                release = run(["swift", "build", "-c", "release", "--package-path", out, "--target", "GraphV1"])
            rows["build whole (release library)"] = ([release], "swift build -c release --target GraphV1, clean; per module (sampled): "
                                                     + "; ".join(sampler.notes()))
    return rows


def edit_one_description(schema):
    """Changes the first description in a schema (a docs-only change, as one page's edit would be); returns a restore."""
    with open(schema) as handle:
        original = handle.read()
    marker = "description: "
    at = original.index(marker) + len(marker)
    with open(schema, "w") as handle:
        handle.write(original[:at] + "Edited. " + original[at:])

    def restore():
        with open(schema, "w") as handle:
            handle.write(original)
    return restore


def measure_incremental(n):
    """One page edited, then generate and a debug build of the N-corpus library (built once before): what a user
    waits for after a docs change."""
    folder = corpus(n)
    out = os.path.join(folder, "out")
    pages = os.path.join(folder, "pages")
    generate = [BINARY, "generate", "--schema", os.path.join(folder, "graphgen-schema.yaml"), "--pages", pages, "--output", out]
    run(generate, cwd=folder)
    run(["swift", "package", "--package-path", out, "resolve"])
    build = ["swift", "build", "--package-path", out, "--target", "GraphBench"]
    first = run(build)
    restore = edit_one_page(pages)
    regenerated, rebuilt = run(generate, cwd=folder), run(build)
    restore()
    note = regenerated[2].strip().split(": ", 1)[-1]
    return {
        "library build (debug, as it stood)": ([first], "swift build --target GraphBench"),
        "one page edited: generate + build": ([(regenerated[0] + rebuilt[0], max(regenerated[1], rebuilt[1]), "")],
                                              f"generate {regenerated[0]:.1f} s ({note}) + build {rebuilt[0]:.1f} s; target 15 s"),
    }


def measure_checked_in_builds(name, work_schema):
    """generate + swift build of the generated package: a clean debug build of the library, then one description
    edited (a docs-only change, as one page's edit would be), regenerated and rebuilt."""
    rows = {}
    checked_in = os.path.join(WORK, f"bundle-{name}-checked-in")
    shutil.rmtree(checked_in, ignore_errors=True)
    generate = [BINARY, "generate", "--schema", work_schema, "--output", checked_in, "--module", "Client"]
    run(generate)
    run(["swift", "package", "--package-path", checked_in, "resolve"])
    build = ["swift", "build", "--package-path", checked_in, "--target", "Client"]
    rows[f"{name}: checked-in, clean build"] = ([run(build)], "swift build --target Client (debug)")
    restore = edit_one_description(work_schema)
    regenerated, rebuilt = run(generate), run(build)
    restore()
    rows[f"{name}: checked-in, one description edited"] = ([(regenerated[0] + rebuilt[0], max(regenerated[1], rebuilt[1]), "")],
                                                          f"generate {regenerated[0]:.1f} s + build {rebuilt[0]:.1f} s")
    return rows


def measure_bundle_builds(slices, counts=(1, 8)):
    """The build plugin's path (graphgen writing the library into 1 or 8 bundle files of a plain package, as the
    plugin's command does) against the checked-in path (generate into a package, swift build): a clean debug build of
    the library, then one description edited, regenerated and rebuilt (generate + build)."""
    rows = {}
    for name, schema in slices:
        work_schema = os.path.join(WORK, f"bundle-{name}.yaml")
        shutil.copyfile(schema, work_schema)
        rows.update(measure_checked_in_builds(name, work_schema))
        for count in counts:
            package = os.path.join(WORK, f"bundle-{name}-{count}")
            shutil.rmtree(package, ignore_errors=True)
            sources = os.path.join(package, "Sources", "Client")
            os.makedirs(sources)
            with open(os.path.join(package, "Package.swift"), "w") as handle:
                handle.write('// swift-tools-version:6.1\nimport PackageDescription\n\n'
                             'let package = Package(name: "Client", platforms: [.macOS(.v13)], targets: [.target(name: "Client")])\n')
            bundles = [os.path.join(sources, f"GraphGenerated{index}.swift") for index in range(count)]
            write = [BINARY, "generate", "--schema", work_schema, "--module", "Client"] + [arg for path in bundles for arg in ("--bundle-file", path)]
            run(write)
            build = ["swift", "build", "--package-path", package]
            rows[f"{name}: {count} bundle file{'s' if count > 1 else ''}, clean build"] = ([run(build)], "swift build (debug)")
            restore = edit_one_description(work_schema)
            regenerated, rebuilt = run(write), run(build)
            restore()
            rows[f"{name}: {count} bundle file{'s' if count > 1 else ''}, one description edited"] = (
                [(regenerated[0] + rebuilt[0], max(regenerated[1], rebuilt[1]), "")],
                f"generate {regenerated[0]:.1f} s ({regenerated[2].strip()}) + build {rebuilt[0]:.1f} s")
    return rows


def measure_docs_2020(runs):
    """Infer over every page of the 2020 reference, and drift over them against the whole v1.0 import."""
    os.makedirs(WORK, exist_ok=True)
    inferred = os.path.join(WORK, "graph-2020-inferred.yaml")
    whole = os.path.join(WORK, "graph-v1.yaml")
    rows = {}
    samples = [run([BINARY, "schema", "infer", "--pages", DOCS_2020, "--output", inferred]) for _ in range(runs)]
    rows["schema infer, 2020 reference"] = (samples, f"{os.path.getsize(inferred) / 1e6:.1f} MB of YAML; targets 1.5 s, 300 MiB")
    run([BINARY, "schema", "import", "--csdl", CSDL, "--output", whole])
    samples = [run([BINARY, "drift", "--schema", whole, "--pages", DOCS_2020, "--format", "sarif"], allowed=(0, 1)) for _ in range(runs)]
    findings = len(json.loads(samples[-1][2])["runs"][0]["results"])
    rows["drift, 2020 reference vs v1.0 import"] = (samples, f"{findings} findings; targets 3 s, 300 MiB")
    return rows


def stress_page(folder, rows):
    """A resource page whose property table has `rows` rows; returns its path and size in MB."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"big-{rows}.md")
    with open(path, "w") as handle:
        handle.write("---\ntitle: \"thing resource type\"\n---\n\n# thing resource type\n\nA thing.\n\n## Properties\n\n")
        handle.write("| Property | Type | Description |\n|:---|:---|:---|\n")
        for index in range(rows):
            handle.write(f"| property{index} | String | The value number {index} of a thing, as the service returns it. |\n")
    return path, os.path.getsize(path) / 1e6


def measure_stress():
    folder = os.path.join(WORK, "stress")
    schema = os.path.join(folder, "schema.yaml")
    os.makedirs(folder, exist_ok=True)
    with open(schema, "w") as handle:
        handle.write("namespace: microsoft.graph\nmodule: Stress\nentities:\n  - name: thing\n    properties:\n      - { name: id, type: String }\n")
    rows = {}
    for count in (280_000, 560_000):
        page, megabytes = stress_page(folder, count)
        for case, args in (("dump-model", ["dump-model"]), ("drift", ["drift", "--fail-on", "never"])):
            seconds, rss, _ = run([BINARY, *args, "--schema", schema, "--pages", page], cwd=folder, allowed=(0, 1), keep_output=False)
            rows[f"{megabytes:.0f} MB page, {case}"] = (seconds, rss, f"{rss * 1048576 / (megabytes * 1e6):.1f}x the page")
    pipes = os.path.join(folder, "pipes.md")
    with open(pipes, "w") as handle:
        handle.write("# thing resource type\n\n## Properties\n\n| a | b |\n|---|---|\n" + "|" * 50_000 + "\n")
    seconds, rss, _ = run([BINARY, "dump-model", "--schema", schema, "--pages", pipes], cwd=folder, allowed=(2,), keep_output=False)
    rows["50,000 '|' in one row"] = (seconds, rss, "rejected (exit 2)")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2,100,1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build-package", type=int)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--metadata", action="store_true")
    parser.add_argument("--generate-v1", action="store_true")
    parser.add_argument("--build-v1", action="store_true")
    parser.add_argument("--build-v1-release", action="store_true")
    parser.add_argument("--stress", action="store_true")
    parser.add_argument("--docs-2020", action="store_true")
    parser.add_argument("--bundle-builds", default="", help="comma list of: intune, whole")
    parser.add_argument("--bundle-counts", default="1,8", help="bundle files per client, comma list (the plugin declares 8)")
    parser.add_argument("--incremental", type=int)
    parser.add_argument("--incremental-v1", action="store_true")
    options = parser.parse_args()
    if not os.path.exists(MAKE_CORPUS):
        sys.exit(f"needs {MAKE_CORPUS} (../shared beside the clone)")
    subprocess.run(["swift", "build", "-c", "release", "--product", "graphgen"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    sizes = [100] if options.smoke else [int(s) for s in options.sizes.split(",") if s]
    runs = 1 if options.smoke else options.runs
    print("| N | case | wall (median) | peak RSS | notes |")
    print("|---:|---|---:|---:|---|")
    failures = []
    for n in sizes:
        for case, (samples, note) in measure(n, runs).items():
            wall = statistics.median(s[0] for s in samples)
            rss = max(s[1] for s in samples)
            print(f"| {n} | {case} | {wall * 1000:.0f} ms | {rss:.0f} MiB | {note} |")
            if "WROTE FILES" in note or "STAMP NOT USED" in note:
                failures.append(f"N={n} {case}: {note}")
    v1_package = options.generate_v1 or options.build_v1 or options.build_v1_release
    if (options.metadata or v1_package) and os.path.exists(CSDL):
        for case, (samples, note) in measure_metadata(runs, v1_package, options.build_v1, options.build_v1_release).items():
            wall = statistics.median(s[0] for s in samples)
            rss = max(s[1] for s in samples)
            print(f"| v1.0 | {case} | {wall * 1000:.0f} ms | {rss:.0f} MiB | {note} |")
    if options.docs_2020 and os.path.isdir(DOCS_2020) and os.path.exists(CSDL):
        for case, (samples, note) in measure_docs_2020(runs).items():
            wall = statistics.median(s[0] for s in samples)
            rss = max(s[1] for s in samples)
            print(f"| 2020 | {case} | {wall * 1000:.0f} ms | {rss:.0f} MiB | {note} |")
    if options.bundle_builds and os.path.exists(CSDL):
        slices = []
        for name in options.bundle_builds.split(","):
            if name == "intune":
                intune = os.path.join(WORK, "graph-v1-intune.yaml")
                run([BINARY, "schema", "import", "--csdl", CSDL, "--include", "/deviceAppManagement/**", "--include", "/deviceManagement/**", "--output", intune])
                slices.append(("Intune slice", intune))
            elif name == "whole":
                whole = os.path.join(WORK, "graph-v1.yaml")
                run([BINARY, "schema", "import", "--csdl", CSDL, "--output", whole])
                slices.append(("whole v1.0", whole))
            else:
                sys.exit(f"--bundle-builds: unknown slice '{name}' (intune, whole)")
        counts = [int(count) for count in options.bundle_counts.split(",") if count]
        for case, (samples, note) in measure_bundle_builds(slices, counts).items():
            print(f"| bundle | {case} | {samples[0][0]:.1f} s | {samples[0][1]:.0f} MiB | {note} |")
    if options.incremental:
        for case, (samples, note) in measure_incremental(options.incremental).items():
            print(f"| {options.incremental} | {case} | {samples[0][0]:.1f} s | {samples[0][1]:.0f} MiB | {note} |")
    if options.incremental_v1 and os.path.exists(CSDL):
        whole = os.path.join(WORK, "graph-v1.yaml")
        run([BINARY, "schema", "import", "--csdl", CSDL, "--output", whole])
        work_schema = os.path.join(WORK, "incremental-v1.yaml")
        shutil.copyfile(whole, work_schema)
        for case, (samples, note) in measure_checked_in_builds("whole v1.0", work_schema).items():
            print(f"| v1.0 | {case} | {samples[0][0]:.1f} s | {samples[0][1]:.0f} MiB | {note} |")
    if options.stress:
        for case, (seconds, rss, note) in measure_stress().items():
            print(f"| stress | {case} | {seconds * 1000:.0f} ms | {rss:.0f} MiB | {note} |")
    if options.build_package:
        seconds, rss = build_package(options.build_package)
        print(f"\nGenerated package for N={options.build_package}: debug build {seconds:.1f} s, peak RSS {rss:.0f} MiB")
    if failures:
        sys.exit("; ".join(failures))


if __name__ == "__main__":
    main()
