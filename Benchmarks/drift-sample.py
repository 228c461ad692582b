#!/usr/bin/env python3
"""Draws a fixed-seed sample of drift findings for classification by hand.

usage: graphgen drift --schema SCHEMA --pages PAGES --format json > report.json
       python3 Benchmarks/drift-sample.py report.json [--count 100] [--seed 27]

Prints a Markdown table (rule, place, message, and an empty verdict column) to fill in: "real" when the page
and the schema (or two pages) truly disagree, "misread" when GraphGen read the page wrongly.
"""
import argparse
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("report")
parser.add_argument("--count", type=int, default=100)
parser.add_argument("--seed", type=int, default=27)
options = parser.parse_args()
findings = json.load(open(options.report))["findings"]
random.seed(options.seed)
print("| # | rule | place | message | verdict |")
print("|---:|---|---|---|---|")
for number, finding in enumerate(random.sample(findings, min(options.count, len(findings))), 1):
    place = f"{finding['file'].split('/')[-1]}:{finding['line']}"
    message = finding["message"].replace("|", "\\|")[:200]
    print(f"| {number} | {finding['rule']} | {place} | {message} | |")
