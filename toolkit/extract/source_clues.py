"""Clues to the publisher: each a name the page gives itself, with how much it says."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.extract.classify import Classified
from toolkit.extract.knowledge import Knowledge
from toolkit.extract.linefind import every_line, lines_holding, lines_matching, previous_start
from toolkit.extract.prefilter import (
    Needles,
    line_anchored,
    lowered,
    may_match,
    needles,
    trie,
    within_line,
)
from toolkit.extract.sitename import YEARS, host_of, is_company, is_domain

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
SHORT_WORDS = 20  # names sit in short lines of chrome; copyright lines can be long
PHRASE_WORDS = 10  # "More from Site", "Site logo": a few words on a line of their own


class Clue(NamedTuple):
    """A name the page offers as its own; explicit clues may be lower-case ('topicseed logo').
    (A named tuple: a page yields dozens, and a frozen dataclass is slow to build.)"""

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
_FIRST_ON = re.compile(r"\bappeared\s+first\s+on\s+(?P<n>[^.!?\n]{2,60}?)[ \t]*[.!]?$", re.I | re.M)
# "originally appeared in X": X ran the story first, so X is someone else, not this site
_ELSEWHERE = re.compile(
    r"\boriginally\s+(?:appeared|published|ran)\s+(?:on|in|at)\s+"
    r"(?P<n>[^.!?\n]{2,60}?)[ \t]*[.!]?$",
    re.I | re.M,
)
ELSEWHERE_WEIGHT = -4.0
_PHRASE = re.compile(  # one line each; [ \t] never lets a match run into the next line
    r"^[ *•·#\[-]*(?:(?:more[ \t]+(?:from|stories[ \t]+from)|follow|support|welcome[ \t]+to|make|"
    r"(?:thank[ \t]+you|thanks)[ \t]+for[ \t]+(?:supporting|reading|visiting)|published[ \t]+in)"
    r"[ \t]+(?P<a>\w.*?)(?:[ \t]+(?:followed|my[ \t]+homepage|yours)|[ \t]+on[ \t]+"
    r"(?:twitter|facebook)|:.*)?[ \t.!]*$"
    r"|get[ \t]+(?P<b>\w.*?)[ \t]+delivered\b.*"
    r"|(?P<c>\w[^\[\]\n]{0,40}?)[ \t-]+(?:logo|homepage|home[ \t]+page)\b.*"
    r"|(?P<d>\w.*?)[ \t]+[-–|][ \t]+back[ \t]+to[ \t]+home$"
    r"|(?:\S+[ \t]+){0,3}back[ \t]+to[ \t]+(?P<e>\S+(?:[ \t]\S+){0,3}?)[ \t]+home(?:page)?\b.*"
    # a label alone on its line names the site on the next: "Published in" / "Backchannel"
    r"|(?:published[ \t]+in|more[ \t]+from)\n(?P<f>.+)$)",
    re.IGNORECASE | re.MULTILINE,
)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|版权所有", re.IGNORECASE)
_HOLDER_END = re.compile(
    r"\.(?:\s|$)|\||\ball rights\b|\btodos\b|\btous\b|\bsome rights\b|—|\s-\s|。", re.IGNORECASE
)
_HOLDER_LEAD = re.compile(r"^(?:[\s©:：]|\(c\)|copyright\b|by\s+|sa\s+|s\.a\.\s+)+", re.IGNORECASE)
_CJK_START = re.compile(r"^\s*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_WWW = re.compile(r"^www\d*\.", re.IGNORECASE)


def top_clues(units: list[Classified], url: str | None) -> Iterator[Clue]:
    """The address, the printed title and the first line: where a page names itself."""
    hosts: set[str | None] = set()
    if url:
        hosts.add(host_of(url))
    for c in units:
        m = _PRINT_FOOTER.match(c.text) if c.text.startswith("http") else None
        if m:
            hosts.add(host_of(m.group("url")))
    # sorted: a set's order follows PYTHONHASHSEED, and ties between clues keep their order
    yield from (Clue(h, URL_WEIGHT, "url") for h in sorted(h for h in hosts if h))
    stamped = (c for c in units if c.text[:1].isdigit() and _PRINT_STAMP.match(c.text))
    first = _title_clue(units[0].text)
    for c in (units[0], next(stamped, units[0])):
        clue = first if c is units[0] else _title_clue(c.text)
        if clue:
            yield clue
    logo = next((c.text for c in units[:TOP_UNITS] if not _NOISE.match(c.text)), None)
    if logo and logo.startswith("#"):  # lynx lists <link> titles: "#Site » Feed Site » Comments"
        logo = _TITLE_SEP.split(logo[1:])[0]
    if logo and not _PRINT_STAMP.match(logo):
        domain = is_domain(logo.split()[0])
        yield Clue(logo.split()[0] if domain else logo, LOGO_WEIGHT * (2 if domain else 1), "logo")


def _title_clue(text: str) -> Clue | None:
    """The site a printed title ('1/1/17, 10:41 AM Title | Site') or a first line names."""
    stamp = _PRINT_STAMP.match(text)
    suffix = title_suffix(stamp.group("t") if stamp else text, _TITLE_SEP if stamp else _PLAIN_SEP)
    return Clue(suffix, PRINT_TITLE_WEIGHT if stamp else TITLE_WEIGHT, "title") if suffix else None


def title_suffix(title: str, sep: re.Pattern[str] = _TITLE_SEP) -> str | None:
    """'Site' from 'Headline - Site' or 'Headline | Site ::'; None when cut short or absent."""
    title = title.strip().rstrip(":").strip()
    if title.endswith(("...", "…")):
        return None
    parts = sep.split(title)
    return parts[-1] if len(parts) > 1 else None


def chrome_clues(chrome: list[Classified], kb: Knowledge, joined: str | None = None) -> list[Clue]:
    """Clues in the page furniture: notes, phrases, copyright lines, domains, known names
    (joined: the chrome's texts joined by newlines, when the caller has them; a unit's text
    is one line, so the lines of a joined text are its units)."""
    if joined is None:
        joined = "\n".join([c.text for c in chrome])
    short = "\n".join([c.text for c in chrome if c.words <= SHORT_WORDS])
    tiny = "\n".join([c.text for c in chrome if c.words <= PHRASE_WORDS])
    out = [clue for line in _copyright_lines(joined) for clue in _copyright(line)]
    low_short, low_tiny = lowered(short), lowered(tiny)
    out += [
        Clue(m.group("n"), FIRST_ON_WEIGHT, "first_on")
        for m in _matches(_FIRST_ON, short, low_short)
    ]
    out += [
        Clue(m.group("n"), ELSEWHERE_WEIGHT, "elsewhere")
        for m in _matches(_ELSEWHERE, short, low_short)
    ]
    for m in _phrases(tiny, low_tiny):
        name = next(g for g in m.groups() if g)
        out.append(Clue(name, PHRASE_WEIGHT, "phrase", explicit=bool(m.group("c") or m.group("e"))))
    markers = _markers(kb)
    for m in _matches(markers, short, low_short) if markers else ():
        index = int(str(m.lastgroup)[1:])
        out.append(Clue(kb.publishers[index].name, PHRASE_WEIGHT, "marker"))
    mentions: dict[str, int] = {}
    known = _known_names(kb)
    found = _domains(short)
    for name in found + (known.findall(short) if known else []):
        mentions[name] = mentions.get(name, 0) + 1
    out += [
        Clue(n, MENTION_WEIGHT * min(k, MENTION_CAP), "mention")
        for n, k in mentions.items()
        if not _plain_word(n, short)
    ]
    return out


_PHRASE_NEEDLES = needles(_PHRASE)


def _phrases(tiny: str, low: str | None) -> Iterator[re.Match[str]]:
    """_PHRASE.finditer(tiny), tried only at the starts of the lines that hold one of its
    literals or whose next line does: every match starts a line and runs into the next one
    at most ('Published in' / 'Site')."""
    if _PHRASE_NEEDLES is None or low is None:
        tried = every_line(tiny)
    else:
        tried = lines_holding(_PHRASE_NEEDLES, low)
        for line, start in list(tried.items()):
            if line and line - 1 not in tried:
                tried[line - 1] = previous_start(tiny, start)
    resume = 0
    for line in sorted(tried):
        if tried[line] < resume:
            continue
        m = _PHRASE.match(tiny, tried[line])
        if m:
            resume = m.end()
            yield m


_NEEDLES: dict[re.Pattern[str], tuple[Needles | None, bool]] = {}


def _matches(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), skipped when text lacks the literals every match holds, and
    tried only at the starts of the lines holding them when every match is one line's start."""
    if pattern not in _NEEDLES:
        needed = needles(pattern)
        _NEEDLES[pattern] = needed, bool(needed) and line_anchored(pattern) and within_line(pattern)
    needed, by_line = _NEEDLES[pattern]
    if not may_match(needed, low):
        return iter(())
    if by_line and needed and low is not None:
        held = lines_holding(needed, low)
        return (m for m in (pattern.match(text, held[i]) for i in sorted(held)) if m)
    return pattern.finditer(text)


