"""Context words: the label of a table's column counts as a word before its values."""

from veil.detection.context import NearbyWords

TABLE = "Export below.\n\nname;date of birth;city\nAnn Lee;1990-07-23;Leeds\nnote; no"


def test_a_value_in_a_table_row_is_labeled_by_its_column_header() -> None:
    words = NearbyWords(TABLE)
    date = TABLE.index("1990")
    assert words.column_label(date) == ["date", "of", "birth"]
    assert words.column_label(TABLE.index("Ann")) == ["name"]
    before, _ = words.around(date, date + 10)
    assert before[:3] == ["date", "of", "birth"]
    assert words.any_near(frozenset({"birth"}), date, date + 10)


def test_no_label_outside_a_table_row() -> None:
    words = NearbyWords(TABLE)
    assert words.column_label(TABLE.index("city")) == []  # the header row itself
    assert words.column_label(TABLE.index("no")) == []  # fewer separators than the header
    assert words.column_label(TABLE.index("below")) == []  # the paragraph above
    prose = "Dear Ann, thanks\nborn 1990-07-23, in Leeds"  # one comma: a sentence
    assert NearbyWords(prose).column_label(prose.index("1990")) == []
    tabbed = "id\tssn\n17\t536-22-8174"  # a tab or a pipe: two columns are a table
    assert NearbyWords(tabbed).column_label(tabbed.index("536")) == ["ssn"]


def test_a_header_may_follow_a_line_that_introduces_the_table() -> None:
    text = "Here is the export:\nname,dob,ssn\nAnn Lee,1990-07-23,536-22-8174"
    words = NearbyWords(text)
    assert words.column_label(text.index("1990")) == ["dob"]
    assert words.column_label(text.index("dob")) == []  # the header row itself
    two_intro_lines = "Hi,\nexport below:\nname,dob,ssn\nAnn Lee,1990-07-23,536-22-8174"
    assert NearbyWords(two_intro_lines).column_label(two_intro_lines.index("1990")) == []


def test_a_label_counts_before_every_value_of_the_text() -> None:
    words = NearbyWords("1990-07-23", "dateOfBirth")
    before, _ = words.around(0, 10)
    assert before == ["date", "of", "birth"]
    assert words.any_near(frozenset({"birth"}), 0, 10)
    assert words.anywhere(frozenset({"birth"}))
    assert NearbyWords("x", "customer_name").around(0, 1)[0] == ["customer", "name"]
