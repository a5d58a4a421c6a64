"""Recognizers of postal addresses: US, UK, Canadian, Australian and Irish street-number
first, German, Dutch and Nordic street first, French, Indian and Polish forms."""

from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import Recognizer, words

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

_ADDRESS_CONTEXT = words(
    "address addresses live lives living lived reside resides residing ship shipping billing "
    "deliver delivery mail mailing located moved home street"
)

RECOGNIZERS: tuple[Recognizer, ...] = (
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
