from veil.detection import validators


def test_luhn() -> None:
    assert validators.luhn_ok("4111111111111111")
    assert validators.luhn_ok("79927398713")
    assert not validators.luhn_ok("79927398710")


def test_a_valid_number_followed_by_more_digits_is_still_found() -> None:
    assert validators.credit_card("4111 1111 1111 1111 000") == (0, 19)
    assert validators.phone_number("ZZ")("+44 20 7946 0958 0 0") == (0, 16)


def test_card_separators_must_be_consistent() -> None:
    assert validators.credit_card("4111-1111-1111-1111") is not None
    assert validators.credit_card("4111 1111-1111 1111") is None


def test_iban_takes_exactly_the_country_length() -> None:
    value = "NL91 ABNA 0417 1643 00 XY"
    assert validators.iban(value) == (0, len("NL91 ABNA 0417 1643 00"))
    assert validators.iban("ZZ91ABNA0417164300") is None  # no such country


def test_phone_needs_a_valid_number_for_the_region() -> None:
    assert validators.phone_number("US")("(415) 555-2671") is not None
    assert validators.phone_number("US")("(123) 456-7890") is None


def test_url_keeps_balanced_parentheses() -> None:
    value = "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert validators.url(value) == (0, len(value))
    assert validators.url(value + ").") == (0, len(value))
