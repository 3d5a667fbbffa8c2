"""`samplan diff`: the semantic changes from one plan to another, in Danish.

The steps, each a module, top to bottom:

* `plans`: which plans are compared (two years of a repository, or two folders), loaded
  and compared pair by pair;
* `compare`: the walk over both plans, part by part, entity by entity;
* `matching`: which entities correspond (by id; leftovers by content, as renamed);
  shared with rule SP115; `renames` finds the renamed through an index;
* `fields`: which fields an entity has and when two values are equal (equal values are
  never compared part by part);
* `gatherings`: members and representatives, and dated meetings;
* `folding`: a change every entity of a part shares, said once;
* `values` and `wording`: values and sentences in Danish;
* `changes`: the change records and their JSON (SPEC's `diff --format json`);
* `words`: word-level changes of running text.

Rendering the result (text, Markdown, HTML, JSON) is `samplan.render.diffview`.
"""
