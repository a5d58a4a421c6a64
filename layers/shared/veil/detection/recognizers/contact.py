"""Recognizers of ways to reach a person: e-mail addresses, phone numbers, IP and MAC
addresses, URLs."""

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import NOT_PERSONAL, Recognizer, words

_PHONE = words(
    "phone phones tel telephone mobile cell call fax contact whatsapp sms text ring dial reach"
)

# Labels of identity and account numbers: digits they label are no phone number ("SIN 046
# 454 286" is also a Dutch number's shape).
_ID_LABELS = words("ssn sin nhs nino passport iban aadhaar itin account acct")

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
        against=NOT_PERSONAL | _ID_LABELS,
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
        against=NOT_PERSONAL | _ID_LABELS,
    ),
    Recognizer(
        "phone_national",
        EntityType.PHONE_NUMBER,
        r"0[1-9][0-9 ()\-]{6,14}[0-9]",
        0.6,
        validators.national_phone_number,
        context=_PHONE,
        against=NOT_PERSONAL | _ID_LABELS,
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
        "mac_address",
        EntityType.MAC_ADDRESS,
        r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}"
        r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}",
        0.9,
        validators.mac_address,
        context=words("mac hardware ethernet wifi device"),
    ),
)
