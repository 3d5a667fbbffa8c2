"""A word that the Danish dictionary does not know (optional: off unless switched on).

Every title and prose text of the plan is spell-checked with hunspell and its Danish
dictionary, and each unknown word gets the dictionary's suggestions. Abbreviations in
capitals (SSP, KSP), addresses, the official terms and registry names, and the
repository's own word list are not checked:

    # samplan.yaml
    severity: {SP119: note}            # switch the spell-check on
    words: [TrykFonden, bandepakkerne]  # words the dictionary does not know

Where hunspell or the Danish dictionary is not installed (Debian: hunspell,
hunspell-da), the rule says once per plan that it did not run.

Covers: what the plan states wrongly (its spelling; a note).
Source: good practice (the published plans are read by the public).
First plan year: 2007.

Passing::

    text: Kredsrådet arbejder med temadrøftelser om en aktuel problemstilling.

Failing::

    text: Kredsrådet arbejder med temadrøftelser om en aktuell problemstilling.
"""

from __future__ import annotations

from collections.abc import Iterator

from samplan.lexicon import name_forms, term_forms, words
from samplan.locale import listed, t
from samplan.rules.base import Context, Finding

CODE = "SP119"
NAME = "danish-spelling"
SEVERITY = "off"  # opt-in: `severity: {SP119: note}` in samplan.yaml
SOURCE = "good practice"
FIRST_YEAR = 2007
WHOLE_PLAN = False


def _checked(word: str) -> bool:
    return len(word) > 2 and not word.isupper() and not any(c.isupper() for c in word[1:])


def check(ctx: Context) -> Iterator[Finding]:
    from samplan import spelling  # it runs a program: imported only when switched on

    missing = spelling.unavailable()
    if missing is not None:
        yield Finding(t("rule.danish-spelling.not-run", reason=missing), ())
        return
    known = {w.casefold() for w in (*ctx.words, *term_forms(), *name_forms())}
    places = []
    for path, text, _ in ctx.prose:
        for word, offset in words(text):
            if word.casefold() in known:
                continue
            at = offset
            for part in word.split("-"):
                if _checked(part) and part.casefold() not in known:
                    followed = text[at + len(part) : at + len(part) + 1]
                    places.append((path, part, at, part + followed if followed == "." else part))
                at += len(part) + 1
    try:
        unknown = spelling.misspelt(w for _, part, _, dot in places for w in {part, dot})
    except spelling.SpellingError as err:
        yield Finding(t("rule.danish-spelling.not-run", reason=err), ())
        return
    for path, word, offset, with_dot in places:
        if word in unknown and with_dot in unknown:  # 'bl.', 'mv.': abbreviations with a dot
            near = [repr(s) for s in unknown[word][:3]]
            hint = (
                t("rule.danish-spelling.help-near", words=listed(near, "or"))
                if near
                else t("rule.danish-spelling.help")
            )
            message = t("rule.danish-spelling", word=word)
            yield Finding(message, path, hint, offset=offset)
