"""Request and response bodies of /v1/detect and /v1/redact."""

from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    StrictBool,
    StrictStr,
    field_validator,
    model_validator,
)

from veil.detection import EntityType, default_engine
from veil.detection import options as detection
from veil.http.limits import MAX_BODY_BYTES, MAX_ENTITY_FILTERS, MAX_OPERATORS
from veil.redaction.documents import FIELD_SELECTOR
from veil.redaction.operators import DEFAULT, Operator

# Field types shared with the Presidio-compatible shapes (veil.api.presidio_compat).
type Term = Annotated[StrictStr, Field(min_length=1, max_length=detection.MAX_TERM_LENGTH)]
type Terms = Annotated[list[Term], Field(max_length=detection.MAX_LIST_TERMS)]
# A type alias cannot carry repr=False (pydantic ignores it there): every field of these
# types that may hold personal data says it again, so no model repr shows the values.
type PatternName = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")]
type PatternRegex = Annotated[
    StrictStr,
    Field(
        min_length=1,
        max_length=detection.MAX_PATTERN_LENGTH,
        description="RE2 syntax: no backreferences or lookaround.",
    ),
]
type PatternScore = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]
type ContextWords = Annotated[
    list[Annotated[str, Field(pattern=r"^[^\W\d_]{1,40}$")]],
    Field(max_length=20, description="Words that raise the score when near a match."),
]


class AdHocPattern(BaseModel):
    """A caller's own pattern, compiled per request with the engine's linear-time regex."""

    model_config = ConfigDict(extra="forbid")

    name: PatternName
    type: EntityType = Field(description="The canonical type its matches are reported as.")
    regex: Annotated[PatternRegex, Field(repr=False)]
    score: PatternScore = 0.8
    context: ContextWords = []


class DenyListTerm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Annotated[Term, Field(repr=False)]
    type: EntityType


class DetectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # repr=False on every field that holds personal data: libraries log models (Powertools
    # does at DEBUG), and a repr must never carry the text.
    text: Annotated[
        StrictStr | None,
        Field(max_length=MAX_BODY_BYTES, description="Text to scan.", repr=False),
    ] = None
    document: Annotated[
        JsonValue,
        Field(
            description="A JSON value to scan instead of text: every string (and integer of "
            "9+ digits), keeping structure and key order; keys are not scanned.",
            repr=False,
        ),
    ] = None
    fields: Annotated[
        list[Annotated[str, Field(pattern=FIELD_SELECTOR.pattern, max_length=256)]] | None,
        Field(
            max_length=64,
            description="With document: only strings at or below these paths "
            "($.user.email, $.items[*].note).",
        ),
    ] = None
    entities: Annotated[
        list[EntityType] | None,
        Field(max_length=MAX_ENTITY_FILTERS, description="Only these types (default: all)."),
    ] = None
    score_threshold: Annotated[float, Field(ge=0.0, le=1.0, strict=True)] = 0.0
    language: Annotated[
        Literal["en"], Field(description="Only 'en' for now; others are refused with 422.")
    ] = "en"
    allow_list: Annotated[Terms, Field(description="Values never reported.", repr=False)] = []
    deny_list: Annotated[
        list[DenyListTerm],
        Field(max_length=detection.MAX_LIST_TERMS, description="Values always reported."),
    ] = []
    patterns: Annotated[list[AdHocPattern], Field(max_length=detection.MAX_PATTERNS)] = []
    explain: StrictBool = Field(
        default=False, description="Add to each entity how it was found and scored."
    )
    _compiled: tuple[detection.CustomPattern, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _text_or_document(self) -> Self:
        if (self.text is None) == (self.document is None):
            raise ValueError("send either text or document")
        if self.fields is not None and self.document is None:
            raise ValueError("fields select parts of a document")
        return self

    @model_validator(mode="after")
    def _compile_patterns(self) -> Self:
        compiled = []
        for index, p in enumerate(self.patterns):
            try:
                compiled.append(
                    detection.custom_pattern(p.name, p.type, p.regex, p.score, p.context)
                )
            except detection.PatternError as error:
                # The pattern is not repeated: it may hold a value the caller looks for.
                raise ValueError(f"patterns[{index}].regex is {error}") from None
        self._compiled = tuple(compiled)
        return self

    def options(self) -> detection.Options:
        return detection.Options(
            entities=frozenset(self.entities) if self.entities is not None else None,
            score_threshold=self.score_threshold,
            allow_list=frozenset(self.allow_list),
            deny_list=tuple(detection.DenyTerm(t.value, t.type) for t in self.deny_list),
            patterns=self._compiled,
            explain=self.explain,
        )

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


class Explanation(BaseModel):
    recognizer: str = Field(description="Which recognizer found it (custom:NAME, deny_list).")
    pattern: str = Field(description="The recognizer's pattern.")
    validator: str | None = Field(description="The check the match passed, if any.")
    base_score: float
    context_word: str | None = Field(description="The nearby word that raised the score.")
    score: float


class DetectedEntity(BaseModel):
    path: str | None = Field(
        default=None, description="For documents: the string's path; offsets are within it."
    )
    type: EntityType
    start: int = Field(description="Code-point offset (Python str index), inclusive.")
    end: int = Field(description="Code-point offset, exclusive.")
    score: float
    utf16: Range = Field(description="The same span in UTF-16 code units (JavaScript, Java).")
    utf8: Range = Field(description="The same span in UTF-8 bytes (Go, Rust).")
    explanation: Explanation | None = Field(
        default=None, description="Only when the request asked for `explain`."
    )


class DetectResponse(BaseModel):
    entities: list[DetectedEntity]
    providers: list[str] = Field(description="The detection providers that answered.")
    degraded: bool = Field(
        description="True when an enabled provider did not answer; the rest still did."
    )
    request_id: str


class RedactResponse(DetectResponse):
    redacted_text: str | None = Field(default=None, repr=False, description="For text.")
    redacted_document: JsonValue = Field(default=None, repr=False, description="For documents.")


class ReidentifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[
        StrictStr,
        Field(
            max_length=MAX_BODY_BYTES,
            description="Text holding <ENCRYPTED:TYPE:…> tokens from the encrypt operator.",
            repr=False,
        ),
    ]


class ReidentifyResponse(BaseModel):
    text: str = Field(repr=False, description="The text with each token's original value.")
    reidentified: int = Field(description="Tokens turned back into their values.")
    failed: int = Field(
        description="Tokens left as they were: altered, another tenant's, or another key's."
    )
    request_id: str
