from veil.detection.offsets import OffsetMap

TEXT = "a😀bé𝄞c"


def test_maps_code_points_to_utf16_units_and_utf8_bytes() -> None:
    encoded = TEXT.encode()
    offsets = OffsetMap(TEXT, encoded)
    for index in range(len(TEXT) + 1):
        assert offsets.utf16_of_char(index) == len(TEXT[:index].encode("utf-16-le")) // 2
        assert offsets.byte_of_char(index) == len(TEXT[:index].encode())
        assert offsets.char_of_byte(offsets.byte_of_char(index)) == index


def test_ascii_is_identity() -> None:
    offsets = OffsetMap("plain", b"plain")
    assert [offsets.utf16_of_char(i) for i in range(6)] == list(range(6))
    assert offsets.char_of_byte(3) == 3


def test_every_boundary_maps_back_and_forth_in_mixed_text() -> None:
    text = "Zoë → 𝄞 café, naïve 😀😀 x" * 3
    encoded = text.encode()
    offsets = OffsetMap(text, encoded)
    for index in range(len(text) + 1):
        byte = len(text[:index].encode())
        assert offsets.byte_of_char(index) == byte
        assert offsets.char_of_byte(byte) == index
        assert offsets.utf16_of_char(index) == len(text[:index].encode("utf-16-le")) // 2
