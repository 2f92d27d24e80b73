"""The publisher finder: each clue on a small hand-made page, and the names it must refuse."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from toolkit.extract.article import extract_article
from toolkit.extract.sitename import clean_name, host_of, is_domain, looks_like_name, site_label
from toolkit.extract.source_clues import title_suffix

PROSE = (
    "The city council voted on Tuesday to expand the bicycle network across the old harbour "
    "district, a plan that residents had debated for more than three years before the vote.\n\n"
    "Supporters said the new lanes would make the streets safer for children walking to school, "
    "while shop owners worried that fewer parking spaces would keep their customers away.\n\n"
    "The first lanes are expected to open next spring, and the council promised to publish a "
    "report on traffic and safety after the first full year of use in the district.\n"
)


def page(top: str = "", bottom: str = "") -> str:
    return f"{top}\n\n{PROSE}\n{bottom}\n"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("© 2019 The New York Times Company", "The New York Times"),
        ("Vox Media, Inc.", "Vox"),
        ("Engadget Engadget", "Engadget"),
        ("#Firefox Nightly News", "Firefox Nightly News"),
        ("The Verge homepage", "The Verge"),
    ],
)
def test_clean_name(raw: str, name: str) -> None:
    corporate = raw.startswith("©") or "Inc" in raw
    cleaned = clean_name(raw.removeprefix("© 2019 "), corporate=corporate)
    assert cleaned == name


def test_domains_and_hosts() -> None:
    assert is_domain("tmz.com") and is_domain("Dropbox.Tech") and is_domain("heraldsun.com.au")
    assert not is_domain("index.html") and not is_domain("S.Paulo") and not is_domain("cow.js")
    assert host_of("https://www.themoscowtimes.com/2023/10/16/a82783") == "themoscowtimes.com"
    assert host_of("m.heraldsun.com.au") == "heraldsun.com.au"
    assert site_label("heraldsun.com.au") == "heraldsun" and site_label("citylab.com") == "citylab"


def test_names_that_are_not_publishers() -> None:
    assert looks_like_name("Quanta Magazine") and looks_like_name("光明网")
    for label in ("Home", "Sign in", "Follow us", "24 novembre 2017 à 18:42", "on Facebook"):
        assert not looks_like_name(label)


def test_title_suffix() -> None:
    assert title_suffix("How to watch the 21 best films of 2017 - Vox") == "Vox"
    assert title_suffix("新竹尖石 @ 史蒂文的家 :: 痞客邦 PIXNET ::") == "痞客邦 PIXNET"
    assert title_suffix("Saving Data: Reducing App Updates | Android Developer...") is None
    assert title_suffix("A headline with no site") is None


def test_logo_and_copyright_agree() -> None:
    raw = page("Harbour Gazette logo", "© 2020 Harbour Gazette Media, LLC. All rights reserved.")
    assert extract_article(raw).source == "Harbour Gazette"


def test_print_footer_url_names_the_site() -> None:
    footer = "https://www.harbour-gazette.com/2020/01/14/council-votes-to-expand-bike-l... 1/2"
    assert extract_article(page(bottom=footer)).source == "harbour-gazette.com"


def test_table_maps_a_domain_to_its_name() -> None:
    footer = "https://www.theguardian.com/uk-news/2020/jan/14/council-votes-to-expand-bi... 1/2"
    assert extract_article(page(bottom=footer)).source == "The Guardian"


def test_agency_is_never_the_source() -> None:
    raw = page(bottom="© 2023 The Associated Press. All rights reserved.")
    assert extract_article(raw).source is None


def test_a_story_quoting_another_outlet_names_no_publisher() -> None:
    raw = page(top="", bottom="")
    raw = raw.replace("Supporters said", "According to The Moscow Times, supporters said")
    assert extract_article(raw).source is None


def test_originally_appeared_elsewhere_is_not_the_publisher() -> None:
    bottom = "This article originally appeared on The Atlantic.\n\nMore from Harbour Gazette"
    assert extract_article(page(bottom=bottom)).source == "Harbour Gazette"


def test_appeared_first_on_names_the_site() -> None:
    raw = page(bottom="The post Bike lanes approved appeared first on Harbour Gazette.")
    assert extract_article(raw).source == "Harbour Gazette"


def test_url_clues_come_in_the_same_order_whatever_the_hash_seed() -> None:
    """Two addresses on one page: their clues' order must not follow a set's hash order."""
    code = (
        "from toolkit.extract.classify import classify\n"
        "from toolkit.extract.knowledge import knowledge\n"
        "from toolkit.extract.segment import Unit\n"
        "from toolkit.extract.source_clues import top_clues\n"
        "lines = ['Some page', 'https://www.alphanews.com/a/story 1/2',"
        " 'https://betapost.co.uk/x 2/2']\n"
        "units = classify([Unit(t, i, i) for i, t in enumerate(lines)], knowledge())\n"
        "print([c.name for c in top_clues(units, 'https://gammatimes.org/y')])\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(seen) == 1
    assert "alphanews.com" in seen.pop()
