"""Site names: cleaning a raw mention into a name, judging it, and reading names off hosts."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Words that label page controls or sections, never a publisher on their own.
_UI_WORDS = frozenset(
    """
    about account all app apps archive back blog blogs by close comments contact cookie
    cookies edit email english facebook feed follow followed following help home homepage
    instagram latest linkedin log login logo menu more most my new news newsletter newsletters
    next our page pinterest policy popular previous privacy print read reddit register related
    rss search section sections share sign site skip stories story subscribe subscription terms
    the this to top topics twitter us me video videos we whatsapp you your youtube
    in on up out of and for at
    """.split()
)
_LEAD = re.compile(r"^(?:[#*•·|:>\-–—\s]+|(?:publisher|alternate)\s+)+", re.IGNORECASE)
_TAIL = re.compile(
    r"(?:[\s,.:;|\-–—»]+|\b(?:home\s*page|homepage|home|logo|rss|feed|menu|"
    r"back to home|all rights reserved)\b)+$",
    re.IGNORECASE,
)
_COMPANY_FORMS = (
    r"inc|llc|l\.l\.c|ltd|limited|plc|gmbh|ag|s\.?a|s\.?l|a\.\s?s|corp|corporation|"
    r"company|co|group|holdings|media|network|productions|interactive"
)
_CORPORATE = re.compile(
    rf"(?:[\s,]+(?:{_COMPANY_FORMS}|or its affiliated companies|and/or its affiliates|"
    r"\d{4}(?:\s*[-–]\s*\d{4})?)\.?)+$",
    re.IGNORECASE,
)
_COMPANY = re.compile(rf"[\s,](?:{_COMPANY_FORMS})\b", re.IGNORECASE)
_DATELIKE = re.compile(r"\b\d{4}\b|\d{1,2}[:h]\d{2}")
YEARS = re.compile(  # the years leading a copyright holder's name
    r"^(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*)+"
)
# Generic top-level domains a news site or blog is likely to use; any two-letter one is a country.
_GENERIC_TLDS = frozenset(
    """com net org edu gov info biz io tv fm news tech dev app blog online site media press
    today world live space digital global network social""".split()
)
_NOT_SITE = frozenset("js md py sh rb cc cs go rs ts db".split())  # file extensions, not countries
_SECOND_LEVEL = frozenset("co com org net ac gov edu ne or go".split())
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.")
DOMAIN = re.compile(r"^(?:[\w-]+\.)+([a-z]{2,12})$", re.IGNORECASE)


def clean_name(raw: str, corporate: bool = False) -> str:
    """A mention trimmed of markup, control words and (for copyright holders) company forms."""
    name = _LEAD.sub("", raw.strip(" \"'“”‘’«»()[]"))
    name = _TAIL.sub("", name).strip(" \"'“”‘’«»()[]")
    if corporate:
        name = _CORPORATE.sub("", YEARS.sub("", name)).strip(" ,.&")
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        name = " ".join(words[:half])  # "Engadget Engadget": a logo's alt text and its title
    return name


def is_domain(name: str) -> bool:
    """A host name such as 'tmz.com' or 'Dropbox.Tech', not a file name."""
    m = DOMAIN.match(name)
    if not m or " " in name:
        return False
    tld = m.group(1).lower()
    return tld in _GENERIC_TLDS or (len(tld) == 2 and tld not in _NOT_SITE)


def looks_like_name(name: str, strict: bool = True) -> bool:
    """Plausibly a site's name: short, capitalised (or a host, or CJK), not a control label."""
    if not name or len(name) > 48 or is_domain(name):
        return bool(name) and len(name) <= 48
    words = name.split()
    if not 1 <= len(words) <= 5 or any(ch in name for ch in '?!@<>{}="“”'):
        return False
    if all(w.lower().strip(".,:&") in _UI_WORDS for w in words) or _DATELIKE.search(name):
        return False
    first = name[0]
    return (
        not strict
        or first.isupper()
        or first.isdigit()
        or (first.isalpha() and not first.isascii())
    )


def is_company(name: str) -> bool:
    """A company's legal name ('Vox Media, Inc.'), as copyright lines give it."""
    return bool(_COMPANY.search(name))


def host_of(url: str) -> str | None:
    """The url's host without 'www.' or a mobile prefix."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    host = _HOST_PREFIX.sub("", host)
    return host if is_domain(host) else None


def site_label(host: str) -> str:
    """The registrable label of a host: 'citylab' for 'www.citylab.com', 'bbc' for 'bbc.co.uk'."""
    labels = host.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]
