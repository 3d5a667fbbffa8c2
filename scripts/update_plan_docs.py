"""Rewrite the key reference of docs/plan-format.md from samplan/plan_keys.py."""

from __future__ import annotations

from pathlib import Path

from samplan.plan_schema import keys_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plan-format.md"
START, END = "<!-- keys: generated from samplan/plan_keys.py -->", "<!-- keys: end -->"


def main() -> None:
    text = DOCS.read_text("utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.write_text(f"{head}{START}\n\n{keys_markdown().strip()}\n\n{END}{tail}", "utf-8")


if __name__ == "__main__":
    main()
