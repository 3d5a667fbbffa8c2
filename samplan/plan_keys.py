"""What every key of the plan format means: one text, shown by the editor (the JSON
Schema of `samplan schema`) and printed in docs/plan-format.md (its key reference is
generated from these texts, and tests/test_plan_schema.py holds the two together).

Keys are named by the model that defines them; a key shared by bodies and fora is
written once, under `Gathering`, a key of every entity under `Entity`. A key of the
model without a text here fails the tests.
"""

from __future__ import annotations

KEYS: dict[str, dict[str, str]] = {
    "Plan": {
        "district": "The district's id from the registry (fyns-politi, ...); must match the "
        "plan's folder.",
        "year": "The plan's year; must match the plan's folder.",
        "title": "The plan's title, as the document writes it.",
        "subtitle": "A line under the title.",
        "source": "What the document is (plan, excerpt, summary, news) and where it came "
        "from; rules that need the whole plan do not judge a partial one.",
        "issued_by": "Who issues (signs) the plan: the politidirektør, a person, a role or "
        "the district as an organisation.",
        "discussed_in_kredsraad": "That the kredsråd discussed the plan (retsplejeloven "
        "§ 113): its date, YYYY-MM-DD, or yes where the plan gives none.",
        "approved_by_kredsraad": "That the kredsråd approved the plan: its date, YYYY-MM-DD, "
        "or yes where the plan gives none.",
        "effective_from": "When the plan takes effect, as YYYY-MM-DD.",
        "published": "Where and when the plan was published (retsplejeloven § 113), or yes "
        "where the plan only says that it is.",
        "municipalities": "The municipalities the plan covers, by their short names.",
        "parties": "The other parties of the plan (authorities, organisations), as it names them.",
        "numbered": "Whether the plan's chapters are numbered (default yes); a section may "
        "say otherwise.",
        "bodies": "The organisation: kredsråd, kontaktudvalg, lokalråd, secretariats, ...",
        "fora": "The cooperation fora: SSP, PSP, KSP, banderåd, beredskabskommission, ...",
        "initiatives": "The focus areas and initiatives of the year.",
        "sections": "The prose chapters, in document order, and where the structured parts "
        "appear among them.",
    },
    "Entity": {
        "id": "Ties the entity to the same entity in other years' plans: lower-case a-z, "
        "digits and '-'; derived from the title when absent.",
        "title": "The entity's title, as the plan writes it.",
    },
    "Gathering": {
        "category": "A grouping, as the plan writes it (1. Kontakt med lokalsamfundet m.v.).",
        "topic": "What it deals with (the plan's 'Emne').",
        "description": "The plan's prose about it (Markdown).",
        "level": "Its level: strategic, tactical, operative or staff.",
        "chair": "Who chairs it: a person or a role.",
        "vice_chair": "Who is vice-chair: a person or a role.",
        "municipalities": "The municipalities it covers, by their short names.",
        "meetings": "Meetings a year: a number, {min, max, note} or a keyword (ad-hoc, "
        "as-needed, locally-decided, weekly, monthly, quarterly).",
        "meeting_dates": "Its dated meetings: dates YYYY-MM-DD, or {date, municipality, note}.",
        "agenda": "Recurring agenda topics, from a fixed vocabulary (ungdomskriminalitet, "
        "samarbejdsplan, redegoerelse, ...).",
        "legal_basis": "The law it rests on, as the plan writes it (Retsplejelovens § 111).",
        "since": "The year it started.",
    },
    "Body": {
        "kind": "What kind of body: kredsråd, kontaktudvalg, koordinationsudvalg, lokalråd, "
        "lokalråd+, sekretariat, beredskabsstab or andet.",
        "members": "Its members: persons or roles.",
        "secretariat": "The id of the body that is its secretariat.",
    },
    "Forum": {
        "representatives": "Who represents the police and the partners: persons or roles.",
    },
    "Initiative": {
        "status": "new, continued or ended.",
        "since": "The year it started.",
        "priority": "national or local.",
        "rank": "Its rank, when the plan ranks the initiatives.",
        "category": "A grouping, used by a section's include.",
        "description": "The plan's prose about it (Markdown).",
        "partners": "Who it works with.",
        "municipalities": "The municipalities it covers, by their short names.",
        "initiatives": "Its sub-initiatives (numbered 3.1.1, 3.1.2, ...).",
    },
    "Section": {
        "text": "The chapter's text (Markdown).",
        "include": "Where bodies, fora or initiatives appear in this chapter: a part name or "
        "{part, ids, category, status, layout}, or a list of them.",
        "text_after": "Text after what the chapter includes (Markdown).",
        "sections": "Its subsections.",
        "numbered": "Whether the chapter is numbered (default: the plan's numbered).",
    },
    "Person": {
        "name": "The person's name.",
        "title": "The person's title or role (politidirektør, borgmester, ...).",
        "municipality": "The municipality the person represents.",
        "organisation": "The organisation the person represents.",
        "on_behalf_of": "The signature line as written (På vegne af Fyns Politi).",
        "note": "A note, as the plan writes it.",
    },
    "AgendaItem": {
        "topic": "The topic, from the fixed vocabulary.",
        "note": "A note, as the plan writes it.",
    },
    "MeetingDate": {
        "date": "The meeting's date, YYYY-MM-DD.",
        "municipality": "The municipality the meeting is for.",
        "note": "A note, as the plan writes it.",
    },
    "Published": {
        "date": "When the plan was published, YYYY-MM-DD.",
        "where": "Where it was published, as the plan says (www.politi.dk).",
        "url": "The address of the publication: https://...",
    },
    "Include": {
        "part": "bodies, fora or initiatives.",
        "ids": "Only these entities, by id.",
        "category": "Only the entities of this category.",
        "status": "Only the initiatives of this status.",
        "layout": "table or chapters (default: fora as a table, the others as chapters).",
    },
    "Source": {
        "kind": "What the document is: plan (the full plan), excerpt, summary or news "
        "(Danish words accepted).",
        "title": "The document's title, as it stands.",
        "url": "Where the document was found: https://...",
        "retrieved": "When it was retrieved, YYYY-MM-DD.",
        "note": "A note about the source.",
    },
    "Meetings": {
        "keyword": "A frequency in words: ad-hoc, as-needed, locally-decided, weekly, "
        "monthly or quarterly (Danish words accepted), with a note.",
        "min": "At least this many meetings a year.",
        "max": "At most this many meetings a year.",
        "note": "A note, as the plan writes it (2 i 2007).",
    },
}
