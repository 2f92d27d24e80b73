"""Site knowledge from the data files (publishers, agencies, furniture), loaded safely once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from toolkit.errors import ContractError
from toolkit.safe_yaml import YamlProblem, load_yaml


def load_data_file(name: str) -> Any:
    """One YAML file of toolkit/data, parsed with the safe loader (data never runs code)."""
    text = resources.files("toolkit.data").joinpath(name).read_text(encoding="utf-8")
    try:
        return load_yaml(text)
    except YamlProblem as exc:
        raise ContractError(f"toolkit/data/{name}: invalid YAML: {exc}") from exc


_NON_WORD = re.compile(r"[\W_]+")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def name_key(name: str) -> str:
    """Compare names ignoring case, spaces, punctuation and a leading 'The'."""
    key = _NON_WORD.sub("", name.casefold())
    return key[3:] if key.startswith("the") and len(key) > 6 else key


@dataclass(frozen=True)
class Publisher:
    """One outlet: its name, domains, and the furniture only its pages have."""

    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    markers: tuple[re.Pattern[str], ...] = ()
    boilerplate: tuple[re.Pattern[str], ...] = ()
    appeals: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()


@dataclass(frozen=True)
class Knowledge:
    """Everything the extractor knows that is not a general rule."""

    share_words: frozenset[str]
    button_phrases: frozenset[str]
    strong: tuple[tuple[str, re.Pattern[str]], ...]
    cta: frozenset[str]
    markup: re.Pattern[str]
    publishers: tuple[Publisher, ...]  # only outlets with furniture rules: classify tries each
    names: tuple[str, ...] = ()  # every publisher name and alias as written, for mentions
    agencies: dict[str, str] = field(default_factory=dict)  # name_key -> agency name
    publisher_names: dict[str, str] = field(default_factory=dict)  # name_key -> publisher name
    domains: dict[str, str] = field(default_factory=dict)  # domain -> publisher name

    def agency(self, name: str) -> str | None:
        return self.agencies.get(name_key(name))

    def publisher(self, name: str) -> str | None:
        return self.publisher_names.get(name_key(name))

    def publisher_for_domain(self, host: str) -> str | None:
        host = host.lower().removeprefix("www.")
        while host:
            if host in self.domains:
                return self.domains[host]
            _, _, host = host.partition(".")
        return None


@functools.lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """Parse the data files once per process."""
    bp = load_data_file("boilerplate.yaml")
    publishers = []
    for entry in load_data_file("publishers.yaml"):
        publishers.append(
            Publisher(
                name=entry["name"],
                domains=tuple(entry.get("domains", [])),
                aliases=tuple(entry.get("aliases", [])),
                markers=tuple(_rx(p) for p in entry.get("markers", [])),
                boilerplate=tuple(_rx(p) for p in entry.get("boilerplate", [])),
                appeals=tuple((_rx(a["start"]), _rx(a["end"])) for a in entry.get("appeals", [])),
            )
        )
    agencies = {}
    for entry in load_data_file("agencies.yaml"):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            agencies[name_key(alias)] = entry["name"]
    names = {name_key(a): p.name for p in publishers for a in (p.name, *p.aliases, *p.domains)}
    furnished = tuple(p for p in publishers if p.markers or p.boilerplate or p.appeals)
    return Knowledge(
        share_words=frozenset(str(w).lower() for w in bp["share_words"]),
        button_phrases=frozenset(str(w).lower() for w in bp["button_words"]),
        strong=tuple(
            (k, _rx(v))
            for k, v in (
                *bp["strong"].items(),
                *load_data_file("headings_intl.yaml")["strong"].items(),
            )
        ),
        cta=frozenset(str(p).lower() for p in bp["cta"]),
        markup=_rx(bp["markup"]),
        publishers=furnished,
        names=tuple(n for p in publishers for n in (p.name, *p.aliases)),
        agencies=agencies,
        publisher_names=names,
        domains={d.lower(): p.name for p in publishers for d in p.domains},
    )
