"""Presidio-compatible routes: POST /v1/presidio/analyze and /v1/presidio/anonymize take
Presidio's request shapes and answer in its response shapes, so a Presidio client switches
by changing its base URL. Underneath they are /v1/detect and a redaction of the caller's
results, with the same authentication, limits and audit.

Differences (docs/api.md): entity names are Presidio's where Presidio has the type
(LOCATION for ADDRESS, DATE_TIME for DATE_OF_BIRTH) and Veil's otherwise; `hash` is an
HMAC-SHA256 with the tenant's key whatever `hash_type` says (a plain hash of a phone number
is reversed by trying every number); `encrypt`/`decrypt`/`custom` operators, the request's
global `context` and `correlation_id` are accepted where harmless and otherwise refused.
"""

from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictStr,
    ValidationError,
    model_validator,
)

from veil.api.models import (
    AdHocPattern,
    ContextWords,
    DenyListTerm,
    DetectRequest,
    DetectResponse,
    PatternName,
    PatternRegex,
    PatternScore,
    Terms,
)
from veil.detection.engine import resolve_overlaps
from veil.detection.entities import Entity, EntityType
from veil.detection.options import MAX_PATTERNS
from veil.http.limits import MAX_BODY_BYTES, MAX_ENTITY_FILTERS
from veil.redaction.operators import DEFAULT, AnyOperator, Hash, Keep, Mask, Redact, Replace

# Veil's type -> Presidio's name, where they differ; every other type keeps its name.
_TO_PRESIDIO = {EntityType.ADDRESS: "LOCATION", EntityType.DATE_OF_BIRTH: "DATE_TIME"}
_FROM_PRESIDIO = {name: kind for kind, name in _TO_PRESIDIO.items()}


def presidio_name(kind: EntityType) -> str:
    return _TO_PRESIDIO.get(kind, kind.value)


def veil_type(name: str) -> EntityType:
    """Presidio's name for a type as Veil's; ValueError for names with no Veil type."""
    if name in _FROM_PRESIDIO:
        return _FROM_PRESIDIO[name]
    return EntityType(name)


def _known_name(name: str) -> str:
    try:
        veil_type(name)
    except ValueError:
        # Not repeated: the caller may have put anything there.
        raise ValueError("not an entity type this service detects (see docs/entities.md)") from None
    return name


type PresidioEntityName = Annotated[str, Field(max_length=64), AfterValidator(_known_name)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PatternSpec(_Strict):
    name: PatternName
    regex: Annotated[PatternRegex, Field(repr=False)]
    score: PatternScore = 0.8


class AdHocRecognizer(_Strict):
    name: str = Field(max_length=64)
    supported_language: Literal["en"] = "en"
    supported_entity: PresidioEntityName
    patterns: Annotated[list[PatternSpec], Field(max_length=MAX_PATTERNS)] = []
    deny_list: Annotated[Terms, Field(repr=False)] = []
    context: ContextWords = []


class AnalyzeRequest(_Strict):
    text: Annotated[StrictStr, Field(max_length=MAX_BODY_BYTES, repr=False)]
    language: Literal["en"] = "en"
    entities: Annotated[list[PresidioEntityName] | None, Field(max_length=MAX_ENTITY_FILTERS)] = (
        None
    )
    score_threshold: Annotated[float, Field(ge=0.0, le=1.0, strict=True)] = 0.0
    return_decision_process: StrictBool = False
    ad_hoc_recognizers: Annotated[list[AdHocRecognizer], Field(max_length=MAX_PATTERNS)] = []
    allow_list: Annotated[Terms, Field(repr=False)] = []
    correlation_id: Annotated[str | None, Field(max_length=128)] = None

    _detect: DetectRequest = PrivateAttr()  # set by validation

    @model_validator(mode="after")
    def _translate(self) -> Self:
        """The same request in Veil's terms, built while validating so that a bad ad-hoc
        pattern is a 422 like any other invalid field."""
        patterns, deny = [], []
        try:
            for recognizer in self.ad_hoc_recognizers:
                kind = veil_type(recognizer.supported_entity)
                patterns += [
                    AdHocPattern(
                        name=p.name,
                        type=kind,
                        regex=p.regex,
                        score=p.score,
                        context=recognizer.context,
                    )
                    for p in recognizer.patterns
                ]
                deny += [DenyListTerm(value=v, type=kind) for v in recognizer.deny_list]
            self._detect = DetectRequest(
                text=self.text,
                entities=[veil_type(n) for n in self.entities] if self.entities else None,
                score_threshold=self.score_threshold,
                allow_list=self.allow_list,
                deny_list=deny,
                patterns=patterns,
                explain=self.return_decision_process,
            )
        except ValidationError as error:
            # Locations and messages only: pydantic's own text would quote the input.
            reasons = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
            )
            raise ValueError(f"ad_hoc_recognizers: {reasons}") from None
        return self

    def as_detect_request(self) -> DetectRequest:
        return self._detect


