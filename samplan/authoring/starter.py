"""The starting plan `samplan init` writes: short, valid, and honest about what is open.

What the law fixes is filled in from the registry (the kredsråd: the politidirektør as
chair and the mayor of every municipality of the district, meeting at least four times a
year, discussing the plan and youth crime). What only the district can say is left as an
empty key with a comment saying what to write there; the check reports those keys
(SP106, SP108) until they are filled in. Comments are Danish: the secretariat reads them.
"""

from __future__ import annotations

from samplan.registry import District


def plan_files(district: District, year: int) -> dict[str, str]:
    """The files of the starting plan folder, by name."""
    return {
        "plan.yaml": _plan(district, year),
        "organisation.yaml": _organisation(district),
        "initiatives.yaml": _initiatives(year),
        "sections.yaml": _sections(district, year),
    }


def _plan(district: District, year: int) -> str:
    return f"""\
# Samarbejdsplanen for {district.name} for {year} (retsplejelovens § 113).
# Alle YAML-filer i denne mappe udgør tilsammen planen; `samplan check` tjekker dem.
district: {district.id}
year: {year}
title: Samarbejdsplan {year} for {district.name}
issued_by:
  title: Politidirektør
  # name: politidirektørens navn
effective_from: {year}-01-01
# Skriv datoen, når kredsrådet har drøftet planen, fx {year - 1}-12-01:
discussed_in_kredsraad:
# Skriv, hvor og hvornår planen er offentliggjort,
# fx {{date: {year}-01-02, url: https://politi.dk/{district.id}}}:
published:
"""


def _organisation(district: District) -> str:
    mayors = "".join(
        f"      - {{title: borgmester, municipality: {m.short}}}\n" for m in district.municipalities
    )
    names = ", ".join(m.short for m in district.municipalities)
    return f"""\
# Samarbejdets organisation. Kredsrådet består af politidirektøren og borgmestrene i
# politikredsens kommuner (retsplejelovens § 111). Tilføj lokalråd, kontaktudvalg og
# sekretariat som flere punkter under bodies.
bodies:
  - id: kredsraad
    title: Kredsrådet
    kind: kredsråd
    level: strategic
    chair: politidirektør
    meetings: {{min: 4}}
    agenda: [samarbejdsplan, ungdomskriminalitet]
    municipalities: [{names}]
    members:
      - politidirektør
{mayors}"""


def _initiatives(year: int) -> str:
    return f"""\
# Årets indsatsområder og initiativer. Skriv dem her, fx:
#
# initiatives:
#   - id: tryghed-i-nattelivet
#     title: Tryghed i nattelivet
#     status: new          # new, continued (med since: {year - 1}) eller ended
#     priority: local      # local eller national
#     description: |
#       Hvad politiet og kommunerne gør sammen i {year}.
"""


def _sections(district: District, year: int) -> str:
    return f"""\
# Planens kapitler i den rækkefølge, de udgives. `include` viser organisationen
# (bodies), samarbejdsfora (fora) eller initiativerne (initiatives) i et kapitel.
sections:
  - id: indledning
    title: Indledning
    text: |
      Politidirektøren udarbejder hvert år en plan for samarbejdet mellem politiet og
      kommunerne, andre offentlige myndigheder, interesseorganisationer, foreninger mv. i
      politikredsen. Planen offentliggøres af politidirektøren efter forudgående
      drøftelse i kredsrådet (retsplejelovens § 113).

      Denne plan beskriver samarbejdet i {district.name} i {year}.
  - id: organisation
    title: Organisering af samarbejdet
    include: bodies
"""