def _domains(text: str) -> list[str]:
    """Bare host names written in the text ('TMZ.com', 'www.msn.com'), not urls or e-mails."""
    out = []
    for start in lines_matching(_DOT_LETTER, text).values():  # a host has a dot before a letter
        end = text.find("\n", start)
        for token in text[start : end if end >= 0 else len(text)].split():
            if "." in token and "/" not in token and "@" not in token:
                host = _WWW.sub("", token.strip("()[]<>\"'“”‘’,;:!?.*•|"))
                if is_domain(host):
                    out.append(host)
    return out


_DOT_LETTER = re.compile(r"\.[^\W\d_]")  # a host's last dot, before its top-level domain


def _plain_word(name: str, text: str) -> bool:
    """'Time' or 'Medium' that the page also writes in lower case: a word, not a name here."""
    if " " in name or not name.istitle() or not name.isalpha():
        return False
    if name.lower() not in text:
        return False
    return re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


_COPYRIGHT_NEEDLES = ("©", "(c)", "copyright", "版权所有")  # lower case: what _COPYRIGHT matches


def _copyright_lines(text: str) -> list[str]:
    """Each line of text that carries a copyright sign, once (not again right after itself),
    but links2's <link rel> lines ('Link: ...')."""
    low = lowered(text)  # (lower() keeps lengths when lowered() answers: no 'İ')
    held = every_line(text) if low is None else lines_holding(_COPYRIGHT_NEEDLES, low)
    out: list[str] = []
    for line in sorted(held):
        start = held[line]
        end = text.find("\n", start)
        found = text[start : end if end >= 0 else len(text)]
        if found.startswith("Link:") or out and out[-1] == found:
            continue
        if _COPYRIGHT.search(found):
            out.append(found)
    return out


