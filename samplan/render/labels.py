"""Danish wording of the model's values, as the published plans write them."""

from __future__ import annotations

import datetime as dt

from samplan.model import Initiative, Person, Published, Source
from samplan.text import danish_date

LEVEL = {
    "strategic": "Strategisk niveau",
    "tactical": "Taktisk niveau",
    "operative": "Operativt niveau",
    "staff": "Stabsfunktion",
}
KIND = {
    "kredsråd": "Kredsråd",
    "kontaktudvalg": "Kontaktudvalg",
    "koordinationsudvalg": "Koordinationsudvalg",
    "lokalråd": "Lokalråd",
    "lokalråd+": "Lokalråd+",
    "sekretariat": "Sekretariat",
    "beredskabsstab": "Beredskabsstab",
    "andet": "Andet",
}
AGENDA = {
    "ungdomskriminalitet": "Udviklingen i ungdomskriminaliteten",
    "samarbejdsplan": "Samarbejdsplanen",
    "redegoerelse": "Politidirektørens redegørelse for politiets virksomhed",
    "indsatsomraader": "Indsatsområderne for det kommende år",
    "kriminalitetsudvikling": "Udviklingen i kriminaliteten",
    "beredskab": "Beredskab",
    "kommunikation": "Kommunikation",
    "evaluering": "Evaluering",
    "handlingsplan": "Handlingsplanen",
    "temadroeftelse": "Temadrøftelser",
}
PRIORITY = {"national": "National", "local": "Lokal"}


def fact(value: bool | dt.date | None) -> str | None:
    """A fact stated with or without its date: '20. december 2010', 'Ja', 'Nej'."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    return danish_date(value)


def publication(published: Published | bool | None) -> str | None:
    """'3. januar 2011, www.politi.dk'; 'Ja' for `published: yes`; None for `{}`."""
    if not isinstance(published, Published):
        return fact(published)
    parts = (published.date and danish_date(published.date), published.where, published.url)
    return ", ".join(x for x in parts if x) or None


def source(said: Source | None) -> str | None:
    """What the document is, as the page names it, with its title and address."""
    return str(said) if said is not None else None


def person(p: Person) -> str:
    """'Arne Gram, politidirektør, Fyns Politi'; 'borgmester (Odense)'."""
    text = ", ".join(part for part in (p.name, p.title, p.organisation) if part)
    if p.municipality:
        text += f" ({p.municipality})"
    if p.note:
        text += f" – {p.note}"
    return text


def status(initiative: Initiative, year: int) -> str | None:
    if initiative.status == "new":
        return f"Ny indsats i {year}"
    if initiative.status == "continued":
        return f"Videreført fra {initiative.since}" if initiative.since else "Videreført"
    if initiative.status == "ended":
        return "Afsluttet"
    return f"Siden {initiative.since}" if initiative.since else None


def priority(initiative: Initiative) -> str | None:
    parts = []
    if initiative.priority:
        parts.append(f"{PRIORITY[initiative.priority]} prioritet")
    if initiative.rank:
        parts.append(f"nr. {initiative.rank}")
    return ", ".join(parts).capitalize() if parts else None
