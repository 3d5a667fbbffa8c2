"""Meeting frequency: how often a body or forum meets, in the seeds' Danish wording.

Accepted forms (see SPEC.md)::

    meetings: 4                     # exactly 4 a year   -> "4"
    meetings: {min: 4}              # at least 4 a year  -> "Min. 4"
    meetings: {min: 2, max: 3}      # 2 to 3 a year      -> "2-3"
    meetings: {max: 2}              # at most 2 a year   -> "Max. 2"
    meetings: {min: 4, note: "2 i 2007"}              # -> "Min. 4 (2 i 2007)"
    meetings: ad-hoc                # or as-needed, locally-decided, weekly, monthly, quarterly
    meetings: {keyword: quarterly, note: "ét møde holdes ude i kredsen"}
                                    # -> "Kvartalsvis (ét møde holdes ude i kredsen)"

Each keyword may also be written in Danish as the plan writes it: `ad hoc`, `efter behov`,
`besluttet lokalt`, `ugentligt`, `månedligt`, `kvartalsvis`.
"""

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Keyword = Literal["ad-hoc", "as-needed", "locally-decided", "weekly", "monthly", "quarterly"]

KEYWORD_DA: dict[str, str] = {
    "ad-hoc": "Ad hoc",
    "as-needed": "Efter behov",
    "locally-decided": "Besluttet lokalt",
    "weekly": "Ugentligt",
    "monthly": "Månedligt",
    "quarterly": "Kvartalsvis",
}

# The Danish way of writing each keyword (any case), and "ad hoc" written with a space.
KEYWORD_FROM_DA: dict[str, str] = {
    **{en: en for en in KEYWORD_DA},
    **{da.casefold(): en for en, da in KEYWORD_DA.items()},
    "adhoc": "ad-hoc",
}
WRITTEN_KEYWORDS = (*KEYWORD_DA, *(da.casefold() for da in KEYWORD_DA.values()))


def keyword_of(text: str) -> str | None:
    """The stored keyword for a keyword written in English or Danish, or None."""
    word = " ".join(text.split())
    if word in KEYWORD_DA:
        return word
    return KEYWORD_FROM_DA.get(word.casefold())


# How many meetings a year a keyword guarantees at least (for rules such as "min. 4").
KEYWORD_MIN_PER_YEAR: dict[str, int] = {"weekly": 52, "monthly": 12, "quarterly": 4}


class Meetings(BaseModel):
    """A typed meeting frequency; build it from any form in the module docstring."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built in Plan

    min: int | None = Field(default=None, ge=0, le=366)
    max: int | None = Field(default=None, ge=0, le=366)
    keyword: Keyword | None = None
    note: str | None = Field(default=None, max_length=200)

    @model_validator(mode="before")
    @classmethod
    def _from_short_form(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("give a number of meetings a year, a range or a keyword")
        if isinstance(data, int):
            return {"min": data, "max": data}
        if isinstance(data, str):
            text = data.strip()
            if text.isascii() and text.isdigit():
                return {"min": int(text), "max": int(text)}
            keyword = keyword_of(text)
            if keyword is not None:
                return {"keyword": keyword}
            raise ValueError(_not_a_frequency(text))
        if isinstance(data, dict) and isinstance(data.get("keyword"), str):
            keyword = keyword_of(data["keyword"])
            if keyword is None:
                raise ValueError(_not_a_frequency(data["keyword"]))
            return {**data, "keyword": keyword}
        return data

    @model_validator(mode="after")
    def _check_consistent(self) -> Self:
        counted = self.min is not None or self.max is not None
        if counted == (self.keyword is not None):
            raise ValueError("give either a count (min/max) or a keyword, not both or neither")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self

    @property
    def at_least(self) -> int | None:
        """The guaranteed number of meetings a year, when one is known."""
        if self.keyword is not None:
            return KEYWORD_MIN_PER_YEAR.get(self.keyword)
        return self.min

    def danish(self) -> str:
        """Render as the seeds write it: '4', 'Min. 4', '2-3', 'Ad hoc'."""
        if self.keyword is not None:
            text = KEYWORD_DA[self.keyword]
        elif self.min is not None and self.min == self.max:
            text = str(self.min)
        elif self.min is not None and self.max is not None:
            text = f"{self.min}-{self.max}"
        elif self.min is not None:
            text = f"Min. {self.min}"
        else:
            text = f"Max. {self.max}"
        return f"{text} ({self.note})" if self.note else text

    def __str__(self) -> str:
        return self.danish()


def _not_a_frequency(text: str) -> str:
    import difflib

    near = difflib.get_close_matches(text.casefold(), WRITTEN_KEYWORDS, n=1, cutoff=0.6)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return (
        f"'{text}' is not a meeting frequency{hint}; use a number, {{min: N}}, "
        f"{{min: N, max: M}} or one of: {', '.join(KEYWORD_DA)}"
    )


def input_json_schema() -> dict[str, Any]:
    """The JSON Schema of what a plan file may write for `meetings`."""
    return {
        "description": "Meetings a year: a number, {min, max, note} or a keyword.",
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"enum": list(WRITTEN_KEYWORDS)},
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "min": {"type": "integer", "minimum": 0},
                    "max": {"type": "integer", "minimum": 0},
                    "keyword": {"enum": list(WRITTEN_KEYWORDS)},
                    "note": {"type": "string"},
                },
            },
        ],
    }
