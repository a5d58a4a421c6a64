"""A labeled evaluation corpus: documents in the genres users send, with the offsets and
types of every personal value, and hard negatives that must not be flagged.

`generate(count, seed)` is deterministic for a given seed (and pinned Faker). Write it out
with `python -m bench.corpus --count N --out FILE.jsonl` to look at it.
"""

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from bench.corpus import decoys as d
from bench.corpus import values as v
from bench.corpus.values import Rng
from veil.detection.entities import EntityType as T


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str  # an EntityType name, or DECOY for a hard negative


@dataclass
class Document:
    genre: str
    text: str = ""
    spans: list[Span] = field(default_factory=list)

    def add(self, *parts: "str | tuple[str, str]") -> None:
        """Plain text, or (type, value) for a labeled value (type DECOY: a hard negative)."""
        for part in parts:
            if isinstance(part, str):
                self.text += part
            else:
                kind, value = part
                self.spans.append(Span(len(self.text), len(self.text) + len(value), kind))
                self.text += value


DECOY = "DECOY"


def val(kind: T, rng: Rng) -> tuple[str, str]:
    return (kind.value, GENERATORS[kind](rng))


def decoy(rng: Rng, maker: Callable[[Rng], str] | None = None) -> tuple[str, str]:
    return (DECOY, (maker or rng.choice(d.DECOYS))(rng))


GENERATORS: dict[T, Callable[[Rng], str]] = {
    T.PERSON: v.person,
    T.ADDRESS: v.address,
    T.EMAIL_ADDRESS: v.email,
    T.PHONE_NUMBER: v.phone,
    T.CREDIT_CARD: v.credit_card,
    T.IBAN_CODE: v.iban,
    T.US_SSN: v.us_ssn,
    T.US_ITIN: v.us_itin,
    T.US_PASSPORT: v.us_passport,
    T.US_DRIVER_LICENSE: v.us_driver_license,
    T.US_BANK_NUMBER: v.us_bank_account,
    T.IP_ADDRESS: v.ip_address,
    T.MAC_ADDRESS: v.mac_address,
    T.URL: v.url,
    T.DATE_OF_BIRTH: v.birth_date,
    T.UK_NINO: v.uk_nino,
    T.UK_NHS: v.uk_nhs,
    T.CA_SIN: v.ca_sin,
    T.IN_AADHAAR: v.in_aadhaar,
    T.IN_PAN: v.in_pan,
    T.SWIFT_CODE: v.swift_code,
    T.CRYPTO: v.crypto,
    T.AWS_ACCESS_KEY: v.aws_access_key,
    T.AWS_SECRET_KEY: v.aws_secret_key,
    T.API_TOKEN: v.api_token,
    T.PRIVATE_KEY: v.private_key,
    T.PASSWORD: v.password,
}


# --- genres ------------------------------------------------------------------------------


def support_ticket(rng: Rng, doc: Document) -> None:
    doc.add(f"Ticket #{rng.randint(10000, 99999)} opened ", decoy(rng, d.timestamp), "\n")
    doc.add("Customer: ", val(T.PERSON, rng), " <", val(T.EMAIL_ADDRESS, rng), ">\n")
    doc.add(
        rng.choice(("Hi team, ", "Hello, ", "")),
        "I was charged twice for order ",
        decoy(rng, d.order_number),
        " (",
        decoy(rng, d.price),
        "). The card ending in the number ",
        val(T.CREDIT_CARD, rng),
        " was used. Please call me back on ",
        val(T.PHONE_NUMBER, rng),
        ".\n",
    )
    if rng.random() < 0.5:
        doc.add("My shipping address is ", val(T.ADDRESS, rng), ".\n")
    doc.add("Tracking: ", decoy(rng, d.tracking_number), "\nThanks, ", val(T.PERSON, rng), "\n")


