"""Line-level cues the headline finder weighs: meta lines, print titles, comparison keys."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

from toolkit.extract.classify import Classified, is_byline, weight
from toolkit.extract.dates import DateMatch, find_dates
from toolkit.extract.prefilter import needles


def _finder(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern finding the literals every match of the pattern holds, in lower case."""
    found = needles(pattern)
    assert found, pattern.pattern
    return re.compile("|".join(map(re.escape, found)))


META_MAX_WORDS = 16
PARAGRAPH_WORDS = 20  # a prose unit this long is a paragraph an article could start with
CARRIER_MAX_WORDS = 40  # a line repeating a title with a site or section around it is short
_LEAD = re.compile(r"^[\s*•·+|/>\-–—]+")
_AUTHOR = re.compile(
    r"^(?:(?:posted|written|words|reported|reviewed|photos?)\s+by|by|author|autor|auteur)\b\s*:?\s*\S"
    r"|^[\w.' -]{3,40},?\s+@\w+$",  # "Jane Doe, @jdoe"
    re.IGNORECASE,
)
# "Par X", "Por X", "Von X": only when names follow, as "Von der Leyen ..." or "Por qué ..." do not
_FOREIGN_BY = re.compile(r"^(?:par|por|von|di|door|av)\s+(?P<rest>.*)$", re.IGNORECASE)
_NAME_OR_JOIN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'.-]*,?|et|e|y|und|and|&|[—–-]|\d[\w.:/]*)$")
_TIMEISH = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b\.?|(?-i:[A-Z]{2,4})\b|uhr\b)"  # a time, not a countdown
    r"|\b(?:à|às|a las|um|at)\s+\d{1,2}h\d{2}\b"  # à 12h55
    r"|(?<![\d.])\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?![\d.])"  # 11.03.17, 2/26/2015, 2017-03-10
    r"|\b\d{1,2}\.\s?[^\W\d]{3,9}\.?\s?(?:19|20)\d{2}\b"  # 21.dez.2018
    r"|\b\d+\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?)\s+ago\b"
    r"|(?<![\w.])\d{1,2}\s*[hm]\b(?!\S)"  # "8h" in a byline row
    r"|\b\d+\s+min(?:ute)?s?\s+read\b"
    r"|\b\d{1,2},\s+(?:19|20)\d{2}\b"  # "13, 2016" even when the month is glued on
    r"|\d{1,4}\s*[年月]\s*\d{1,2}\s*[月日]"  # 2016年10月14日, 10月14日
    r"|\d{1,2}/\d{1,2}\s*[(（][日月火水木金土][)）]",  # 3/9(木)
    re.IGNORECASE,
)
_AGO = re.compile(r"\b(?:an?|one)\s+(?:hour|minute|day)\s+ago\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_PRINT_HEADER = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?P<title>\S.*)$"
)
_QUOTES = (("‘", "'"), ("’", "'"), ("‚", "'"), ("′", "'"), ("“", '"'), ("”", '"'), ("„", '"'))
_NON_WORD = re.compile(r"[\W_]+")
_CREDIT = re.compile(
    r"^(?:photo|image|picture|credit|source|foto|crédit|bild|illustration)s?\b"
    r"|\b(?:photo|photograph|image|picture|credit|foto|crédit|bild)s?\s*:"
    r"|\((?:photo|foto|credit|crédit|image|source)s?\b",
    re.IGNORECASE,
)
_COUNT_LINE = re.compile(r"^\d+\s*(?:comments?|responses?|replies|shares?|views?)\b", re.I)
_CAPTION_CREDIT = re.compile(r"(?:[A-Z][\w'.-]+\s+[A-Z][\w'.-]+|[A-Z]{2,})/[A-Z][\w .&/-]*$")
_CODE = re.compile(r"[{}<>=;]|[A-Za-z0-9]_[A-Za-z0-9]|\w\(|//")
_CODE_CHARS = re.compile(r"[{}<>=;_(/]")  # one of which every _CODE match holds: re skips to it
_AUTHOR_STARTS = frozenset("pwrbadvf")  # 'posted by', 'by', 'author', 'par', 'von', 'from'...
_CREDIT_NEEDLES = _finder(_CREDIT)
_TRICKY = ("\u0130", "\u0131", "\u017f")  # 'İ', 'ı', 'ſ' match ASCII letters case-insensitively
_BRACKETED = re.compile(r"\s*[(（\[][^)）\]]{1,40}[)）\]]")
_CARRIER_HINT = re.compile(r"[|｜–—:·•»“«\"]|\s-\s")
_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+(?:[-–—:·•»]|::)\s+")
_BULLET = re.compile(r"^\s*(?:[*•·▪◦□■+>#-]|\d{1,3}[.)]|\(\d{1,3}\))\s*")
_QUOTED = re.compile(r"“([^”]{12,200})”|«\s*([^»]{12,200}?)\s*»|\"([^\"]{12,200})\"")


