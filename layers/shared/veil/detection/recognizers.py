"""Pattern recognizers: one small, self-describing unit per pattern.

A recognizer is a linear-time RE2 pattern (no backreferences, no lookaround, bounded
repetitions), a base score, and a validator that confirms or trims each match. Word
boundaries are checked in code (`bounded`), not with a leading `\\b`, which would defeat
RE2's literal prefix acceleration.

To add one: append a `Recognizer` to `RECOGNIZERS`, with positive and negative examples in
tests/unit/test_recognizers.py.
"""

from dataclasses import dataclass

from stdnum import bic, bitcoin
from stdnum.ca import sin
from stdnum.gb import nhs
from stdnum.in_ import aadhaar, pan
from stdnum.us import rtn

from veil.detection import names, validators
from veil.detection.context import WORDS_BEFORE
from veil.detection.entities import EntityType
from veil.detection.validators import Validator


@dataclass(frozen=True, slots=True)
class Recognizer:
    name: str
    entity_type: EntityType
    pattern: str
    score: float
    validate: Validator | None = None
    bounded: bool = True  # the match may not touch a letter or digit (any script) on either side
    # Words near the value that raise its score (veil.detection.context); with
    # `needs_context`, a value without one of them is not reported at all.
    context: frozenset[str] = frozenset()
    needs_context: bool = False
    context_reach: int = WORDS_BEFORE  # how many words away a supporting word may be
    # Words that mark a look-alike ("order 0123 456 789"): the value is dropped when one of
    # them, no further than `against_reach` words away, is nearer than any supporting word.
    against: frozenset[str] = frozenset()
    against_reach: int = WORDS_BEFORE
    # Context only from structure: the header of the value's table column or the key of
    # the document it is the value of, never the words around it; and the match must be
    # the whole field ("Jane" under `first_name`, not "Order" inside a name's sentence).
    label_only: bool = False


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DIGIT_SEP = r"[ -]?"

# Look-alikes of identifiers: numbers that order, ship, version or count things.
_NOT_PERSONAL = words(
    "order orders invoice tracking isbn sku serial ref reference ticket case build version po "
    "shipment parcel item product transaction txn confirmation receipt part model batch lot"
)
_PHONE = words(
    "phone phones tel telephone mobile cell call fax contact whatsapp sms text ring dial reach"
)
_SSN = words("ssn ssns social security")
# Labels of identity and account numbers: digits they label are no phone number ("SIN 046
# 454 286" is also a Dutch number's shape).
_ID_LABELS = words("ssn sin nhs nino passport iban aadhaar itin account acct")
# Birth words of the languages our users write most after English ("Geburtsdatum",
# "date de naissance", "fecha de nacimiento").
_BIRTH = words(
    "born birth dob birthday birthdate bday geburtsdatum geboren naissance née nacimiento "
    "nascita fødselsdato födelsedatum geboortedatum syntymäaika urodzenia"
)

# A capitalised word of a name: "Lee", "McDonald", "O'Brien", "Smith-Jones", "Zoë".
_NAME_WORD = r"(?:\p{Lu}['\x{2019}])?\p{Lu}\p{Ll}+(?:-?\p{Lu}\p{Ll}+){0,2}"
_NAME = (
    _NAME_WORD
    + r"(?:(?: \p{Lu}\.)?"
    + f"(?: (?:{'|'.join(sorted(names.PARTICLES))})){{0,2}} "
    + _NAME_WORD
    + "){1,3}"
)
# Labels after which the next capitalised words are a name, on the lists or not ("Patient:
# Jhalak Majumdar"), in forms, tickets, payments and records.
_NAME_LABELS = words(
    "name patient customer client employee applicant signed attn contact beneficiary payee "
    "payer recipient sender assignee reporter requester reviewer approver witness spouse "
    "guardian kin insured policyholder borrower landlord driver caller candidate attendee "
    "attendees participant participants"
)
# Words that support a name whose first name or surname is on the lists: the labels above,
# titles, and roles that precede a name less strictly ("manager Ann Lee").
_PERSON = (
    _NAME_LABELS
    | names.TITLES
    | words(
        "dear names tenant guest passenger member manager agent user cardholder author owner "
        "buyer seller traveller traveler student physician nurse doctor therapist interviewer "
        "interviewee speaker organizer organiser"
    )
)