def chat(rng: Rng, doc: Document) -> None:
    agent = v.FAKERS["en_US"].first_name()
    doc.add(f"[{agent}] hi! how can I help today?\n")
    doc.add("[customer] my account is locked, email is ", val(T.EMAIL_ADDRESS, rng), "\n")
    doc.add(f"[{agent}] thanks, can you confirm the phone number on file?\n")
    doc.add("[customer] sure it's ", val(T.PHONE_NUMBER, rng), "\n")
    if rng.random() < 0.5:
        doc.add("[customer] and my ssn is ", val(T.US_SSN, rng), " if you need it\n")
    doc.add(f"[{agent}] perfect, I've reset it. Ref ", decoy(rng, d.uuid_), "\n")
    doc.add("[customer] great, see ", decoy(rng, d.common_words), " notes, bye\n")


def email_message(rng: Rng, doc: Document) -> None:
    doc.add("From: ", val(T.PERSON, rng), " <", val(T.EMAIL_ADDRESS, rng), ">\n")
    doc.add("To: ", val(T.EMAIL_ADDRESS, rng), "\nSubject: ", decoy(rng, d.common_words), "\n\n")
    doc.add("Dear ", val(T.PERSON, rng), ",\n\n")
    doc.add(
        rng.choice(
            (
                "Please find the invoice attached; the wire should go to IBAN ",
                "As discussed, the transfer will be made to account IBAN ",
            )
        ),
        val(T.IBAN_CODE, rng),
        ", SWIFT/BIC ",
        val(T.SWIFT_CODE, rng),
        ".\n",
    )
    doc.add("The total is ", decoy(rng, d.price), " as per ", decoy(rng, d.invoice_id), ".\n")
    doc.add(
        "You can reach me at ", val(T.PHONE_NUMBER, rng), " or visit ", val(T.URL, rng), ".\n\n"
    )
    doc.add("Best regards,\n", val(T.PERSON, rng), "\n")


def json_log(rng: Rng, doc: Document) -> None:
    """A JSON log line; values are placed inside JSON strings as a logger would write them."""
    doc.add('{"ts":"', decoy(rng, d.timestamp), '","level":"INFO","msg":"login ok",')
    doc.add('"request_id":"', decoy(rng, d.uuid_), '","user":"', val(T.EMAIL_ADDRESS, rng), '",')
    doc.add(
        '"client_ip":"', val(T.IP_ADDRESS, rng), '","agent_version":"', decoy(rng, d.version), '",'
    )
    if rng.random() < 0.3:
        doc.add('"device_mac":"', val(T.MAC_ADDRESS, rng), '",')
    if rng.random() < 0.3:
        doc.add('"auth":"Bearer ', val(T.API_TOKEN, rng), '",')
    doc.add(f'"latency_ms":{rng.randint(1, 900)},"commit":"', decoy(rng, d.git_sha), '"}')


def access_log(rng: Rng, doc: Document) -> None:
    method = rng.choice(("GET", "POST", "PUT"))
    doc.add(
        val(T.IP_ADDRESS, rng),
        " - - [",
        decoy(rng, d.timestamp),
        f'] "{method} /api/v2/orders/',
        decoy(rng, d.uuid_),
        "?email=",
        val(T.EMAIL_ADDRESS, rng),
        f' HTTP/1.1" {rng.choice((200, 201, 404, 500))} {rng.randint(100, 99999)} "',
        val(T.URL, rng),
        '" "Mozilla/5.0"',
    )


def csv_rows(rng: Rng, doc: Document) -> None:
    doc.add("id,name,email,phone,card,created\n")
    for _ in range(rng.randint(1, 3)):
        doc.add(
            f"{rng.randint(1, 99999)},",
            val(T.PERSON, rng),
            ",",
            val(T.EMAIL_ADDRESS, rng),
            ",",
            val(T.PHONE_NUMBER, rng),
            ",",
            val(T.CREDIT_CARD, rng),
            ",",
            decoy(rng, d.timestamp),
            "\n",
        )


