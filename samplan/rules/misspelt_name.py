"""A district's or municipality's name misspelt in a title or in prose.

The names of the police districts and of their municipalities (the registry shipped with
samplan) are written as the registry writes them. A capitalised word one slip from a name
(a letter swapped, dropped, added or replaced: 'Ikast-Brandø', 'Vestjyllnads') gets the
right name suggested. Names of six letters or more are compared, since too many ordinary
words lie one slip from a short name; Danish words and place names one slip from a name
('Henning', 'Frederiksborg') and the repository's own `words` (samplan.yaml) are never
flagged. Municipalities in `municipalities` lists are judged by `unknown-municipality`.

Covers: what the plan states wrongly (its spelling; a note).
Source: the registry of police districts and municipalities shipped with samplan.
First plan year: 2007.

Passing::

    text: Lokalrådet dækker Ikast-Brande og Herning.

Failing::

    text: Lokalrådet dækker Ikast-Brandø og Herning.
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.lexicon import name_slips
from samplan.locale import t
from samplan.rules.base import Context, Finding

CODE = "SP118"
NAME = "misspelt-name"
SEVERITY = "note"
SOURCE = "the registry of police districts"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def check(ctx: Context) -> Iterator[Finding]:
    for path, text, tokens in ctx.prose:
        for slip in name_slips(text, ctx.known_words, tokens):
            yield Finding(
                t("rule.misspelt", word=slip.word),
                path,
                t("rule.misspelt.help", word=slip.right),
                offset=slip.offset,
            )
