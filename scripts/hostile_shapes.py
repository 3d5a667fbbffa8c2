"""A hostile-shaped plan for `make bench`: the shapes that once made a build superlinear.

- prose with long runs of blanks and tabs (a whole-text regular expression retried
  every blank of a run: a 200 KB plan took 42 s);
- an initiative with thousands of partners (the PDF's facts box, a CSS grid, was
  superlinear in its length: a 40 KB plan took 81 s).

`write_hostile_plan(folder, scale)` writes one valid plan of about `scale` × 100 KB into
`folder` (`data/<district>/<year>/`) and returns its size in bytes, so that the bench can
report time per MB of it beside the normal plan's. The bench helper calls it; nothing
here times anything.
"""

from __future__ import annotations

import json
from pathlib import Path

TEXT_MAX = 50_000  # the model's limit on one text field
PARTNERS_PER_SCALE = 2_000
SECTIONS_PER_SCALE = 2


def _blank_runs(n: int) -> str:
    """A text field just under the limit, mostly one run of blanks and tabs."""
    run = (" \t" * (TEXT_MAX // 2))[: TEXT_MAX - 200]
    return f"Afsnit {n} begynder her.{run}Og det slutter  \t  her.\n\n{' ' * 100}Slut."


def hostile_plan_text(scale: int = 1, district: str = "fyns-politi", year: int = 2020) -> str:
    """The YAML of the hostile-shaped plan (JSON scalars are valid YAML)."""
    lines = [f"district: {district}", f"year: {year}", "title: Samarbejdsplan (fjendtlig form)"]
    lines.append("sections:")
    for n in range(SECTIONS_PER_SCALE * scale):
        lines += [f"  - title: Afsnit {n}", f"    text: {json.dumps(_blank_runs(n))}"]
    partners = [f"Samarbejdspartner nummer {i}" for i in range(PARTNERS_PER_SCALE * scale)]
    lines += [
        "initiatives:",
        "  - title: Mange partnere",
        "    description: En indsats med meget lange lister.",
        f"    partners: {json.dumps(partners, ensure_ascii=False)}",
    ]
    return "\n".join(lines) + "\n"


def write_hostile_plan(folder: Path, scale: int = 1) -> int:
    """Write the plan as `folder/plan.yaml`; its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    data = hostile_plan_text(scale, folder.parent.name, int(folder.name)).encode("utf-8")
    (folder / "plan.yaml").write_bytes(data)
    return len(data)


def write_plans(data: Path) -> None:
    """The plans `make bench` times (scripts/bench.py's hook): the hostile shape at two
    scales, as two years of one district, so that its cost per MB can be compared."""
    write_hostile_plan(data / "fyns-politi" / "2020", 1)
    write_hostile_plan(data / "fyns-politi" / "2021", 4)


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/fyns-politi/2020")
    print(write_hostile_plan(target, int(sys.argv[2]) if len(sys.argv) > 2 else 1))
