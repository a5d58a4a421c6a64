"""Recognizers of identity numbers and birth dates: US, UK, Canadian and Indian."""

from stdnum.ca import sin
from stdnum.gb import nhs
from stdnum.in_ import aadhaar, pan

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import NOT_PERSONAL, Recognizer, words

_SSN = words("ssn ssns social security")

# Birth words of the languages our users write most after English ("Geburtsdatum",
# "date de naissance", "fecha de nacimiento").
_BIRTH = words(
    "born birth dob birthday birthdate bday geburtsdatum geboren naissance née nacimiento "
    "nascita fødselsdato födelsedatum geboortedatum syntymäaika urodzenia"
)

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        "us_ssn",
        EntityType.US_SSN,
        r"[0-8][0-9]{2}-[0-9]{2}-[0-9]{4}|[0-8][0-9]{2} [0-9]{2} [0-9]{4}",
        0.85,
        validators.us_ssn,
        context=_SSN,
    ),
    Recognizer(
        "us_ssn_compact",
        EntityType.US_SSN,
        r"[0-8][0-9]{8}",
        0.5,
        validators.us_ssn,
        context=_SSN,
        needs_context=True,
    ),
    Recognizer(
        "us_itin",
        EntityType.US_ITIN,
        r"9[0-9]{2}-[0-9]{2}-[0-9]{4}|9[0-9]{2} [0-9]{2} [0-9]{4}",
        0.85,
        validators.us_itin,
        context=words("itin taxpayer tax"),
    ),
    Recognizer(
        "us_itin_compact",
        EntityType.US_ITIN,
        r"9[0-9]{8}",
        0.5,
        validators.us_itin,
        context=words("itin taxpayer"),
        needs_context=True,
    ),
    Recognizer(
        "us_passport",
        EntityType.US_PASSPORT,
        r"[A-Z]?[0-9]{8,9}",
        0.45,
        context=words("passport passports"),
        needs_context=True,
    ),
    Recognizer(
        "us_driver_license",
        EntityType.US_DRIVER_LICENSE,
        # Letters and digits of most states, Illinois' dashed groups, digits only, and
        # Washington's "WDL" numbers (issued since 2018).
        r"[A-Z]{1,2}[0-9]{4,13}|[A-Z][0-9]{3}-[0-9]{3,4}-[0-9]{3,4}(?:-[0-9]{1,3}){0,2}|[0-9]{7,12}"
        r"|WDL[0-9A-Z]{9}",
        0.45,
        context=words("driver drivers driving license licence dl dln lic"),
        needs_context=True,
    ),
    Recognizer(
        "date_of_birth",
        EntityType.DATE_OF_BIRTH,
        r"[0-9]{4}[./\-][0-9]{1,2}[./\-][0-9]{1,2}|[0-9]{1,2}[./\-][0-9]{1,2}[./\-](?:[0-9]{4}|[0-9]{2})"
        r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? [0-9]{1,2}"
        r"(?:st|nd|rd|th)?,? [0-9]{4}"
        r"|[0-9]{1,2}(?:st|nd|rd|th)? (?:of )?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]{0,6}\.?,? [0-9]{4}",
        0.5,
        validators.birth_date,
        context=_BIRTH,
        needs_context=True,
        # Other events dated on the same line: "born 1959-02-11, admitted on 2026-10-30".
        against=words(
            "admitted discharged appointment visit seen issued expires expiry due created "
            "updated joined hired started"
        ),
    ),
    Recognizer(
        "uk_nino",
        EntityType.UK_NINO,
        r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]",
        0.85,
        validators.uk_nino,
        context=words("nino ni insurance national"),
    ),
    Recognizer(
        "uk_nhs",
        EntityType.UK_NHS,
        r"[0-9]{3} [0-9]{3} [0-9]{4}|[0-9]{3}-[0-9]{3}-[0-9]{4}",
        0.5,
        validators.whole(nhs.is_valid),
        context=words("nhs health patient"),
        against=NOT_PERSONAL,
    ),
    Recognizer(
        "uk_nhs_compact",
        EntityType.UK_NHS,
        r"[0-9]{10}",
        0.45,
        validators.whole(nhs.is_valid),
        context=words("nhs"),
        needs_context=True,
    ),
    Recognizer(
        "ca_sin",
        EntityType.CA_SIN,
        r"[1-79][0-9]{2}[ -][0-9]{3}[ -][0-9]{3}",
        0.55,
        validators.all_of(validators.one_separator, validators.whole(sin.is_valid)),
        context=words("sin social insurance nas"),
        against=NOT_PERSONAL,
    ),
    Recognizer(
        "ca_sin_compact",
        EntityType.CA_SIN,
        r"[1-79][0-9]{8}",
        0.45,
        validators.whole(sin.is_valid),
        context=words("sin insurance nas"),
        needs_context=True,
    ),
    Recognizer(
        "in_aadhaar",
        EntityType.IN_AADHAAR,
        r"[2-9][0-9]{3} [0-9]{4} [0-9]{4}|[2-9][0-9]{3}-[0-9]{4}-[0-9]{4}",
        0.6,
        validators.whole(aadhaar.is_valid),
        context=words("aadhaar aadhar uidai uid"),
        against=NOT_PERSONAL,
    ),
    Recognizer(
        "in_aadhaar_compact",
        EntityType.IN_AADHAAR,
        r"[2-9][0-9]{11}",
        0.45,
        validators.whole(aadhaar.is_valid),
        context=words("aadhaar aadhar uidai uid"),
        needs_context=True,
    ),
    Recognizer(
        "in_pan",
        EntityType.IN_PAN,
        r"[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]",
        0.8,
        validators.whole(pan.is_valid),
        context=words("pan income tax"),
    ),
)
