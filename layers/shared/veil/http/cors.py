"""CORS: which browser pages may read a tenant's responses.

A preflight (OPTIONS) carries no API key, so it cannot know the tenant: it is answered the
same for every origin, letting a browser send the request. Whether the page may *read*
the response is decided on the actual response, which names the origin only when the
caller's tenant allowed it (`veil tenants cors`). By default no tenant allows any, and no
response carries CORS headers. template.yaml's `Cors` property answers preflights in AWS
with these same values (a test keeps them in step).
"""

ALLOWED_METHODS = "GET, POST"
ALLOWED_HEADERS = "content-type, x-api-key"
MAX_AGE_S = 600


def preflight_headers(origin: str) -> dict[str, str]:
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": str(MAX_AGE_S),
        "Vary": "Origin",
    }


def response_headers(origin: str, allowed: frozenset[str]) -> dict[str, str]:
    """Headers letting `origin`'s page read this response, if the tenant allows it."""
    if origin not in allowed:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Expose-Headers": "X-Request-Id, Retry-After",
        "Vary": "Origin",
    }