def medical_form(rng: Rng, doc: Document) -> None:
    doc.add("PATIENT INTAKE\nPatient name: ", val(T.PERSON, rng), "\n")
    doc.add(rng.choice(("Date of birth: ", "DOB: ", "D.O.B. ")), val(T.DATE_OF_BIRTH, rng), "\n")
    doc.add("Visit date: ", decoy(rng, d.timestamp), "\n")
    if rng.random() < 0.5:
        doc.add("NHS number: ", val(T.UK_NHS, rng), "\n")
    else:
        doc.add("SSN: ", (T.US_SSN.value, v.us_ssn(rng, rng.choice(("-", "-", " ", "")))), "\n")
    doc.add("Home address: ", val(T.ADDRESS, rng), "\nPhone: ", val(T.PHONE_NUMBER, rng), "\n")
    doc.add("Referring physician: Dr. ", (T.PERSON.value, v.FAKERS["en_US"].last_name()), "\n")
    doc.add(
        f"Notes: BP {rng.randint(100, 140)}/{rng.randint(60, 90)}, dosage 2x ",
        decoy(rng, d.price),
        " copay, lot ",
        decoy(rng, d.tracking_number),
        "\n",
    )


def finance_form(rng: Rng, doc: Document) -> None:
    doc.add("ACH AUTHORIZATION\nAccount holder: ", val(T.PERSON, rng), "\n")
    doc.add("Bank routing number: ", (T.US_BANK_NUMBER.value, v.us_routing_number(rng)), "\n")
    doc.add("Checking account number: ", val(T.US_BANK_NUMBER, rng), "\n")
    doc.add("Taxpayer ID (ITIN): ", val(T.US_ITIN, rng), "\n")
    doc.add("Amount: ", decoy(rng, d.price), "  Reference: ", decoy(rng, d.invoice_id), "\n")
    doc.add("Crypto payout wallet: ", val(T.CRYPTO, rng), "\n")


def hr_record(rng: Rng, doc: Document) -> None:
    doc.add("Employee: ", val(T.PERSON, rng), "\nEmployee ID: ", f"E{rng.randint(10000, 99999)}\n")
    doc.add("Date of birth: ", val(T.DATE_OF_BIRTH, rng), "\n")
    doc.add("Social Security Number: ", val(T.US_SSN, rng), "\n")
    doc.add("Passport number: ", val(T.US_PASSPORT, rng), "\n")
    doc.add("Driver's license number: ", val(T.US_DRIVER_LICENSE, rng), "\n")
    doc.add("Start date: ", decoy(rng, d.timestamp), "  Title: ", decoy(rng, d.common_words), "\n")
    doc.add("Emergency contact: ", val(T.PERSON, rng), ", ", val(T.PHONE_NUMBER, rng), "\n")


def config_with_secrets(rng: Rng, doc: Document) -> None:
    user = v.FAKERS["en_US"].user_name()
    host = v.FAKERS["en_US"].domain_name()
    doc.add("# deploy config, build ", decoy(rng, d.version), "\n")
    doc.add("AWS_ACCESS_KEY_ID=", val(T.AWS_ACCESS_KEY, rng), "\n")
    doc.add("AWS_SECRET_ACCESS_KEY=", val(T.AWS_SECRET_KEY, rng), "\n")
    doc.add(f"DATABASE_URL=postgres://{user}:", val(T.PASSWORD, rng), f"@{host}:5432/app\n")
    doc.add('SLACK_TOKEN="', val(T.API_TOKEN, rng), '"\n')
    doc.add("admin_password: ", val(T.PASSWORD, rng), "\n")
    doc.add("image_digest: ", decoy(rng, d.hex_digest), "\nrelease: ", decoy(rng, d.git_sha), "\n")
    if rng.random() < 0.4:
        doc.add("tls_key: |\n", val(T.PRIVATE_KEY, rng), "\n")


