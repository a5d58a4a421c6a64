"""Recognizers of people's names: known names, names after labels, titles, greetings,
relations and roles, names spelled by a mailbox, chat speakers, name columns."""

from veil.detection import names
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import Recognizer, words

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

_SPEAKER = _NAME_WORD + f"(?: {_NAME_WORD}){{0,2}}"  # a chat line's speaker

RECOGNIZERS: tuple[Recognizer, ...] = (
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
)
