"""Clues to the publisher: each a name the page gives itself, with how much it says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.extract.classify import Classified
from toolkit.extract.knowledge import Knowledge
from toolkit.extract.sitename import host_of, is_company, is_domain

URL_WEIGHT = 10.0  # the page's own address
FIRST_ON_WEIGHT = 8.0  # "The post ... appeared first on Site."
PRINT_TITLE_WEIGHT = 5.0  # the <title> a browser prints atop every page
PHRASE_WEIGHT = 2.0  # "More from Site", "Support Site", "Site logo", ...
COPYRIGHT_WEIGHT = 2.0
COMPANY_WEIGHT = 1.0  # "© Vox Media, LLC": often the owner of many sites, not this one
LOGO_WEIGHT = 1.0  # the first words of the page, where the logo sits
TITLE_WEIGHT = 2.0  # a " - Site" suffix on the first line
MENTION_WEIGHT = 1.0  # a known publisher or a bare domain named in the page chrome
MENTION_CAP = 3
TOP_UNITS = 8
SHORT_WORDS = 20  # site phrases and mentions sit in short lines; copyright lines can be long


@dataclass(frozen=True)
class Clue:
    """A name the page offers as its own; explicit clues may be lower-case ('topicseed logo')."""

    name: str
    weight: float
    kind: str
    corporate: bool = False
    explicit: bool = False


_PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\s+(?P<t>.+)$")
_PRINT_FOOTER = re.compile(r"^(?P<url>https?://\S+?)(?:\.\.\.|…)?\s+\d{1,3}/\d{1,3}$")
_TITLE_SEP = re.compile(r"\s+(?:[|\-–—•·»@]|::)\s+")
_PLAIN_SEP = re.compile(r"\s+[|-]\s+")  # what a pasted <title> line uses; a dash may be prose
_NOISE = re.compile(
    r"^(?:<|link:|iframe|\[|\(button|skip to|sign in|log in|[-*•·]\s|\W*$)", re.IGNORECASE
)
_FIRST_ON = re.compile(r"\bappeared\s+first\s+on\s+(?P<n>[^.!?\n]{2,60}?)\s*[.!]?$", re.I)
# "originally appeared in X": X ran the story first, so X is someone else, not this site
_ELSEWHERE = re.compile(
    r"\boriginally\s+(?:appeared|published|ran)\s+(?:on|in|at)\s+(?P<n>[^.!?\n]{2,60}?)\s*[.!]?$", re.I
)
ELSEWHERE_WEIGHT = -4.0
_PHRASE = re.compile(
    r"^[*•·\-\s]*(?:(?:more\s+(?:from|stories\s+from)|follow|support|welcome\s+to|make|"
    r"(?:thank\s+you|thanks)\s+for\s+(?:supporting|reading|visiting)|published\s+in)\s+"
    r"(?P<a>.+?)(?:\s+(?:followed|my\s+homepage|yours)|\s+on\s+(?:twitter|facebook)|:.*)?[\s.!]*$"
    r"|get\s+(?P<b>.+?)\s+delivered\b.*"
    r"|\W*(?P<c>[^\s\[\]][^\[\]]{0,40}?)[\s-]+(?:logo|homepage|home\s+page)\b.*"
    r"|(?P<d>.+?)\s+[-–|]\s+back\s+to\s+home$"
    r"|.*?\bback\s+to\s+(?P<e>\S+(?:\s+\S+){0,3}?)\s+home(?:page)?\b.*)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:published\s+in|more\s+from)$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|版权所有", re.IGNORECASE)
_HOLDER_END = re.compile(
    r"\.(?:\s|$)|\||\ball rights\b|\btodos\b|\btous\b|\bsome rights\b|—|\s-\s|。", re.IGNORECASE
)
_HOLDER_LEAD = re.compile(r"^(?:[\s©:：]|\(c\)|copyright\b|by\s+|sa\s+|s\.a\.\s+)+", re.IGNORECASE)
_YEARS = re.compile(r"^(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*)+")
_CJK_START = re.compile(r"^\s*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_DOMAIN_MENTION = re.compile(
    r"(?<![\w@/.-])(?:www\.)?((?:[\w-]+\.)+[a-z]{2,12})(?!\.?[\w@/-])", re.IGNORECASE
)


def top_clues(units: list[Classified], url: str | None) -> Iterator[Clue]:
    """The address, the printed title and the first line: where a page names itself."""
    hosts = set()
    if url:
        hosts.add(host_of(url))
    for c in units:
        m = _PRINT_FOOTER.match(c.text)
        if m:
            hosts.add(host_of(m.group("url")))
    yield from (Clue(h, URL_WEIGHT, "url") for h in hosts if h)
    for c in units[:1] + [c for c in units if _PRINT_STAMP.match(c.text)][:1]:
        stamp = _PRINT_STAMP.match(c.text)
        suffix = title_suffix(stamp.group("t") if stamp else c.text, _TITLE_SEP if stamp else _PLAIN_SEP)
        if suffix:
            yield Clue(suffix, PRINT_TITLE_WEIGHT if stamp else TITLE_WEIGHT, "title")
    logo = next((c.text for c in units[:TOP_UNITS] if not _NOISE.match(c.text)), None)
    if logo and logo.startswith("#"):  # lynx lists <link> titles: "#Site » Feed Site » Comments"
        logo = _TITLE_SEP.split(logo[1:])[0]
    if logo and not _PRINT_STAMP.match(logo):
        domain = is_domain(logo.split()[0])
        yield Clue(logo.split()[0] if domain else logo, LOGO_WEIGHT * (2 if domain else 1), "logo")


def title_suffix(title: str, sep: re.Pattern[str] = _TITLE_SEP) -> str | None:
    """'Site' from 'Headline - Site' or 'Headline | Site ::'; None when cut short or absent."""
    title = title.strip().rstrip(":").strip()
    if title.endswith(("...", "…")):
        return None
    parts = sep.split(title)
    return parts[-1] if len(parts) > 1 else None


def chrome_clues(chrome: list[Classified], kb: Knowledge) -> list[Clue]:
    """Clues in the page furniture: notes, phrases, copyright lines, domains, known names."""
    out: list[Clue] = []
    mentions: dict[str, int] = {}
    known = _known_names(kb)
    for i, c in enumerate(chrome):
        text = c.text
        if text.startswith("Link:"):
            continue  # a text browser's list of <link rel> names
        if _COPYRIGHT.search(text):
            out += _copyright(text)
        if c.words > SHORT_WORDS:
            continue
        m = _FIRST_ON.search(text)
        if m:
            out.append(Clue(m.group("n"), FIRST_ON_WEIGHT, "first_on"))
        m = _ELSEWHERE.search(text)
        if m:
            out.append(Clue(m.group("n"), ELSEWHERE_WEIGHT, "elsewhere"))
        m = _PHRASE.match(text)
        if m:
            name = next(g for g in m.groups() if g)
            out.append(Clue(name, PHRASE_WEIGHT, "phrase", explicit=bool(m.group("c") or m.group("e"))))
        elif _LABEL.match(text) and i + 1 < len(chrome):
            out.append(Clue(chrome[i + 1].text, PHRASE_WEIGHT, "phrase"))
        domains = [d for d in _DOMAIN_MENTION.findall(text) if is_domain(d)]
        for name in domains + (known.findall(text) if known else []):
            mentions[name] = mentions.get(name, 0) + 1
    for pub in kb.publishers:
        hits = sum(1 for c in chrome for p in pub.markers if p.search(c.text))
        out += [Clue(pub.name, PHRASE_WEIGHT, "marker")] * min(hits, MENTION_CAP)
    out += [
        Clue(n, MENTION_WEIGHT * min(k, MENTION_CAP), "mention")
        for n, k in mentions.items()
        if not _plain_word(n, chrome)
    ]
    return out


def _plain_word(name: str, chrome: list[Classified]) -> bool:
    """'Time' or 'Medium' that the page also writes in lower case: a word, not a name here."""
    if " " in name or not name.istitle() or not name.isalpha():
        return False
    word = re.compile(rf"\b{re.escape(name.lower())}\b")
    return any(word.search(c.text) for c in chrome)


def _copyright(text: str) -> list[Clue]:
    """The holder named around a copyright sign; a domain before the sign counts too."""
    m = _COPYRIGHT.search(text)
    assert m is not None
    before = text[: m.start()].strip(" ,.:|•*")
    after = _YEARS.sub("", _HOLDER_LEAD.sub("", text[m.end() :]))
    after = _YEARS.sub("", _HOLDER_LEAD.sub("", after))
    end = _HOLDER_END.search(after)
    holder = after[: end.start()] if end else after
    if _CJK_START.match(holder):
        holder = holder.split()[0]
    clues = []
    if holder.strip():
        weight = COMPANY_WEIGHT if is_company(holder) else COPYRIGHT_WEIGHT
        clues.append(Clue(holder, weight, "copyright", corporate=True))
    last = before.split()[-1] if before.split() else ""
    if is_domain(last):
        clues.append(Clue(last, COPYRIGHT_WEIGHT, "copyright"))
    elif before and not holder.strip() and len(before.split()) <= 4:
        clues.append(Clue(before, COPYRIGHT_WEIGHT, "copyright", corporate=True, explicit=True))
    return clues


_KNOWN_CACHE: dict[int, re.Pattern[str] | None] = {}


def _known_names(kb: Knowledge) -> re.Pattern[str] | None:
    """One pattern for every publisher name and alias in the table, longest first."""
    key = id(kb)
    if key not in _KNOWN_CACHE:
        names = {n for p in kb.publishers for n in (p.name, *p.aliases) if len(n) >= 3}
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        _KNOWN_CACHE[key] = re.compile(rf"(?<!\w)(?:{alts})(?!\w)") if alts else None
    return _KNOWN_CACHE[key]
