"""`make name-lists`: the international first names and surnames the engine knows besides
the US Census lists, taken from Faker's person providers (MIT licence; see
layers/shared/veil/detection/data/NOTICE) for every locale written in Latin script.

Faker is a development dependency: this runs when the lists should change, and its output
is committed, so the layer carries two small text files and no Faker.
"""

import importlib
import pkgutil
import re

import faker.providers.person

from veil.detection.names import DATA, census_list, key

_LATIN_WORD = re.compile(
    r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff'\u2019\-]{2,}"
)

# Faker's generic "en" first names are every name the SSA ever recorded, words such as
# Brown, North and Will among them: from that list, only names that are no surname too.
_EVERY_SSA_NAME = "en"


def _entries(provider: type, kind: str) -> set[str]:
    """Every name of the provider's lists of `kind` ("first" or "last"): first_names,
    first_names_male, first_romanized_names, male_last_names, last_romanized_names …"""
    found: set[str] = set()
    for attribute in dir(provider):
        value = getattr(provider, attribute)
        named = attribute.endswith("names") or "_names_" in attribute
        ours = attribute.startswith(f"{kind}_") or f"_{kind}_" in attribute
        if named and ours and isinstance(value, dict | list | tuple):
            found.update(w for w in value if isinstance(w, str) and _LATIN_WORD.fullmatch(w))
    return {key(w) for w in found}


def lists() -> dict[str, set[str]]:
    """The file names under data/ and the names each holds."""
    first: set[str] = set()
    last: set[str] = set()
    census_surnames = census_list("dist.all.last")
    package = faker.providers.person
    for module in pkgutil.iter_modules(package.__path__):
        provider = importlib.import_module(f"{package.__name__}.{module.name}").Provider
        given = _entries(provider, "first")
        first |= given - census_surnames if module.name == _EVERY_SSA_NAME else given
        last |= _entries(provider, "last")
    return {"first_names.txt": first, "surnames.txt": last}


def main() -> None:
    for name, words in lists().items():
        (DATA / name).write_text("".join(f"{w}\n" for w in sorted(words)))
        print(f"{DATA / name}: {len(words)} names")


if __name__ == "__main__":
    main()
