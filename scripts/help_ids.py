"""Write samplan/locale/help.pot: the English help of every command and option of the
command line and the rules' summaries, the message ids of the Danish `--help` and
`samplan rules` (run by `make locale`)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from samplan.cli import main
from samplan.cli.group import help_ids

ROOT = Path(__file__).resolve().parent.parent


def main_() -> int:
    catalog = Catalog(project="samplan", fuzzy=False)
    for text in sorted(help_ids(main)):
        catalog.add(text)
    with (ROOT / "samplan" / "locale" / "help.pot").open("wb") as pot:
        write_po(pot, catalog, width=100, omit_header=True, no_location=True, sort_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
