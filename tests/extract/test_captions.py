from __future__ import annotations

from toolkit.extract.captions import drop_credited_captions
from toolkit.extract.classify import classify
from toolkit.extract.knowledge import knowledge
from toolkit.extract.segment import Unit


def _reasons(texts: list[str]) -> list[str | None]:
    units = classify([Unit(t, i, i) for i, t in enumerate(texts)], knowledge())
    return [c.furniture for c in units]


def test_captions_ending_in_a_credit_are_furniture() -> None:
    captions = [
        "A man walks past an armoured car parked on a street on Thursday Credit: STR/AFP",
        "Flooding after a water main broke in 1978.CreditJane Roe for The Daily Planet",
        "The new headset on display at the launch. Image: Sam Poe / The Daily Planet",
        "The harbour at dawn, seen from the old pier. Photograph: Ann Lee for the Planet",
    ]
    assert _reasons(captions) == ["caption_credit"] * 4


def test_sentences_that_mention_credit_are_not_captions() -> None:
    prose = [
        "The bank said it would extend more credit: small firms had asked for it for years.",
        "Analysts at Credit Suisse said the shares were undervalued after the sell-off.",
        "She gave the photographer the credit for the idea.",
    ]
    assert _reasons(prose) == [None, None, None]


def test_caption_labels_are_furniture() -> None:
    labels = ["Media caption The mayor spoke to reporters", "Image copyright Getty Images"]
    assert _reasons(labels) == ["caption_label", "caption_label"]


def test_captions_kept_as_prose_are_dropped_from_the_output() -> None:
    story = "The launch went ahead on Thursday. (AP Photo/Jane Roe) was not the end of it, he said."
    caption = "A rocket stands on the pad on Tuesday. (John Poe/ Space Agency photo via AP)"
    assert drop_credited_captions([story, caption]) == [story]


def test_a_caption_is_found_when_a_short_line_follows_it() -> None:
    caption = "The mayor at city hall on the day after the vote Credit: DAILY PLANET"
    assert _reasons([caption, "Our Staff"])[0] == "caption_credit"
