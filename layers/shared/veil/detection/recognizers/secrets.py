"""Recognizers of credentials: cloud keys, API tokens, JWTs, private keys, passwords."""

from veil.detection import validators
from veil.detection.entities import EntityType
from veil.detection.recognizers.recognizer import Recognizer, words

RECOGNIZERS: tuple[Recognizer, ...] = (
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
        "huggingface_token", EntityType.API_TOKEN, r"hf_[A-Za-z]{34}", 0.9, validators.varied
    ),
    Recognizer(
        "sendgrid_key",
        EntityType.API_TOKEN,
        r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}",
        0.95,
        validators.varied,
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
)
