from toolkit.extract.classify import joined_weight, weight


def test_joined_weight_sums_the_parts_words() -> None:
    parts = ["Hello world.", "Don't stop"]
    assert joined_weight(parts) == weight("Hello world.\n\nDon't stop") == 5  # Don, t: two


def test_joined_weight_counts_cjk_halves_over_the_whole_text() -> None:
    parts = ["中", "文"]  # one character apiece rounds down to nothing; together one word
    assert joined_weight(parts) == weight("中\n\n文") == 1
