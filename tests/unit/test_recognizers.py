"""Each recognizer: values it must find, and look-alikes it must leave alone."""

import pytest

from veil.detection import EntityType, default_engine

T = EntityType


def found(text: str) -> list[tuple[EntityType, str]]:
    return [(e.type, text[e.start : e.end]) for e in default_engine().analyze(text)]


# One sentence per recognizer with the value it must find; test_operator_properties.py
# runs every operator over them too.
# An HL7 v2 admission: the fields' places say what they hold.
HL7 = (
    "MSH|^~\\&|EPIC|HOSP|||20261127||ADT^A01|123|P|2.5\r"
    "PID|1||MRN0012345||DOE^JANE^Q||19800215|F|||123 MAIN ST^^SPRINGFIELD^IL^62704||"
    "(217)555-0134|||||ACCT42|536-22-8174\r"
    "NK1|1|DOE^JOHN^^^^|SPO^Spouse|456 ELM ST^^SPRINGFIELD^IL^62704|(217)555-0199"
)

FINDS: list[tuple[str, EntityType, str]] = [
    ("mail jane.doe@example.com now", T.EMAIL_ADDRESS, "jane.doe@example.com"),
    ("écrire à émile@exemple.fr", T.EMAIL_ADDRESS, "émile@exemple.fr"),
    ("<a+tag@sub.example.co.uk>", T.EMAIL_ADDRESS, "a+tag@sub.example.co.uk"),
    ("visa 4111 1111 1111 1111.", T.CREDIT_CARD, "4111 1111 1111 1111"),
    ("mc 5555-5555-5555-4444", T.CREDIT_CARD, "5555-5555-5555-4444"),
    ("amex 378282246310005", T.CREDIT_CARD, "378282246310005"),
    ("ssn 536-22-8174", T.US_SSN, "536-22-8174"),
    ("ssn 536 22 8174", T.US_SSN, "536 22 8174"),
    ("IBAN DE89 3704 0044 0532 0130 00 AND MORE", T.IBAN_CODE, "DE89 3704 0044 0532 0130 00"),
    ("iban GB82WEST12345698765432", T.IBAN_CODE, "GB82WEST12345698765432"),
    ("call +44 20 7946 0958 today", T.PHONE_NUMBER, "+44 20 7946 0958"),
    ("call (415) 555-2671", T.PHONE_NUMBER, "(415) 555-2671"),
    ("ring 0049 30 901820", T.PHONE_NUMBER, "0049 30 901820"),
    ("mobile 98450 12345", T.PHONE_NUMBER, "98450 12345"),  # an Indian mobile, labeled
    ("from 203.0.113.42:443", T.IP_ADDRESS, "203.0.113.42"),
    ("v6 2001:db8::8a2e:370:7334 up", T.IP_ADDRESS, "2001:db8::8a2e:370:7334"),
    ("see https://example.com/a?b=c).", T.URL, "https://example.com/a?b=c"),
    ("key AKIAIOSFODNN7EXAMPLE", T.AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE"),
    (
        "t ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        T.API_TOKEN,
        "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
    ),
    ("slack xoxb-123456789012-abcdefABCDEF", T.API_TOKEN, "xoxb-123456789012-abcdefABCDEF"),
    (
        "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        T.API_TOKEN,
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    ),
    (
        "auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end",
        T.API_TOKEN,
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
    ),
    ("leaked veil_" + "a1B2" * 10, T.API_TOKEN, "veil_" + "a1B2" * 10),
    ("ssn 536228174", T.US_SSN, "536228174"),
    ("ITIN: 912-70-1234", T.US_ITIN, "912-70-1234"),
    ("taxpayer id (ITIN) 955-55-4631", T.US_ITIN, "955-55-4631"),  # 50-65 issued since 2011
    ("Passport number: Z40071152", T.US_PASSPORT, "Z40071152"),
    ("Driver's license number: W6208304", T.US_DRIVER_LICENSE, "W6208304"),
    ("Checking account number: 9702627274504", T.US_BANK_NUMBER, "9702627274504"),
    ("Bank routing number: 011000015", T.US_BANK_NUMBER, "011000015"),
    ("device 00:1A:2B:3C:4D:5E up", T.MAC_ADDRESS, "00:1A:2B:3C:4D:5E"),
    ("nic 001a.2b3c.4d5e", T.MAC_ADDRESS, "001a.2b3c.4d5e"),
    ("Date of birth: 08/10/1953", T.DATE_OF_BIRTH, "08/10/1953"),
    ("D.O.B. 1984-03-12", T.DATE_OF_BIRTH, "1984-03-12"),
    ("she was born on 12 March 1984 in Leeds", T.DATE_OF_BIRTH, "12 March 1984"),
    ("NINO AB 12 34 56 C", T.UK_NINO, "AB 12 34 56 C"),
    ("NHS number: 943 476 5919", T.UK_NHS, "943 476 5919"),
    ("NHS no 9434765919", T.UK_NHS, "9434765919"),
    ("SIN: 130 692 544", T.CA_SIN, "130 692 544"),
    ("Aadhaar 2345 6789 0124", T.IN_AADHAAR, "2345 6789 0124"),
    ("PAN ABCPE1234F", T.IN_PAN, "ABCPE1234F"),
    ("SWIFT/BIC DEUTDEFF", T.SWIFT_CODE, "DEUTDEFF"),
    ("to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", T.CRYPTO, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
    (
        "wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        T.CRYPTO,
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    ),
    (
        "eth 0x52908400098527886E0F7030069857D2E4169EE7",
        T.CRYPTO,
        "0x52908400098527886E0F7030069857D2E4169EE7",
    ),
    (
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        T.AWS_SECRET_KEY,
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    (
        "k:\n-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n+/9=\n-----END RSA PRIVATE KEY-----\n",
        T.PRIVATE_KEY,
        "-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n+/9=\n-----END RSA PRIVATE KEY-----",
    ),
    ("admin_password: hunter22", T.PASSWORD, "hunter22"),
    ("password=ftp://abc", T.PASSWORD, "ftp://abc"),  # a "://" in the value once crashed
    ('{"password": "s3cr3t!"}', T.PASSWORD, "s3cr3t!"),
    ("your temporary password is Kx9!mQ2#vL. Change it", T.PASSWORD, "Kx9!mQ2#vL"),
    ("postgres://bob:u+X!6)rl1@db.example.com:5432/x", T.PASSWORD, "u+X!6)rl1"),
    ("call 020 7946 0958", T.PHONE_NUMBER, "020 7946 0958"),
    ("Thanks, Jordan Lee", T.PERSON, "Jordan Lee"),
    ("Patient: Jürgen Tanaka", T.PERSON, "Jürgen Tanaka"),  # surname known, context says
    ("Mary O'Brien wrote", T.PERSON, "Mary O'Brien"),
    ("ask Dr. Okafor", T.PERSON, "Okafor"),
    ("Patient name: Jhalak Majumdar", T.PERSON, "Jhalak Majumdar"),  # on no list: labeled
    ("Dear Remigio Cortés,", T.PERSON, "Remigio Cortés"),
    ("Best regards,\nNeelima Bir\n", T.PERSON, "Neelima Bir"),  # the label is above
    ("fyi Tomasz Wiśniewski fixed it", T.PERSON, "Tomasz Wiśniewski"),  # Polish lists
    ("owner Thérèse Dubois", T.PERSON, "Thérèse Dubois"),  # French lists
    ("Beneficiary: Marcus Oyelaran", T.PERSON, "Marcus Oyelaran"),  # a payment's label
    ("Hallo Frau Schäfer,", T.PERSON, "Schäfer"),
    ("Agent: Thanks Imani. The card", T.PERSON, "Imani"),
    ("Hi Wei, your password", T.PERSON, "Wei"),
    ("call my wife Nadia on Friday", T.PERSON, "Nadia"),
    ("Call transcript, agent Renata, 14:02", T.PERSON, "Renata"),  # a role before a name
    ("thank you Mr Okonjo!", T.PERSON, "Okonjo"),  # on no list: the title says a person
    ("[09:14] <Priya Raghunathan> can someone reset", T.PERSON, "Priya Raghunathan"),  # IRC
    ("Sehr geehrte Frau Dr. Weber,", T.PERSON, "Weber"),  # two titles, then the name
    ("senden Sie den Vertrag an Herrn Becker.", T.PERSON, "Becker"),
    ("La película con Ana de Armas", T.PERSON, "Ana de Armas"),
    ("on behalf of my mother, Wilhelmina de Vries, policy", T.PERSON, "Wilhelmina de Vries"),
    ("Kind regards,\nPieter van der Berg\n", T.PERSON, "Pieter van der Berg"),
    ("Driver licence (WA): WDL9K3R7P2XZ", T.US_DRIVER_LICENSE, "WDL9K3R7P2XZ"),
    (  # a row's later column has its own label, whatever an earlier one says
        "id,routing_number,account_number\n1,021000021,4839201755\n2,111000025,7710293348",
        T.US_BANK_NUMBER,
        "7710293348",
    ),
    ("Hola Camila, te confirmo", T.PERSON, "Camila"),
    (HL7, T.PERSON, "DOE^JANE^Q"),
    (HL7, T.DATE_OF_BIRTH, "19800215"),
    (HL7, T.ADDRESS, "123 MAIN ST^^SPRINGFIELD^IL^62704"),
    (HL7, T.US_SSN, "536-22-8174"),
    (HL7, T.PERSON, "DOE^JOHN^^^^"),  # next of kin
    (HL7, T.ADDRESS, "456 ELM ST^^SPRINGFIELD^IL^62704"),
    ("first_name,last_name,email\nAroha,Ngata,a@example.nz", T.PERSON, "Aroha"),  # a column
    ("first_name,last_name,email\nAroha,Ngata,a@example.nz", T.PERSON, "Ngata"),
    ("Name;Vorname;Geburtsdatum\nMüller;Anna;12.03.1985", T.PERSON, "Müller"),
    ("Name;Vorname;Geburtsdatum\nMüller;Anna;12.03.1985", T.DATE_OF_BIRTH, "12.03.1985"),
    ("Date of Birth: 1990.05.03", T.DATE_OF_BIRTH, "1990.05.03"),
    ("DOB 1990/05/03", T.DATE_OF_BIRTH, "1990/05/03"),
    ("token glpat-Zx8Kq2LmN4pR7tV1wY3b", T.API_TOKEN, "glpat-Zx8Kq2LmN4pR7tV1wY3b"),
    (
        "NPM_TOKEN=npm_a8Kq2LmN4pR7tV1wY3bC5dF6gH9jK0sA2eUx",
        T.API_TOKEN,
        "npm_a8Kq2LmN4pR7tV1wY3bC5dF6gH9jK0sA2eUx",
    ),
    (
        "key 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",
        T.API_TOKEN,
        "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",
    ),
    (
        "HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh",
        T.API_TOKEN,
        "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh",
    ),
    (
        "OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0nOp3rSt6vWx9",
        T.API_TOKEN,
        "sk-proj-Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0nOp3rSt6vWx9",
    ),
    (
        "x-api-key: sk-ant-api03-" + "Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0nOp3rSt6vWx9" * 2,
        T.API_TOKEN,
        "sk-ant-api03-" + "Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0nOp3rSt6vWx9" * 2,
    ),
    ("Driver: Marcus Bellweather", T.PERSON, "Marcus Bellweather"),  # known first name, label
    ("Attendees: Oksana Shevchenko, Liam Byrne", T.PERSON, "Oksana Shevchenko"),  # on no list
    ("[09:14] Youssef: morning!", T.PERSON, "Youssef"),
    ("[27/11/2026, 09:15:02] Chidinma Eze: not yet", T.PERSON, "Chidinma Eze"),
    ("27/11/2026, 09:16 - Youssef: rotating now", T.PERSON, "Youssef"),
    ("her colleague Anna Berg agreed", T.PERSON, "Anna Berg"),
    ("send it to Lindiwe Dlamini at lindiwe.dlamini@example.co.za", T.PERSON, "Lindiwe Dlamini"),
    ("From: Bartholomew Nkemelu <bnkemelu@example.com>", T.PERSON, "Bartholomew Nkemelu"),
    ("name,dob,ssn\nJhalak Majumdar,1990-07-23,536-22-8174", T.PERSON, "Jhalak Majumdar"),
    ("name,dob,ssn\nJhalak Majumdar,1990-07-23,536-22-8174", T.DATE_OF_BIRTH, "1990-07-23"),
    ("host 192.168.56.10. Version 10.4.2 next", T.IP_ADDRESS, "192.168.56.10"),  # a sentence ends
    (  # an SQL statement's column list labels the values of its rows
        "INSERT INTO customers (id, full_name, birth_date) VALUES\n(1041, 'Ann', '1988-02-29'),",
        T.DATE_OF_BIRTH,
        "1988-02-29",
    ),
    ("COPY p (id, dob) FROM stdin;\n17\t1990-07-23\n", T.DATE_OF_BIRTH, "1990-07-23"),
    (
        "Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 today",
        T.ADDRESS,
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
    ),
    (
        "742 Evergreen Terrace Apt 3\nSpringfield, IL 62704",
        T.ADDRESS,
        "742 Evergreen Terrace Apt 3\nSpringfield, IL 62704",
    ),
    ("221B Baker Street, London NW1 6XE", T.ADDRESS, "221B Baker Street, London NW1 6XE"),
    ("Adresse: Hauptstraße 5, 10115 Berlin", T.ADDRESS, "Hauptstraße 5, 10115 Berlin"),
    ("au 12 rue de la Paix, 75002 Paris", T.ADDRESS, "12 rue de la Paix, 75002 Paris"),
    ("at 12 MG Road, Bengaluru 560001.", T.ADDRESS, "12 MG Road, Bengaluru 560001"),
    ("Adres: ul. Długa 12, 80-827 Gdańsk", T.ADDRESS, "ul. Długa 12, 80-827 Gdańsk"),
    (
        "Adress: Drottninggatan 53, 111 21 Stockholm",
        T.ADDRESS,
        "Drottninggatan 53, 111 21 Stockholm",
    ),
    ("Keizersgracht 123, 1015 CJ Amsterdam", T.ADDRESS, "Keizersgracht 123, 1015 CJ Amsterdam"),
    ("Mannerheimintie 12, 00100 Helsinki", T.ADDRESS, "Mannerheimintie 12, 00100 Helsinki"),
    (
        "écrire au 2150 Rue Sherbrooke Ouest, Montréal, QC H3H 1G7.",
        T.ADDRESS,
        "2150 Rue Sherbrooke Ouest, Montréal, QC H3H 1G7",
    ),
    ("150 Elgin Street, Ottawa, ON K2P 1L4", T.ADDRESS, "150 Elgin Street, Ottawa, ON K2P 1L4"),
    (
        "Our office: 12 Harcourt Street, Dublin 2, D02 X285. Tel",
        T.ADDRESS,
        "12 Harcourt Street, Dublin 2, D02 X285",
    ),
    (
        "Address: 14 Pembroke Road, Ballsbridge, Dublin 4, D04 K7W2\nRoom 312",
        T.ADDRESS,
        "14 Pembroke Road, Ballsbridge, Dublin 4, D04 K7W2",
    ),
    (
        "Postal: Unit 5, 42 Smith Street, Fitzroy VIC 3065\n",
        T.ADDRESS,
        "Unit 5, 42 Smith Street, Fitzroy VIC 3065",
    ),
    (
        "Ship to 4 Main Street, Ballincollig, Co. Cork, P31 X2Y3",
        T.ADDRESS,
        "4 Main Street, Ballincollig, Co. Cork, P31 X2Y3",
    ),
]


@pytest.mark.parametrize(
    ("text", "entity_type", "value"),
    FINDS,
)
def test_finds_value(text: str, entity_type: EntityType, value: str) -> None:
    assert (entity_type, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "order 4111 1111 1111 1112 failed",  # fails Luhn
        "id 1234567812345678",  # no card network issues this and Luhn fails
        "ssn 000-12-3456 and 666-12-3456 and 912-12-3456",  # never-issued areas
        "ssn 536-00-8174 and 536-22-0000",  # zero group or serial
        "ref 078-05-1120",  # the SSA's voided wallet-card number
        "IBAN DE89 3704 0044 0532 0130 01",  # mod 97 fails
        "uuid 550e8400-e29b-41d4-a716-446655440000",
        "sha 3f786850e387550fdab836ed7e6dc881de23001b",
        "version 1.2.3.4.5 and 10.0.0.999",
        "at 12:30:45 on 2024-01-15",
        "price $1,234.56 and 99.99",
        "card_4111111111111111x",  # glued to letters
        "eyJub3QiOiJhIGp3dCJ9.eyJ4IjoxfQ.sig",  # header has no alg: not a JWT
        "local loopback ::1 and ::",
        "public key 12345678 and order 536228174",  # "lic" is no word in "public"; no context
        "ITIN 942-89-6246",  # the IRS issues no ITIN with group 89
        "ISBN 978-88-8085-466-1",  # the front of an ISBN is no ITIN
        "Order 5861 2978 4326 2506",  # its first twelve digits would pass as a Maestro card
        "Tracking: 584562829674",  # passes Luhn, but says what it is
        "agent_version 3.8.0.232",
        "CUSTOMER and DEUTDEFF in capitals",  # bank codes only where a label says so
        "sha1 287b711d4ee6252af8e4673a22be912e1fa134b9 aws",  # no capitals: a digest
        "password: ******** and pwd=<redacted> and password=${DB_PASSWORD}",
        "bypass=1 compass: north",
        "Your password is incorrect. The password was reset-required, passcode is expired",
        "0x0000000000000000000000000000000000000000",
        "broadcast ff:ff:ff:ff:ff:ff",
        "Invoice date: 2024-03-12",  # a date, not a birth date
        "see Happy New Year notes from the Annual General Meeting in the United Kingdom",
        "The Quick Brown Fox",
        "born Augusta 12, 1990",  # a month's first letters in a name once crashed the check
        "Title: Customer Success Team",  # a capitalised label word inside a phrase
        "version 612 53 70 69",  # digit groups with no phone label
        "The hub has 4 USB Ports; meet at 5 PM Place",  # initials make no street alone
        "listed on the New York Stock Exchange",  # a name inside a longer run of capitals
        "sales in North America and South Africa",  # places, though lists hold North
        "Thanks Team, Hi All",  # greetings before words that are no names
        "our sister Company and partner Bank",  # relation words before words that are no names
        "ask the agent Support or the engineer On Call",  # roles before words that are no names
        "Don't Miss Out on flights to Rio de Janeiro",  # Miss needs a known name; a city
        "Victoria Falls tour package",  # a place word ends no person's name
        "Bitte senden Sie den Vertrag. Die Rechnung der Firma liegt bei.",  # articles
        "Canada onboarding: SIN 046 454 286",  # no SIN begins with 0, nor is it a phone
        "Admitted on 2026-10-30, born in Leeds",  # the nearer word dates an admission
        "thanks to the Golden Gate Bridge crew",  # a determiner makes it a thing's name
        "Meet at Victoria Station by the Ada Lovelace Building",  # places named after people
        "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx NPM_TOKEN=npm_" + "0" * 36,  # placeholders
        "run task-manager and sk-learn",
        "PID|1||MRN0012345||UNKNOWN||20991301|F",  # no name components; no such date
        "id,company_name,city\n1,Globex,Leeds",  # a name column of companies
        "Name your project: Apollo. The Name field says Order",  # a name word in prose
        "[09:16] System: build started",  # a chat line from a program
        "Please call us on 2025-09-10 to confirm, or phone 01-02-2025 10:30",  # dates
        "INSERT INTO t (id, created) VALUES\n(1, '1988-02-29'\n",  # a row without its end
        "COPY p (id, created_at) FROM stdin;\n17\t1990-07-23\n",  # no birth column
    ],
)
def test_ignores_decoy(text: str) -> None:
    assert found(text) == []


def test_a_mailbox_that_spells_no_name_makes_no_person() -> None:
    text = "Write to Customer Support <support@example.com> or Sales Team (sales@example.com)"
    assert [kind for kind, _ in found(text)] == [T.EMAIL_ADDRESS, T.EMAIL_ADDRESS]
