"""samplan's messages in Danish and English: gettext catalogs keyed by message id.

The code names a message by its id and its parameters (`t("config.unknown-code",
code="SP999")`); the sentences stand in the catalogs `samplan/locale/<lang>/LC_MESSAGES/
samplan.po`, compiled to `.mo` files that are committed (so an install needs no Babel).
`make locale` extracts the ids with Babel, merges them into both catalogs and compiles
them; tests/test_locale.py holds every id to a Danish and an English text.

The language is Danish unless `--lang en` or `lang: en` in samplan.yaml says otherwise;
the CLI sets it once with `use_language` before any message is made. click's own words
("Usage:", "Missing argument", "Show this message and exit.") speak it too: their
Danish stands in `samplan/locale/da/LC_MESSAGES/click.po`, extracted from the installed
click by `make locale`.

A rule converts the same way: its `Finding(t("rule.kredsraad-chair.missing", body=...),
help=t("rule.kredsraad-chair.missing.help"))`; `make locale` then adds the ids to both
catalogs, and tests/test_locale.py's UNCONVERTED list loses the module.
"""

from __future__ import annotations

import datetime as dt
import gettext
import inspect
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
DOMAIN = "samplan"
CLICK_DOMAIN = "click"  # the catalog of click's own words (see _click_speaks)
HELP_DOMAIN = "help"  # the commands' --help texts, keyed by their English (help_text)
CATALOGS = Path(__file__).resolve().parent
# One language for the process, threads included (samplan serve rebuilds in a thread).
_chosen: list[Language] = ["da"]


def N_(msgid: str) -> str:
    """Mark `msgid` as a message id for extraction where it is chosen, not shown."""
    return msgid


def use_language(lang: Language) -> None:
    """Make every following message speak `lang`, click's own words included."""
    _chosen[0] = lang
    _click_speaks(lang)


def _click_speaks(lang: Language) -> None:
    """click's own words ("Usage:", "Missing argument") in `lang`.

    click marks them for the standard gettext functions of the default text domain,
    whose language the standard library takes from $LANGUAGE; samplan makes its catalog
    of click's words (`click.po`, Danish only: click's ids are its English) that domain
    and names the chosen language there, as gettext's own `textdomain` is meant to be
    used by the program, not the library."""
    gettext.bindtextdomain(CLICK_DOMAIN, str(CATALOGS))
    gettext.textdomain(CLICK_DOMAIN)
    os.environ["LANGUAGE"] = lang


def language() -> Language:
    return _chosen[0]


@cache
def catalog(lang: Language) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; an id without a text is shown as the id itself."""
    return gettext.translation(DOMAIN, localedir=CATALOGS, languages=[lang], fallback=True)


def _filled(text: str, params: dict[str, object]) -> str:
    """`text` with its `{name}` fields filled; a field the code does not give stays
    visible rather than failing (tests/test_locale.py keeps code and catalogs in step)."""
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def help_text(english: str) -> str:
    """A command's or option's help (`--help`) in the current language. The English is
    the code's own (the command's docstring, the option's help=) and is the message id;
    the Danish stands in `da/LC_MESSAGES/help.po`, whose ids `make locale` collects from
    the command line (scripts/help_ids.py)."""
    if language() == "en":
        return english
    key = inspect.cleandoc(english)
    text = catalog_of(HELP_DOMAIN, language()).gettext(key)
    return english if text == key else text


@cache
def catalog_of(domain: str, lang: Language) -> gettext.NullTranslations:
    return gettext.translation(domain, localedir=CATALOGS, languages=[lang], fallback=True)


def t(msgid: str, /, **params: object) -> str:
    """The message `msgid` in the current language, with its parameters filled in."""
    return _filled(catalog(language()).gettext(msgid), params)


def tn(msgid: str, plural_id: str, n: int, /, **params: object) -> str:
    """A message about `n` things, in the grammatical number `n` asks for (`{n}`)."""
    return _filled(catalog(language()).ngettext(msgid, plural_id, n), {"n": n, **params})


def date_text(day: dt.date) -> str:
    """A date as the current language writes it in a sentence: '1. marts 2025',
    '1 March 2025' (the month names are catalog texts, `month.1` to `month.12`)."""
    return t("date", day=day.day, month=t(MONTHS[day.month - 1]), year=day.year)


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """Items as prose in the current language: 'Odense, Nyborg og Ærø'."""
    if len(items) < 2:
        return "".join(items)
    last = t("list.or") if conjunction == "or" else t("list.and")
    return ", ".join(items[:-1]) + last + items[-1]


MONTHS = (
    N_("month.1"),
    N_("month.2"),
    N_("month.3"),
    N_("month.4"),
    N_("month.5"),
    N_("month.6"),
    N_("month.7"),
    N_("month.8"),
    N_("month.9"),
    N_("month.10"),
    N_("month.11"),
    N_("month.12"),
)


def decimal(value: float, places: int = 2) -> str:
    """A number with `places` decimals as the current language writes it: '0,42', '0.42'."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if language() == "da" else text