# Right before a run of capitals, these make it the name of a thing or a place ("the Golden
# Gate Bridge", "our Grand Rapids office"), not of a person.
_DETERMINERS = words("the a an this that these those our your their its")

# The people in someone's life, and the roles people are named by: after these a known
# first name is a name ("my wife Nadia", "agent Renata", "nurse Amaka").
_RELATIONS = words(
    "wife husband partner spouse son daughter mother father mom mum dad brother sister aunt "
    "uncle cousin niece nephew grandson granddaughter grandmother grandfather friend colleague "
    "coworker boss manager neighbour neighbor fiancé fiancée girlfriend boyfriend"
)
_ROLES = words(
    "agent rep representative advisor adviser officer nurse doctor technician engineer "
    "driver courier caller teacher tutor coach therapist counsellor counselor assistant "
    "receptionist pharmacist dentist surgeon consultant specialist midwife carer caregiver"
)

# Street suffixes of USPS Publication 28 (full and standard abbreviations) and their
# common British, German and French forms.
_STREET_SUFFIX = (
    "Alley|Aly|Annex|Arcade|Avenue|Ave|Bayou|Beach|Bend|Bluff|Bottom|Boulevard|Blvd|Branch|"
    "Bridge|Brook|Burg|Bypass|Camp|Canyon|Cape|Causeway|Center|Ctr|Circle|Cir|Cliff|Close|Club|"
    "Common|Corner|Course|Court|Ct|Cove|Creek|Crescent|Cres|Crest|Crossing|Crossroad|Curve|"
    "Xing|Dale|Dam|"
    "Divide|Drive|Dr|Estate|Estates|Expressway|Expy|Extension|Falls|Ferry|Field|Fields|Flat|"
    "Flats|Ford|Forest|Forge|Fork|Fort|Freeway|Fwy|Garden|Gardens|Gateway|Glen|Green|Grove|"
    "Harbor|Haven|Heights|Hts|Highway|Hwy|Hill|Hills|Hollow|Inlet|Island|Isle|Junction|Key|"
    "Knoll|Lake|Lakes|Landing|Lane|Ln|Light|Lights|Loaf|Lock|Locks|Lodge|Loop|Mall|Manor|"
    "Meadow|Meadows|Mews|Mill|Mills|Mission|Motorway|Mount|Mountain|Neck|Orchard|Oval|"
    "Overpass|Park|Parkway|Pkwy|Pass|Path|Pike|Pine|Pines|Place|Pl|Plain|Plains|Plaza|Point|"
    "Points|Port|Ports|Prairie|Radial|Ramp|Ranch|Rapid|Rapids|Rest|Ridge|Ridges|River|Road|Rd|"
    "Roads|Route|Row|Rue|Run|Shoal|Shoals|Shore|Shores|Skyway|Spring|Springs|Spur|Square|Sq|"
    "Station|Stravenue|Stream|Street|St|Streets|Summit|Terrace|Ter|Throughway|Trace|Track|"
    "Trafficway|Trail|Trl|Tunnel|Turnpike|Underpass|Union|Valley|Via|Viaduct|View|Views|Village|"
    "Ville|Vista|Walk|Wall|Way|Well|Wells"
)
_CITY = r"\p{Lu}[\p{L}\-']+(?: \p{Lu}[\p{L}\-']+){0,2}"
_US_ZIP_TAIL = r"(?:,? ?\n?" + _CITY + r",? [A-Z]{2},? [0-9]{5}(?:-[0-9]{4})?)"
# "…, Montréal, QC H3H 1G7": a city, a province and a postal code.
_CA_POSTAL_TAIL = (
    r"(?:,? ?\n?" + _CITY + r",? (?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT) "
    r"[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9])"
)
_UK_POSTCODE_TAIL = r"(?:,? ?\n?" + _CITY + r",? [A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})"
_SPEAKER = _NAME_WORD + f"(?: {_NAME_WORD}){{0,2}}"  # a chat line's speaker
# An Eircode ("D02 X285", "P31 X2Y3"), after a Dublin postal district or a town (and county).
_EIRCODE = r"(?:[ACDEFHKNPRTVWXY][0-9]{2}|D6W) ?[0-9ACDEFHKNPRTVWXY]{4}"
_IE_PLACE = r"(?:,? ?\n?" + _CITY + r"(?:,? Co\.? \p{Lu}\p{Ll}+)?)"  # "Ballincollig, Co. Cork"
_IE_DISTRICT = r"(?:,? ?\n?Dublin [0-9]{1,2}W?)"
_IE_TAIL = (
    f"(?:{_IE_PLACE}?{_IE_DISTRICT}(?:,? {_EIRCODE})?|{_IE_PLACE}{_IE_DISTRICT}?,? {_EIRCODE})"
)
# "…, Fitzroy VIC 3065": a suburb, a state and a postcode.
_AU_TAIL = r"(?:,? ?\n?" + _CITY + r",? (?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT) [0-9]{4})"
_ADDRESS = (
    # "Unit 5, 42 Smith Street", "Flat 3, 10 Downing Street": the dwelling before the number.
    r"(?:(?:Unit|Flat|Apartment|Apt|Suite|Level) [0-9]{1,4}[A-Z]?,? )?"
    r"[0-9]{1,6}[A-Za-z]?,? (?:(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)\.? )?"
    r"(?:[0-9]{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{Ll}']+)(?: \p{Lu}[\p{Ll}']+){0,3} "
    # Plural forms ("Forks", "Estates") are USPS suffixes too; \b keeps "Estate" from
    # ending the match inside "Estates".
    f"(?:{_STREET_SUFFIX})s?" + r"\b\.?"
    r"(?: (?:NE|NW|SE|SW|N|S|E|W)\b\.?)?"
    r"(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Rm|Room|Flat|#)\.? ?#?"
    r"[0-9A-Z][0-9A-Z\-]{0,5})?"
    f"(?:{_US_ZIP_TAIL}|{_UK_POSTCODE_TAIL}|{_CA_POSTAL_TAIL}|{_IE_TAIL}|{_AU_TAIL})?"
)
# The street first, then its number: German, Dutch and Nordic forms ("Hauptstraße 5, 10115
# Berlin", "Keizersgracht 123, 1015 CJ Amsterdam", "Drottninggatan 53, 111 21 Stockholm").
# "Rue de la Paix 12" is rarer than "12 rue de la Paix, 75002 Paris".
_STREET_FIRST_ADDRESS = (
    r"(?:\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer"
    r"|straat|laan|gracht|plein|kade|gatan|gata|vägen|väg|gränd|torget|vej|gade|veien|vegen"
    r"|gaten|katu|tie)"
    r"|(?:\p{Lu}\p{Ll}+-)+(?:Straße|Strasse|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r" [0-9]{1,4}[a-z]?"
    r"(?:, ?(?:[0-9]{3} [0-9]{2}|[0-9]{4} ?[A-Z]{2}|[0-9]{4,5}) " + _CITY + ")?"
)
_FR_ADDRESS = (
    r"[0-9]{1,4}(?: ?bis| ?ter)?,? (?i:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|"
    r"route|cours) (?:(?:de la|de l'|du|des|de|d') ?)?\p{Lu}[\p{L}\-']+(?: \p{Lu}[\p{L}\-']+){0,3}"
    r"(?:, ?[0-9]{5} " + _CITY + "|" + _CA_POSTAL_TAIL + ")?"
)
# "12 MG Road, Bengaluru 560001": a street's first word may be initials (Mahatma Gandhi
# Road), so the city and PIN code must follow ("4 USB Ports" is no address).
_IN_ADDRESS = (
    r"[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})?,? (?:\p{Lu}{1,3}|\p{Lu}[\p{Ll}']+)"
    r"(?: \p{Lu}[\p{Ll}']+){0,3} (?:Road|Rd|Street|St|Marg|Nagar|Lane|Main|Cross|Layout)\.?"
    r",? ?\n?" + _CITY + r",? (?:- ?)?[1-9][0-9]{2} ?[0-9]{3}"
)
# "ul. Długa 12, 80-827 Gdańsk", "al. Jerozolimskie 65/79, 00-697 Warszawa".
_PL_ADDRESS = (
    r"(?:ul|al|pl|os)\. \p{Lu}[\p{L}\-']+(?: \p{Lu}[\p{L}\-']+){0,3} [0-9]{1,4}[a-z]?"
    r"(?:/[0-9]{1,4})?(?:, ?[0-9]{2}-[0-9]{3} " + _CITY + ")?"
)