def _may_repeat(
    units: list[Classified], rows: list[int], words: set[str], sizes: set[int]
) -> list[int]:
    """The rows that may repeat a key with one of these (longest) words, whole or in a part:
    key() NFKC-normalises and case-folds a line, after which the key's words are in it. ASCII
    lines, which both keep as they are, are searched at once in lower case."""
    plain = [i for i in rows if units[i].text.isascii()]
    low = "\n".join([units[i].text for i in plain]).lower()
    starts = list(itertools.accumulate((len(units[i].text) + 1 for i in plain[:-1]), initial=0))
    held = set()
    for word in words:
        at = low.find(word) if plain else -1
        while at >= 0:
            line = bisect.bisect_right(starts, at) - 1
            held.add(plain[line])
            at = low.find(word, starts[line + 1]) if line + 1 < len(starts) else -1
    for i in rows:
        c = units[i]
        if i in held or c.text.isascii():
            continue
        if c.words in sizes or _CARRIER_HINT.search(c.text):  # the rest are not read
            folded = unicodedata.normalize("NFKC", c.text).casefold()
            if any(word in folded for word in words):
                held.add(i)
    return sorted(held)


def _urlish(text: str) -> bool:
    """A line of addresses or query strings, which a dump can make look like prose."""
    return "://" in text or "%2" in text or "=" in text