class AnalysisExplanation(BaseModel):
    recognizer: str
    pattern_name: str | None
    pattern: str | None
    original_score: float
    score: float
    textual_explanation: str | None
    score_context_improvement: float
    supportive_context_word: str
    validation_result: bool | None


class RecognizerResult(BaseModel):
    entity_type: str
    start: int
    end: int
    score: float
    analysis_explanation: AnalysisExplanation | None = None
    recognition_metadata: dict[str, str] = {}


def analyze_results(response: DetectResponse) -> list[RecognizerResult]:
    results = []
    for e in response.entities:
        why = e.explanation
        results.append(
            RecognizerResult(
                entity_type=presidio_name(e.type),
                start=e.start,
                end=e.end,
                score=e.score,
                recognition_metadata={"recognizer_name": why.recognizer if why else "veil"},
                analysis_explanation=None
                if why is None
                else AnalysisExplanation(
                    recognizer=why.recognizer,
                    pattern_name=why.recognizer,
                    pattern=why.pattern or None,
                    original_score=why.base_score,
                    score=why.score,
                    textual_explanation=f"{presidio_name(e.type)} by {why.recognizer}",
                    score_context_improvement=round(why.score - why.base_score, 4),
                    supportive_context_word=why.context_word or "",
                    validation_result=True if why.validator else None,
                ),
            )
        )
    return results


class AnalyzerResult(_Strict):
    start: Annotated[int, Field(ge=0, strict=True)]
    end: Annotated[int, Field(ge=0, strict=True)]
    score: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    entity_type: PresidioEntityName


class OperatorConfig(_Strict):
    """Presidio's operator objects; `hash_type` is accepted and ignored (see module doc)."""

    type: Literal["replace", "redact", "mask", "hash", "keep"]
    new_value: Annotated[str | None, Field(max_length=256)] = None
    masking_char: Annotated[str, Field(min_length=1, max_length=1)] = "*"
    chars_to_mask: Annotated[int | None, Field(ge=0, strict=True)] = None
    from_end: StrictBool = False
    hash_type: Literal["sha256", "sha512", "md5"] | None = None

    def operator(self) -> AnyOperator:
        match self.type:
            case "replace":
                return Replace(new_value=self.new_value)
            case "redact":
                return Redact()
            case "mask":
                return Mask(
                    masking_char=self.masking_char,
                    chars_to_mask=self.chars_to_mask,
                    from_end=self.from_end,
                )
            case "hash":
                return Hash()
            case "keep":
                return Keep()


class AnonymizeRequest(_Strict):
    text: Annotated[StrictStr, Field(max_length=MAX_BODY_BYTES, repr=False)]
    analyzer_results: Annotated[list[AnalyzerResult], Field(max_length=10_000)]
    anonymizers: Annotated[dict[str, OperatorConfig], Field(max_length=64)] = {}

    @model_validator(mode="after")
    def _operator_names(self) -> Self:
        for name in self.anonymizers:
            if name != DEFAULT:
                _known_name(name)
        return self

    @model_validator(mode="after")
    def _spans_inside_text(self) -> Self:
        for index, r in enumerate(self.analyzer_results):
            if not r.start < r.end <= len(self.text):
                raise ValueError(f"analyzer_results[{index}] does not lie inside the text")
        return self

    def entities(self) -> list[Entity]:
        """The caller's results as entities, overlaps resolved by Veil's rules."""
        return resolve_overlaps(
            Entity(veil_type(r.entity_type), r.start, r.end, r.score, "caller")
            for r in self.analyzer_results
        )

    def operators(self) -> dict[str, AnyOperator]:
        return {
            k if k == DEFAULT else veil_type(k).value: v.operator()
            for k, v in self.anonymizers.items()
        }


class AnonymizedItem(BaseModel):
    start: int
    end: int
    entity_type: str
    text: str = Field(repr=False)
    operator: str


class AnonymizeResponse(BaseModel):
    text: str = Field(repr=False)
    items: list[AnonymizedItem]
