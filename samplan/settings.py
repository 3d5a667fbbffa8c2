"""The settings model of `samplan.yaml`, validated like the plan (config.py reads it).

```yaml
severity:          # a rule's severity: error, warning, note, or off
  SP111: note
ignore: [SP116]    # the same as severity off; a single code may stand alone
words: [TrykFonden, bandepakkerne]   # the repository's own words, for the spelling rules
lang: da           # the language of samplan's messages: da (default) or en
site:              # how the published pages present the district
  publisher: Fyns Politi
  logo: assets/logo.svg            # an SVG or PNG file in the repository
  contact: "Fyns Politi, Thomas B. Thriges Gade 34, 5000 Odense C, tlf. 114"
  base_url: https://samarbejdsplaner.fyns-politi.dk/
```

Shape only, as in the plan model: whether a rule code exists and whether the logo is a
file of the repository are judged by config.py, which knows the rules and the files.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from samplan.modelbase import ShortText, Strict, Url

SeverityName = Literal["error", "warning", "note", "off"]
Language = Literal["da", "en"]
LOGO_SUFFIXES = (".svg", ".png")


def _one_or_many(value: Any) -> Any:
    """A single string stands for a one-item list (`ignore: SP116`)."""
    return [value] if isinstance(value, str) else value


class SiteSettings(Strict):
    """How the published pages present the district."""

    publisher: ShortText | None = Field(
        None,
        description="Who publishes the plans, e.g. 'Fyns Politi': shown in the header, "
        "the page titles and the PDF instead of 'samplan'.",
    )
    logo: ShortText | None = Field(
        None,
        description="An SVG or PNG file in the repository, relative to samplan.yaml; "
        "copied into the output folder and shown in the header.",
    )
    contact: ShortText | None = Field(
        None, description="A contact line shown at the foot of every page."
    )
    base_url: Url | None = Field(
        None,
        description="The public address of the published site, e.g. "
        "https://samarbejdsplaner.example.dk/: canonical links and sitemap.xml.",
    )


class Settings(Strict):
    """The whole of samplan.yaml."""

    severity: dict[str, SeverityName] | None = Field(
        None, description="A rule's severity by code: error, warning, note or off."
    )
    ignore: Annotated[list[str], BeforeValidator(_one_or_many)] | None = Field(
        None, description="Rule codes to switch off (a list, or a single code)."
    )
    words: Annotated[list[ShortText], BeforeValidator(_one_or_many)] | None = Field(
        None, description="The repository's own words, never flagged by the spelling rules."
    )
    lang: Language | None = Field(
        None, description="The language of samplan's messages: da (default) or en."
    )
    site: SiteSettings | None = Field(None, description="How the published pages look.")
