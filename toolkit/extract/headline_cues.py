"""Line-level cues the headline finder weighs: meta lines, print titles, comparison keys."""

from __future__ import annotations

import functools
import re
import unicodedata

from toolkit.extract.classify import Classified, is_byline, weight
from toolkit.extract.dates import find_dates

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
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
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
_BRACKETED = re.compile(r"\s*[(（\[][^)）\]]{1,40}[)）\]]")
_CARRIER_HINT = re.compile(r"[|｜–—:·•»“«\"]|\s-\s")
_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+(?:[-–—:·•»]|::)\s+")
_BULLET = re.compile(r"^\s*(?:[*•·▪◦□■+>#-]|\d{1,3}[.)]|\(\d{1,3}\))\s*")
_QUOTED = re.compile(r"“([^”]{12,200})”|«\s*([^»]{12,200}?)\s*»|\"([^\"]{12,200})\"")


def _urlish(text: str) -> bool:
    """A line of addresses or query strings, which a dump can make look like prose."""
    return "://" in text or "%2" in text or "=" in text


@functools.lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Text reduced for comparison: NFKC, case-folded, punctuation and spaces as one space
    (cached: the finders compare the same lines many times)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return _NON_WORD.sub(" ", text).strip()


def is_meta(text: str) -> bool:
    """A byline, date, time or 'N min read' line: what sits between a headline and its body."""
    bare = _LEAD.sub("", text)
    if not bare or weight(bare) > META_MAX_WORDS:
        return False
    if is_author(bare):
        return True
    if not _DIGIT.search(bare):
        return bool(_AGO.search(bare))
    return bool(_TIMEISH.search(bare) or find_dates(bare))


def is_count_line(text: str) -> bool:
    """'12 comments on ...', '2192 Shares': a counter, whatever text follows it."""
    return bool(_COUNT_LINE.match(text.strip()))


def is_author(text: str) -> bool:
    """A byline: 'By X', 'Posted by X', 'Par X et Y' (names, not 'Von der Leyen wins')."""
    bare = _LEAD.sub("", text)
    if weight(bare) > META_MAX_WORDS:
        return False
    if is_byline(bare) or _AUTHOR.match(bare):
        return True
    m = _FOREIGN_BY.match(bare)
    return m is not None and all(_NAME_OR_JOIN.match(w) for w in m.group("rest").split()[:3])


def is_credit(text: str) -> bool:
    """A photo credit or a caption ending in one ('Credit Harry Campbell', '... Jane Doe/AP')."""
    text = text.strip()
    return bool(_CREDIT.search(text) or _CAPTION_CREDIT.search(text))


def is_code(text: str) -> bool:
    """A line of program code or markup, which a dump of a technical page is full of."""
    return bool(_CODE.search(text))


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
    """One file's units with the per-unit facts the headline scorer asks for, computed once."""

    def __init__(self, units: list[Classified], body_start: int) -> None:
        self.units = units
        self.body_start = body_start
        self._title_keys: set[str] = set()
        self._title_cuts: list[str] = []
        self._aside: list[bool] = []
        self._meta: dict[int, bool] = {}
        self._counted = [0]
        seen: set[str] = set()
        for c in units:
            title = print_title(c.text) if c.text[:1].isdigit() else None
            if title and title not in seen and len(seen) < 3:  # each page repeats the title
                seen.add(title)
                keys, cut = title_keys(title)
                self._title_keys |= keys
                self._title_cuts.append(cut)
            # A line repeated through the file may be the headline itself (title and h1).
            furniture = c.furniture is not None and c.furniture != "repeated_in_file"
            self._aside.append(furniture or title is not None)
            flow = not self._aside[-1] and c.words >= 2 and not is_list_item(c.text)
            self._counted.append(self._counted[-1] + flow)
        self._next_para = [len(units)] * (len(units) + 1)
        for i in range(len(units) - 1, -1, -1):
            para = units[i].prose and units[i].words >= PARAGRAPH_WORDS
            para = para and not _urlish(units[i].text)
            self._next_para[i] = i if para else self._next_para[i + 1]

    def aside(self, i: int) -> bool:
        """Furniture, or a print header repeated at a page break: not in the page's flow."""
        return self._aside[i]

    def meta(self, i: int) -> bool:
        """Whether unit i is a byline, date or time line (cached: the scorer asks often)."""
        if i not in self._meta:
            self._meta[i] = is_meta(self.units[i].text)
        return self._meta[i]

    def between(self, last: int, stop: int) -> int:
        """Units in the page's flow (two words or more) strictly between last and stop."""
        return max(0, self._counted[stop] - self._counted[min(stop, last + 1)])

    def next_paragraph(self, i: int) -> int:
        """Index of the first paragraph-sized prose unit after unit i."""
        return self._next_para[min(i + 1, len(self.units))]

    def next_in_flow(self, i: int) -> int | None:
        """Index of the next unit after i in the page's flow with two words or more."""
        for j in range(i + 1, min(len(self.units), i + 12)):
            if not self._aside[j] and self.units[j].words >= 2:
                return j
        return None

    def above(self, first: int, n: int) -> list[Classified]:
        """Up to n units in the flow right above unit first."""
        found = [self.units[j] for j in range(max(0, first - 2 * n), first) if not self._aside[j]]
        return found[-n:]

    def echoes_print_title(self, k: str) -> bool:
        """Whether a print header's page title repeats this key (see echoes_title)."""
        if len(k) < 12:
            return False
        return k in self._title_keys or any(cut and k.startswith(cut) for cut in self._title_cuts)

    def echoes(self, wanted: dict[str, str]) -> dict[str, float]:
        """For each wanted key (with its text), how strongly the page repeats it: 2.5 with a
        site or section around it ('Title - Site', 'Section|Title') or quoted ('2 comments on
        “Title”'), 1.0 alone on a line elsewhere."""
        found: dict[str, float] = {}
        where: dict[str, list[int]] = {}
        sizes = {weight(text) for text in wanted.values()}  # a repeat has the same word count
        for i, c in enumerate(self.units):
            if not 3 <= c.words <= CARRIER_MAX_WORDS or c.prose and c.words > 20:
                continue  # a paragraph quotes people, not the page's title
            if _CARRIER_HINT.search(c.text):
                for part in _carried(c.text):
                    k = key(part) if 1 <= part.count(" ") <= 30 else ""
                    if k in wanted and len(k) >= 12:
                        found[k] = 2.5
            if c.words in sizes:
                k = key(c.text)
                if k in wanted:
                    where.setdefault(k, []).append(i)
        for k, places in where.items():
            if k not in found and len(k) >= 12 and places[-1] - places[0] > 1:
                found[k] = 1.0
        return found
