"""Danish wording of the model's values, as the published plans write them."""

from __future__ import annotations

from samplan.model import Initiative, Person

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
