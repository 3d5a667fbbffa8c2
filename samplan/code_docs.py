"""What `samplan rules CODE` says about the codes that are not rules: the loader's and
the build's (SP0xx, samplan.diagnostics) and the check engine's SP117.

Each explanation says what is wrong and what to do; the rules (SP1xx) are documented
in their own module docstrings. A test checks that every code samplan prints is here.
"""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {
    "SP001": "A plan file is not valid YAML, so nothing in it can be read. The message "
    "points at the line where the parser gave up; the mistake is often on the line "
    "before: a missing colon, a wrong indentation, an unclosed quote or bracket. Text "
    "with a colon followed by a space is quoted: title: 'Plan: 2026'.",
    "SP002": "A key stands twice in one mapping. YAML would silently keep only the last "
    "one, so samplan refuses the file; keep one of them.",
    "SP003": "The file uses a YAML feature that plan files do not allow: a tag (!!str), "
    "an anchor or alias (&a, *a), a merge key (<<) or a second document (---). They "
    "make a file say something other than what a reader sees; write the value out.",
    "SP004": "A plan file holds a list or a single value instead of a mapping of plan "
    "keys. Start the file with keys such as 'title: ...' or 'bodies:'.",
    "SP005": "The same top-level key stands in two files of one plan folder. The files of "
    "a folder together form one plan, so each key may stand in one file only; move the "
    "entries into one of them.",
    "SP006": "A key the plan format does not know, usually a misspelling or a key in the "
    "wrong place. The help line suggests the nearest known key; `samplan schema` and "
    "docs/plan-format.md list every key.",
    "SP007": "A required key is missing: district, year and title for the plan, a title "
    "for every entity, kind and level for a body. The finding points at the mapping "
    "that should hold it.",
    "SP008": "A value of the wrong type or form: a text where a list is expected, a date "
    "that is not ISO (write 2026-01-01), a level or status outside its vocabulary. The "
    "help line says what is expected.",
    "SP009": "The plan's district or year differs from its folder "
    "(data/<district-id>/<year>/). Move the plan or correct the value.",
    "SP010": "Two entities of one kind (bodies, fora, initiatives or sections) have the "
    "same id. Ids tie an entity to the same entity in other years' plans; give each its "
    "own.",
    "SP011": "A file cannot be read: it is not UTF-8 text, it is not a regular file, or "
    "it links to a place outside the repository (outside the plan folder, for a folder "
    "named from elsewhere). Save it as UTF-8 and keep it inside the repository.",
    "SP012": "A folder under the data folder is not a plan folder: the district's folders "
    "hold one folder per year, named by the year (2026), each with .yaml files.",
    "SP013": "A plan exceeds one of samplan's limits (file size, files in a folder, "
    "nesting depth, the length of a text, the number of plans); see 'Limits' in the "
    "README. Split or shorten the plan.",
    "SP014": "A district id that is not one of the 12 police districts of the registry. "
    "The help line suggests the nearest id (nordjyllands-politi, fyns-politi, ...).",
    "SP015": "An id in `include` or `secretariat` names no entity of the plan. Use the id "
    "of one of the plan's bodies, fora or initiatives; the help line suggests one.",
    "SP016": "A template could not be rendered: an error in the repository's own "
    "templates (or a limit of the template sandbox). The message points at the "
    "template's line; the previous output of the plan is unchanged.",
    "SP017": "A key or value holds a character that a reader cannot see or that changes "
    'how text reads: a control character (also written as an escape such as "\\e"), '
    "a line or paragraph separator, or a text-direction override. Delete it.",
    "SP018": "A plan's output could not be written (a full disk, a read-only folder). "
    "The previous output is unchanged; make the output folder writable and build again.",
    "SP019": "A file in a plan folder that samplan does not read, though its name looks "
    "like a plan file (x.YAML, x.yaml~, x.json). If it is part of the plan, name it .yaml "
    "or .yml; otherwise move it out of the plan folder.",
    "SP117": "A `# samplan: ignore[CODE]` comment suppresses nothing on its line: the "
    "finding it was written for is gone, or the code is not the one reported there. "
    "Remove the code from the comment (or the whole comment).",
}
