"""Stopgap validator (until the loader lands): merge a plan folder and validate it."""

import sys
from pathlib import Path

import yaml

from samplan.model import Plan

for folder in sys.argv[1:]:
    merged: dict[str, object] = {}
    for f in sorted(Path(folder).glob("*.yaml")):
        data = yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        for k, v in data.items():
            if k in merged:
                sys.exit(f"{f}: key {k} defined twice")
            merged[k] = v
    plan = Plan.model_validate(merged)
    counts = {k: len(v) for k, v in plan.entity_lists()}
    print(folder, "OK", counts)
