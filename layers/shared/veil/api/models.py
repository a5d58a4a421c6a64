"""Request and response bodies of /v1/detect and /v1/redact."""

from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator, model_validator

from veil.detection import EntityType, default_engine
from veil.http.limits import MAX_BODY_BYTES, MAX_ENTITY_FILTERS, MAX_OPERATORS
from veil.redaction.operators import DEFAULT, Operator


class DetectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # repr=False on every field that holds personal data: libraries log models (Powertools
    # does at DEBUG), and a repr must never carry the text.
    text: Annotated[
        StrictStr, Field(max_length=MAX_BODY_BYTES, description="Text to scan.", repr=False)
    ]
    entities: Annotated[
        list[EntityType] | None,
        Field(max_length=MAX_ENTITY_FILTERS, description="Only these types (default: all)."),
    ] = None
    score_threshold: Annotated[float, Field(ge=0.0, le=1.0, strict=True)] = 0.0
    language: Annotated[str, Field(pattern="^en$", description="Only 'en' for now.")] = "en"

    @field_validator("entities")
    @classmethod
    def _supported(cls, entities: list[EntityType] | None) -> list[EntityType] | None:
        if entities is not None:
            unsupported = sorted(set(entities) - default_engine().supported_types)
            if unsupported:
                raise ValueError(f"not detected by this version: {', '.join(unsupported)}")
        return entities


class RedactRequest(DetectRequest):
    operators: Annotated[
        dict[str, Operator],
        Field(max_length=MAX_OPERATORS, description="Operator per entity type, or DEFAULT."),
    ] = {}

    @model_validator(mode="after")
    def _operator_keys(self) -> Self:
        if any(k != DEFAULT and k not in EntityType for k in self.operators):
            # The keys are not repeated: a caller may have put personal data in one.
            raise ValueError("operators may be named only by entity types or DEFAULT")
        return self


class Range(BaseModel):
    start: int
    end: int


class DetectedEntity(BaseModel):
    type: EntityType
    start: int = Field(description="Code-point offset (Python str index), inclusive.")
    end: int = Field(description="Code-point offset, exclusive.")
    score: float
    utf16: Range = Field(description="The same span in UTF-16 code units (JavaScript, Java).")
    utf8: Range = Field(description="The same span in UTF-8 bytes (Go, Rust).")


class DetectResponse(BaseModel):
    entities: list[DetectedEntity]
    providers: list[str] = Field(description="The detection providers that answered.")
    degraded: bool = Field(
        description="True when an enabled provider did not answer; the rest still did."
    )
    request_id: str


class RedactResponse(DetectResponse):
    redacted_text: str = Field(repr=False)
