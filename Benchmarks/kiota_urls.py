#!/usr/bin/env python3
"""How much of Microsoft's Kiota-generated Graph SDK the generated client reaches, URL template by URL template.

    python3 Benchmarks/kiota_urls.py SDK_GIT_DIR [--schema S] [--list KIND]

SDK_GIT_DIR is a clone (bare or not) of github.com/microsoftgraph/msgraph-sdk-go (MIT licensed); its request
builders' URL templates (`{+baseurl}/users/{user%2Did}/messages{?%24top}`) are read from its newest commit with
`git grep`, reduced to paths (query templates dropped, and query parameters a template spells out, such as a
calendar view's `?startDateTime={}&endDateTime={}`, which the client sends through `ListQuery.parameters`; a
reference removed by its URL, `$ref?@id={}`, is kept as it is; keys and arguments written `{}`, the `graph.` alias
spelled `microsoft.graph.`) and handed to `graphgen dump-model --format urls --reaching`, which walks the client's
request builders for each one. S defaults to the whole v1.0 import (.build-bench/graph-v1.yaml, made from
../shared/csdl if missing). Prints the share reached, and what is missing by kind; --list KIND prints those URLs.
The SDK is generated from newer metadata than ../shared/csdl, so a few of its URLs name types the file lacks.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("GRAPHGEN", os.path.join(ROOT, ".build", "release", "graphgen"))
CSDL = os.path.join(os.path.dirname(ROOT), "shared", "csdl", "graph-v1.0.csdl")


def normalized(template):
    path = template[len("{+baseurl}"):]
    path = re.sub(r"\{\?[^}]*\}$", "", path)
    path = re.sub(r"\?[^@].*$", "", path)
    path = re.sub(r"'\{[^}]*\}'", "{}", path)
    path = re.sub(r"\{[^}]*\}", "{}", path)
    return re.sub(r"(^|/)graph\.", r"\1microsoft.graph.", path)


def kind(url):
    segments = url.split("/")
    last = segments[-1]
    if last == "$count":
        return "$count"
    if last == "$ref":
        return "$ref"
    if last in ("$value", "content"):
        return "media ($value, content)"
    if len(segments) > 1 and "(" in segments[1] and "=" in segments[1]:
        return "alternate key at a root"
    if "=" in last:
        return "call with arguments (overloads, alternate keys on navigation)"
    if any(re.match(r"microsoft\.graph\.[A-Za-z]+\.", segment) for segment in segments):
        return "qualified name of another namespace"
    if any(segment.startswith("microsoft.graph.") for segment in segments):
        return "below a type cast"
    if any(segment.endswith(")") for segment in segments[:-1]):
        return "below a function's result (composable functions)"
    return "other paths"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sdk")
    parser.add_argument("--schema", default=os.path.join(ROOT, ".build-bench", "graph-v1.yaml"))
    parser.add_argument("--list", metavar="KIND")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "-c", "release", "--product", "graphgen"], cwd=ROOT, check=True)
    if not os.path.exists(args.schema):
        os.makedirs(os.path.dirname(args.schema), exist_ok=True)
        subprocess.run([BINARY, "schema", "import", "--csdl", CSDL, "--output", args.schema], check=True)
    grep = subprocess.run(["git", "-C", args.sdk, "grep", "-h", "-o", r'"{+baseurl}[^"]*"', "HEAD"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    templates = sorted({normalized(line.strip('"')) for line in grep.stdout.decode().splitlines() if line.strip()})
    if not templates:
        sys.exit(f"no URL templates found in {args.sdk}")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as wanted:
        wanted.write("\n".join(templates) + "\n")
    result = subprocess.run([BINARY, "dump-model", "--schema", args.schema, "--format", "urls", "--reaching", wanted.name],
                            stdout=subprocess.PIPE, check=True, cwd=tempfile.gettempdir())
    os.unlink(wanted.name)
    missing = [line for line in result.stdout.decode().splitlines() if line and not line.startswith("reached ")]
    reached = len(templates) - len(missing)
    print(f"Kiota URL templates: {len(templates)}; reached {reached} ({100 * reached / len(templates):.1f}%)")
    by_kind = collections.Counter(kind(url) for url in missing)
    all_kinds = collections.Counter(kind(url) for url in templates)
    for name, total in all_kinds.most_common():
        print(f"  {name}: {total - by_kind.get(name, 0)} of {total} reached")
    if args.list:
        for url in missing:
            if kind(url).startswith(args.list):
                print(url)


if __name__ == "__main__":
    main()
