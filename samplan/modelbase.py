"""What every model of the plan format is built from: strict models, the shorthand of a
model written as one string, and the constrained text, id and year types."""

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Text = Annotated[str, StringConstraints(max_length=50_000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
Year = Annotated[int, Field(ge=1900, le=2200)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]


def with_property(
    schema: JsonSchemaValue,
    handler: GetJsonSchemaHandler,
    name: str,
    make: Callable[[JsonSchemaValue], JsonSchemaValue],
) -> JsonSchemaValue:
    """Replace one property of a generated model schema by `make(generated)`."""
    target = handler.resolve_ref_schema(schema)
    target["properties"][name] = make(target["properties"][name])
    return schema


class Strict(BaseModel):
    """Base of every model: unknown keys are an error. Built when first used (defer_build):
    the Plan builds every model it holds at once, not each model first on its own."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Shorthand(Strict):
    """A model that may also be written as a single string, stored in `_short_field`."""

    _short_field: ClassVar[str] = ""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {cls._short_field: data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        full = handler(core_schema)
        return {"anyOf": [{"type": "string"}, full]}