@functools.lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Text reduced for comparison: NFKC, case-folded, punctuation and spaces as one space
    (cached: the finders compare the same lines many times)."""
    if text.isascii():
        text = text.lower()  # what NFKC, case folding and the quotes leave of ASCII
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        for quote, plain in _QUOTES:
            if quote in text:
                text = text.replace(quote, plain)
    return _NON_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=1024)
def dates_in(text: str) -> tuple[DateMatch, ...]:
    """find_dates(text), cached: the headline cues ask it of the same line several times."""
    return tuple(find_dates(text))


@functools.lru_cache(maxsize=4096)
def is_meta(text: str) -> bool:
    """A byline, date, time or 'N min read' line: what sits between a headline and its body."""
    bare = _LEAD.sub("", text)
    if not bare or weight(bare) > META_MAX_WORDS:
        return False
    if _bare_author(bare):
        return True
    if not _DIGIT.search(bare):
        return "ago" in bare.lower() and bool(_AGO.search(bare))  # no other letters fold to it
    return bool(_TIMEISH.search(bare) or dates_in(bare))


def _may_hold(needed: re.Pattern[str], text: str) -> bool:
    """False only when text lacks every literal a pattern's matches hold (`needed` finds them
    in lower case; a few letters that match case-insensitively lower-case to others)."""
    if needed.search(text.lower()):
        return True
    return not text.isascii() and any(c in text for c in _TRICKY)


def is_count_line(text: str) -> bool:
    """'12 comments on ...', '2192 Shares': a counter, whatever text follows it."""
    return bool(_COUNT_LINE.match(text.strip()))


@functools.lru_cache(maxsize=4096)
def is_author(text: str) -> bool:
    """A byline: 'By X', 'Posted by X', 'Par X et Y' (names, not 'Von der Leyen wins')."""
    return _bare_author(_LEAD.sub("", text))


def _bare_author(bare: str) -> bool:
    """is_author of a line without its leading bullets and dashes."""
    first = bare[:1]
    if first.isascii() and first.lower() not in _AUTHOR_STARTS and "@" not in bare:
        return False  # every byline pattern starts with one of these letters or holds an '@'
    if weight(bare) > META_MAX_WORDS:
        return False
    if is_byline(bare) or _AUTHOR.match(bare):
        return True
    m = _FOREIGN_BY.match(bare)
    return m is not None and all(_NAME_OR_JOIN.match(w) for w in m.group("rest").split()[:3])


@functools.lru_cache(maxsize=4096)
def is_credit(text: str) -> bool:
    """A photo credit or a caption ending in one ('Credit Harry Campbell', '... Jane Doe/AP')."""
    text = text.strip()
    if "/" in text and _CAPTION_CREDIT.search(text):
        return True
    return _may_hold(_CREDIT_NEEDLES, text) and bool(_CREDIT.search(text))


def is_code(text: str) -> bool:
    """A line of program code or markup, which a dump of a technical page is full of."""
    return bool(_CODE_CHARS.search(text) and _CODE.search(text))


def is_list_item(text: str) -> bool:
    """A line that starts with a bullet or an item number: menus and teaser lists."""
    return bool(_BULLET.match(text)) and not text.lstrip().startswith(("+1", "-1"))


def print_title(text: str) -> str | None:
    """The page title in a browser print header ('1/1/17, 10:41 AM Title | Site...')."""
    m = _PRINT_HEADER.match(text.strip())
    return m.group("title").strip() if m else None


def echoes_title(candidate: str, title: str) -> bool:
    """Whether a page title ('Title | Site', maybe cut short with '...') repeats the candidate."""
    keys, cut = title_keys(title)
    return len(candidate) >= 12 and (candidate in keys or bool(cut) and candidate.startswith(cut))


def title_keys(title: str) -> tuple[set[str], str]:
    """The keys a page title can give its headline (whole, or one side of a separator, with or
    without a bracketed agency) and, when the title was cut short, the key of what is left."""
    whole = title.rstrip(" .…")
    parts = [whole, *_carried(whole)]
    keys = {key(p) for p in parts} | {key(_BRACKETED.sub("", p)) for p in parts}
    cut = ""
    if title.rstrip().endswith(("...", "…")):
        cut = key(whole).rsplit(" ", 1)[0]  # the last word may be cut
    return keys, cut if len(cut) >= 12 else ""


def _carried(text: str) -> list[str]:
    """The pieces of a line that could be a title it carries: quoted, or beside a separator."""
    parts = [p for m in _QUOTED.finditer(text) for p in m.groups() if p]
    for m in _SEPARATOR.finditer(text):
        parts += [text[: m.start()], text[m.end() :]]
    return parts


class Page:
    """One file's units with the per-unit facts the headline scorer asks for, each computed
    on first use: the scorer reads the top of the file, rarely the rest."""

    def __init__(self, units: list[Classified], body_start: int) -> None:
        self.units = units
        self.body_start = body_start
        self._titles: tuple[set[str], list[str]] | None = None
        self._aside: list[bool | None] = [None] * len(units)
        self._meta: dict[int, bool] = {}
        self._counted = [0]  # units in the flow before each index, extended as asked
        self._next_para: list[int | None] = [None] * (len(units) + 1)
        self._next_para[-1] = len(units)

    def aside(self, i: int) -> bool:
        """Furniture, or a print header repeated at a page break: not in the page's flow."""
        found = self._aside[i]
        if found is None:
            c = self.units[i]
            # A line repeated through the file may be the headline itself (title and h1).
            found = c.furniture is not None and c.furniture != "repeated_in_file"
            found = found or c.text[:1].isdigit() and print_title(c.text) is not None
            self._aside[i] = found
        return found

    def meta(self, i: int) -> bool:
        """Whether unit i is a byline, date or time line (cached: the scorer asks often)."""
        found = self._meta.get(i)
        if found is None:
            found = self._meta[i] = is_meta(self.units[i].text)
        return found

    def between(self, last: int, stop: int) -> int:
        """Units in the page's flow (two words or more) strictly between last and stop."""
        start = last + 1
        if start >= stop:
            return 0
        counted = self._counted
        for j in range(len(counted) - 1, stop):
            c = self.units[j]
            flow = c.words >= 2 and not self.aside(j) and not is_list_item(c.text)
            counted.append(counted[-1] + flow)
        return counted[stop] - counted[start]

    def next_paragraph(self, i: int) -> int:
        """Index of the first paragraph-sized prose unit after unit i."""
        start = min(i + 1, len(self.units))
        found, j = self._next_para[start], start
        while found is None:
            c = self.units[j]
            if c.prose and c.words >= PARAGRAPH_WORDS and not _urlish(c.text):
                found = self._next_para[j] = j
            else:
                j += 1
                found = self._next_para[j]
        for k in range(start, j):
            self._next_para[k] = found
        return found

    def next_in_flow(self, i: int) -> int | None:
        """Index of the next unit after i in the page's flow with two words or more."""
        units = self.units
        for j in range(i + 1, min(len(units), i + 12)):
            if units[j].words >= 2 and not self.aside(j):
                return j
        return None

    def above(self, first: int, n: int) -> list[Classified]:
        """Up to n units in the flow right above unit first."""
        found = [self.units[j] for j in range(max(0, first - 2 * n), first) if not self.aside(j)]
        return found[-n:]

    def echoes_print_title(self, k: str) -> bool:
        """Whether a print header's page title repeats this key (see echoes_title)."""
        if len(k) < 12:
            return False
        keys, cuts = self._print_titles()
        return k in keys or any(cut and k.startswith(cut) for cut in cuts)

    def _print_titles(self) -> tuple[set[str], list[str]]:
        """The keys and cut-short keys of the first three distinct print header titles."""
        if self._titles is None:
            keys: set[str] = set()
            cuts: list[str] = []
            seen: set[str] = set()
            for text in [c.text for c in self.units if c.text[:1].isdigit()]:
                title = print_title(text)
                if title and title not in seen:  # each page repeats the title
                    seen.add(title)
                    found, cut = title_keys(title)
                    keys |= found
                    cuts.append(cut)
                    if len(seen) == 3:
                        break
            self._titles = keys, cuts
        return self._titles

    def echoes(self, wanted: dict[str, str], only: set[str] | None = None) -> dict[str, float]:
        """For each wanted key (with its text), how strongly the page repeats it: 2.5 with a
        site or section around it ('Title - Site', 'Section|Title') or quoted ('2 comments on
        “Title”'), 1.0 alone on a line elsewhere (only: the keys to answer for, by default all;
        the other texts still say which word counts a repeat may have)."""
        long = {k for k in wanted if len(k) >= 12 and (only is None or k in only)}
        if not long:
            return {}
        found: dict[str, float] = {}
        where: dict[str, list[int]] = {}
        sizes = {weight(text) for text in wanted.values()}  # a repeat has the same word count
        rows = [
            i
            for i, c in enumerate(self.units)
            if 3 <= c.words <= CARRIER_MAX_WORDS and not (c.prose and c.words > 20)
        ]  # a paragraph quotes people, not the page's title
        words = {max(k.split(" "), key=len) for k in long}
        for i in _may_repeat(self.units, rows, words, sizes):
            c = self.units[i]
            carrier = _CARRIER_HINT.search(c.text)
            if not carrier and c.words not in sizes:
                continue
            # A part is cut at spaces, quotes or separators, which NFKC, case folding and
            # key() keep apart from its neighbours: its key is a piece of the line's key.
            whole = key(c.text)
            if carrier and any(k in whole for k in long):
                for part in _carried(c.text):
                    k = key(part) if 1 <= part.count(" ") <= 30 else ""
                    if k in long:
                        found[k] = 2.5
            if c.words in sizes and whole in long:
                where.setdefault(whole, []).append(i)
        for k, places in where.items():
            if k not in found and places[-1] - places[0] > 1:
                found[k] = 1.0
        return found