def non_us(rng: Rng, doc: Document) -> None:
    kind = rng.choice(("uk", "in", "ca", "eu"))
    if kind == "uk":
        doc.add(
            "Applicant ",
            val(T.PERSON, rng),
            ", National Insurance number ",
            val(T.UK_NINO, rng),
            ", NHS no. ",
            val(T.UK_NHS, rng),
            ", tel ",
            val(T.PHONE_NUMBER, rng),
            ".\n",
        )
    elif kind == "in":
        doc.add(
            "KYC: name ",
            val(T.PERSON, rng),
            ", Aadhaar ",
            val(T.IN_AADHAAR, rng),
            ", PAN ",
            val(T.IN_PAN, rng),
            ", mobile ",
            val(T.PHONE_NUMBER, rng),
            ".\n",
        )
    elif kind == "ca":
        doc.add(
            "Employee onboarding - SIN: ",
            val(T.CA_SIN, rng),
            ", name: ",
            val(T.PERSON, rng),
            ", email ",
            val(T.EMAIL_ADDRESS, rng),
            ".\n",
        )
    else:
        doc.add(
            "Kunde ",
            val(T.PERSON, rng),
            ", IBAN ",
            val(T.IBAN_CODE, rng),
            ", Adresse: ",
            val(T.ADDRESS, rng),
            ", Bestellung ",
            decoy(rng, d.order_number),
            ".\n",
        )
    doc.add(
        "ISBN of the handbook: ",
        decoy(rng, d.isbn_),
        "; see section ",
        decoy(rng, d.version),
        ".\n",
    )


def code_snippet(rng: Rng, doc: Document) -> None:
    doc.add("def connect():\n    # TODO rotate, leaked in ", decoy(rng, d.git_sha), "\n")
    doc.add('    client = Client(api_key="', val(T.API_TOKEN, rng), '")\n')
    doc.add('    client.login(user="admin", password="', val(T.PASSWORD, rng), '")\n')
    doc.add(
        '    client.notify("',
        val(T.EMAIL_ADDRESS, rng),
        '", host="',
        val(T.IP_ADDRESS, rng),
        '")\n',
    )
    doc.add("    return client  # id ", decoy(rng, d.uuid_), "\n")


def invalid_identifiers(rng: Rng, doc: Document) -> None:
    """Prose full of look-alikes and nothing personal."""
    doc.add(
        "Release ",
        decoy(rng, d.version),
        " shipped ",
        decoy(rng, d.timestamp),
        " (",
        decoy(rng, d.git_sha),
        "). Order ",
        decoy(rng, d.order_number),
        " totalling ",
        decoy(rng, d.price),
        " was refunded; tracking ",
        decoy(rng, d.tracking_number),
        ". Test SSN ",
        decoy(rng, d.invalid_ssn),
        " is rejected by design. ",
        decoy(rng, d.common_words),
        " on ",
        decoy(rng, d.timestamp),
        ", ISBN ",
        decoy(rng, d.isbn_),
        ", build ",
        decoy(rng, d.hex_digest),
        ".\n",
    )


GENRES: dict[str, Callable[[Rng, Document], None]] = {
    "support_ticket": support_ticket,
    "chat": chat,
    "email": email_message,
    "json_log": json_log,
    "access_log": access_log,
    "csv": csv_rows,
    "medical_form": medical_form,
    "finance_form": finance_form,
    "hr_record": hr_record,
    "config": config_with_secrets,
    "non_us": non_us,
    "code": code_snippet,
    "hard_negatives": invalid_identifiers,
}


def generate(count: int, seed: int = 2026) -> list[Document]:
    rng = random.Random(seed)
    v.seed_fakers(seed)
    names = list(GENRES)
    docs = []
    for n in range(count):
        genre = names[n % len(names)]
        doc = Document(genre)
        GENRES[genre](rng, doc)
        docs.append(doc)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2600)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in generate(args.count, args.seed):
            out.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