def _hl7_field(pid: int, nk1: int | None = None) -> str:
    """An HL7 segment from its name up to field PID-`pid` (or NK1-`nk1`), which follows."""
    segments = [("PID", pid)] + ([("NK1", nk1)] if nk1 else [])
    fields = "|".join(f"{name}(?:\\|[^|\\r\\n]*){{{number - 1}}}" for name, number in segments)
    return f"(?:{fields})\\|"


_ADDRESS_CONTEXT = words(
    "address addresses live lives living lived reside resides residing ship shipping billing "
    "deliver delivery mail mailing located moved home street"
)

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        "email",
        EntityType.EMAIL_ADDRESS,
        # Unbounded here, the lengths are checked by the validator: counted repetitions of
        # Unicode classes make RE2's automaton a thousand times larger.
        r"[\pL\pN._%+\-]+@[\pL\pN\-]+(?:\.[\pL\pN\-]+)*\.\pL\pL+",
        0.95,
        validators.email_address,
    ),
    Recognizer(
        "credit_card",
        EntityType.CREDIT_CARD,
        r"[2-6][0-9]{3}" + f"(?:{_DIGIT_SEP}[0-9]){{8,15}}",
        0.95,
        validators.credit_card,
        context=words("card visa mastercard amex credit debit cc payment"),
        against=_NOT_PERSONAL,
    ),
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
        "iban",
        EntityType.IBAN_CODE,
        r"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}",
        0.95,
        validators.iban,
    ),
    Recognizer(
        "phone_international",
        EntityType.PHONE_NUMBER,
        r"(?:\+|00)[1-9][0-9 ().\-]{6,20}[0-9]",
        0.75,
        validators.phone_number("ZZ"),
        context=_PHONE,
    ),
    Recognizer(
        "phone_us",
        EntityType.PHONE_NUMBER,
        r"\(?[2-9][0-9]{2}\)?[ .\-]?[2-9][0-9]{2}[ .\-]?[0-9]{4}",
        0.7,
        validators.phone_number("US"),
        context=_PHONE,
        against=_NOT_PERSONAL | _ID_LABELS,
    ),
    Recognizer(
        # National formats without a trunk 0 (Spanish numbers, Italian and Indian mobiles),
        # found only where a label says "phone": alone they are digit groups like any other.
        "phone_labeled",
        EntityType.PHONE_NUMBER,
        r"[1-9][0-9]{1,3}(?:[ .\-][0-9]{2,4}){2,4}|[6-9][0-9]{4}[ \-]?[0-9]{5}",
        0.45,
        validators.labeled_phone_number,
        context=_PHONE,
        needs_context=True,
        against=_NOT_PERSONAL | _ID_LABELS,
    ),
    Recognizer(
        "phone_national",
        EntityType.PHONE_NUMBER,
        r"0[1-9][0-9 ()\-]{6,14}[0-9]",
        0.6,
        validators.national_phone_number,
        context=_PHONE,
        against=_NOT_PERSONAL | _ID_LABELS,
    ),
    Recognizer(
        "ipv4",
        EntityType.IP_ADDRESS,
        r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}",
        0.85,
        validators.ip_address,
        context=words("ip ipv addr address host client server remote source from"),
        against=words("version ver build release section chapter"),
    ),
    Recognizer(
        "ipv6",
        EntityType.IP_ADDRESS,
        r"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{1,34}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3})?",
        0.85,
        validators.ip_address,
    ),
    Recognizer(
        "url",
        EntityType.URL,
        r"(?i:https?|ftp)://[^\s<>\"'`]+|www\.[A-Za-z0-9\-]{1,63}\.[^\s<>\"'`]{2,}",
        0.6,
        validators.url,
    ),
    Recognizer(
        "aws_access_key",
        EntityType.AWS_ACCESS_KEY,
        r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
        0.95,
    ),
    Recognizer("github_token", EntityType.API_TOKEN, r"gh[pousr]_[A-Za-z0-9]{36,255}", 0.95),
    Recognizer(
        "github_fine_grained_token",
        EntityType.API_TOKEN,
        r"github_pat_[A-Za-z0-9_]{82}",
        0.95,
    ),
    Recognizer("slack_token", EntityType.API_TOKEN, r"xox[abposr]-[A-Za-z0-9\-]{10,250}", 0.95),
    Recognizer(
        "stripe_key",
        EntityType.API_TOKEN,
        r"(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,247}",
        0.95,
    ),
    Recognizer("google_api_key", EntityType.API_TOKEN, r"AIza[0-9A-Za-z_\-]{35}", 0.9),
    Recognizer("veil_api_key", EntityType.API_TOKEN, r"veil_[A-Za-z0-9]{40}", 0.95),
    Recognizer(
        "gitlab_token",
        EntityType.API_TOKEN,
        r"glpat-[A-Za-z0-9_\-]{20,64}",
        0.95,
        validators.varied,
    ),
    Recognizer("npm_token", EntityType.API_TOKEN, r"npm_[A-Za-z0-9]{36}", 0.95, validators.varied),
    Recognizer(
        "sendgrid_key",
        EntityType.API_TOKEN,
        r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}",
        0.95,
        validators.varied,
    ),
    Recognizer(
        "huggingface_token", EntityType.API_TOKEN, r"hf_[A-Za-z]{34}", 0.9, validators.varied
    ),
    Recognizer(
        "openai_key",
        EntityType.API_TOKEN,
        r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,250}|sk-[A-Za-z0-9]{48}",
        0.9,
        validators.varied,
    ),
    Recognizer(
        "anthropic_key",
        EntityType.API_TOKEN,
        r"sk-ant-[a-z]{3,6}[0-9]{2}-[A-Za-z0-9_\-]{80,120}",
        0.95,
        validators.varied,
    ),
    Recognizer(
        "jwt",
        EntityType.API_TOKEN,
        r"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
        0.95,
        validators.jwt,
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
        "us_bank_account",
        EntityType.US_BANK_NUMBER,
        r"[0-9]{8,17}",
        0.45,
        context=words("account acct bank banking checking savings deposit"),
        needs_context=True,
    ),
    Recognizer(
        "us_routing_number",
        EntityType.US_BANK_NUMBER,
        r"[0-9]{9}",
        0.5,
        validators.whole(rtn.is_valid),
        context=words("routing aba rtn transit"),
        needs_context=True,
    ),
    Recognizer(
        "mac_address",
        EntityType.MAC_ADDRESS,
        r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}"
        r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}",
        0.9,
        validators.mac_address,
        context=words("mac hardware ethernet wifi device"),
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
        against=_NOT_PERSONAL,
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
        against=_NOT_PERSONAL,
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
        against=_NOT_PERSONAL,
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
    Recognizer(
        "swift_code",
        EntityType.SWIFT_CODE,
        r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?",
        0.5,
        validators.whole(bic.is_valid),
        context=words("swift bic"),
        needs_context=True,
    ),
    Recognizer(
        "bitcoin_address",
        EntityType.CRYPTO,
        r"[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71}",
        0.95,
        validators.whole(bitcoin.is_valid),
        context=words("bitcoin btc wallet crypto"),
    ),
    Recognizer(
        "ethereum_address",
        EntityType.CRYPTO,
        r"0x[0-9a-fA-F]{40}",
        0.85,
        validators.ethereum_address,
        context=words("ethereum eth wallet crypto"),
    ),
    Recognizer(
        "aws_secret_key",
        EntityType.AWS_SECRET_KEY,
        r"[A-Za-z0-9/+]{40}",
        0.5,
        validators.aws_secret_key,
        context=words("aws secret secretaccesskey"),
        needs_context=True,
    ),
    Recognizer(
        "pem_private_key",
        EntityType.PRIVATE_KEY,
        r"-----BEGIN[A-Z ]{0,24} PRIVATE KEY-----(?s:.)*?-----END[A-Z ]{0,24} PRIVATE KEY-----",
        1.0,
        bounded=False,
    ),
    Recognizer(
        "password_assignment",
        EntityType.PASSWORD,
        # The character before the keyword keeps "bypass=1" and "compass: north" out.
        r"(?:^|[^A-Za-z0-9])(?i:password|passwd|passphrase|pwd|pass)[\"']?[ \t]{0,3}[:=]"
        r"[ \t]{0,3}[\"']?[^\s\"',;&<>]{1,128}",
        0.9,
        validators.password_value,
    ),
    Recognizer(
        "password_in_prose",
        EntityType.PASSWORD,
        r"(?i:password|passcode|passphrase) (?:is|was|will be|remains)(?::| -)? "
        r"[^\s\"'<>]{6,128}",
        0.85,
        validators.password_in_prose,
    ),
    Recognizer(
        "url_password",
        EntityType.PASSWORD,
        r"[A-Za-z][A-Za-z0-9+.\-]{1,15}://[^/\s:@]{1,64}:[^/\s@]{1,128}@",
        1.0,  # beats the e-mail address that "user:secret@host.com" also looks like
        validators.url_password,
        bounded=False,
    ),
    Recognizer(
        "person_name",
        EntityType.PERSON,
        _NAME,
        0.75,
        names.full_name,
        context=_PERSON,
        against=_DETERMINERS,
        against_reach=1,
    ),
    Recognizer(
        "person_name_with_context",
        EntityType.PERSON,
        _NAME,
        0.45,
        names.partial_name,
        context=_PERSON,
        needs_context=True,
        context_reach=2,  # "Patient: Jürgen Müller", not "customer … see Happy New Year"
        against=_DETERMINERS,
        against_reach=1,
    ),
    Recognizer(
        "person_name_after_label",
        EntityType.PERSON,
        _NAME,
        0.4,
        names.labeled_name,
        context=_NAME_LABELS | words("dear holder regards thanks sincerely kunde"),
        needs_context=True,
        context_reach=1,  # the label itself, not a word somewhere on the line
    ),
    Recognizer(
        "person_titled",
        EntityType.PERSON,
        f"(?:(?:{'|'.join(sorted(t.capitalize() for t in names.TITLES))})\\.? ){{1,2}}"
        + _NAME_WORD
        + f"(?: {_NAME_WORD})?",
        0.85,
        names.titled_name,
    ),
    Recognizer(
        "person_before_mailbox",
        EntityType.PERSON,
        _NAME_WORD + f"(?: {_NAME_WORD}){{1,2}}" + r",? (?:<|\(|at )?[\w.%+\-]{2,64}@",
        0.8,
        names.mailbox_name,
    ),
    Recognizer(
        "person_related",
        EntityType.PERSON,
        f"(?i:{'|'.join(sorted(_RELATIONS | _ROLES))}) " + _NAME_WORD + f"(?: {_NAME_WORD})?",
        0.6,
        names.related_name,
    ),
    Recognizer(
        "person_greeted",
        EntityType.PERSON,
        f"(?:{'|'.join(names.GREETINGS)}) " + _NAME_WORD,
        0.6,
        names.greeted_name,
    ),
    Recognizer(
        "person_in_name_field",
        EntityType.PERSON,
        _NAME_WORD + f"(?: {_NAME_WORD}){{0,2}}",
        0.6,
        context=words(
            "name names firstname lastname surname surnames forename forenames fullname "
            "givenname familyname fname lname vorname nachname nom prénom prenom apellido "
            "apellidos nombre cognome nome"
        ),
        needs_context=True,
        context_reach=2,  # "first_name", "Last name"
        # Fields that name things, not people ("company_name", "display name").
        against=words(
            "company business organisation organization org product file project domain "
            "host server user display brand city country street team app device model "
            "category tag branch store shop vendor"
        ),
        label_only=True,
    ),
    # HL7 v2 messages: a field's place in its segment says what it holds (PID-5 the
    # patient's name, PID-7 the birth date, PID-11 the address, PID-19 the SSN; NK1-2 and
    # NK1-4 the next of kin's name and address).
    Recognizer(
        "hl7_person",
        EntityType.PERSON,
        _hl7_field(5, nk1=2) + r"[^|\r\n]+",
        0.9,
        validators.last_field(validators.hl7_name),
    ),
    Recognizer(
        "hl7_birth_date",
        EntityType.DATE_OF_BIRTH,
        _hl7_field(7) + r"[0-9]{8}(?:[0-9]{2,6})?",
        0.9,
        validators.last_field(validators.hl7_date),
    ),
    Recognizer(
        "hl7_address",
        EntityType.ADDRESS,
        _hl7_field(11, nk1=4) + r"[^|\r\n]+",
        0.9,
        validators.last_field(validators.hl7_address),
    ),
    Recognizer(
        "hl7_ssn",
        EntityType.US_SSN,
        _hl7_field(19) + r"[0-9]{3}-?[0-9]{2}-?[0-9]{4}",
        0.9,
        validators.last_field(validators.us_ssn),
    ),
    Recognizer(
        "person_chat_speaker",
        EntityType.PERSON,
        # "[09:15] Name:", "[27/11/2026, 09:14:02] Name:", "27/11/2026, 09:14 - Name:" and
        # IRC's "[09:15] <Name>".
        r"(?:\[[0-9][0-9/.,: \-]{3,22}(?: ?[AaPp][Mm])?\] (?:<" + _SPEAKER + ">|" + _SPEAKER + ":)"
        r"|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4},? [0-9]{1,2}:[0-9]{2}(?: ?[AaPp][Mm])? - "
        + _SPEAKER
        + ":)",
        0.6,
        names.chat_speaker,
    ),
    Recognizer(
        "street_address",
        EntityType.ADDRESS,
        _ADDRESS,
        0.8,  # above a name: "Edward Ranch" inside "3603 Edward Ranch, Larafort" is a street
        context=_ADDRESS_CONTEXT,
    ),
    Recognizer(
        "street_first_address",
        EntityType.ADDRESS,
        _STREET_FIRST_ADDRESS,
        0.8,
        context=_ADDRESS_CONTEXT,
    ),
    Recognizer("fr_address", EntityType.ADDRESS, _FR_ADDRESS, 0.8, context=_ADDRESS_CONTEXT),
    Recognizer("in_address", EntityType.ADDRESS, _IN_ADDRESS, 0.8, context=_ADDRESS_CONTEXT),
    Recognizer("pl_address", EntityType.ADDRESS, _PL_ADDRESS, 0.8, context=_ADDRESS_CONTEXT),
)
