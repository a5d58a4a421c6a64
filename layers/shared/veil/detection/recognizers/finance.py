"""Recognizers of payment and account numbers: cards, IBANs, US bank numbers, SWIFT codes,
crypto addresses."""

from stdnum import bic, bitcoin
from stdnum.us import rtn

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import NOT_PERSONAL, Recognizer, words

_DIGIT_SEP = r"[ -]?"

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer(
        "credit_card",
        EntityType.CREDIT_CARD,
        r"[2-6][0-9]{3}" + f"(?:{_DIGIT_SEP}[0-9]){{8,15}}",
        0.95,
        validators.credit_card,
        context=words("card visa mastercard amex credit debit cc payment"),
        against=NOT_PERSONAL,
    ),
    Recognizer(
        "iban",
        EntityType.IBAN_CODE,
        r"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}",
        0.95,
        validators.iban,
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
)