def _copyright(text: str) -> list[Clue]:
    """The holder named around a copyright sign; a domain before the sign counts too."""
    m = _COPYRIGHT.search(text)
    assert m is not None
    before = text[: m.start()].strip(" ,.:|•*")
    after = YEARS.sub("", _HOLDER_LEAD.sub("", text[m.end() :]))
    after = YEARS.sub("", _HOLDER_LEAD.sub("", after))
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
_MARKER_CACHE: dict[int, re.Pattern[str] | None] = {}


def _markers(kb: Knowledge) -> re.Pattern[str] | None:
    """The publishers' own marker lines as one pattern, a named group per publisher."""
    key = id(kb)
    if key not in _MARKER_CACHE:
        alts = [
            f"(?P<_{i}>{'|'.join(f'(?:{p.pattern})' for p in pub.markers)})"
            for i, pub in enumerate(kb.publishers)
            if pub.markers
        ]
        _MARKER_CACHE[key] = re.compile("|".join(alts), re.I | re.M) if alts else None
    return _MARKER_CACHE[key]


def _known_names(kb: Knowledge) -> re.Pattern[str] | None:
    """One pattern for every publisher name and alias in the table, longest first."""
    key = id(kb)
    if key not in _KNOWN_CACHE:
        names = sorted({n for n in kb.names if len(n) >= 3})
        # A name starts where no word character is before it. Each branch matches its first
        # letter before looking behind it, so re scans for those letters alone (a leading
        # lookbehind would be tried at every position of the text).
        branches = [
            f"{re.escape(head)}(?<!\\w.)(?:{trie([n[1:] for n in group])})"
            for head, group in itertools.groupby(names, key=lambda n: n[0])
        ]
        _KNOWN_CACHE[key] = re.compile(f"(?:{'|'.join(branches)})(?!\\w)") if names else None
    return _KNOWN_CACHE[key]
