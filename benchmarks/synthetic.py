"""Deterministic synthetic knowledge bases for the speed benchmark.

Each entry is one made-up claim with about eight ways of asking about it. Slot words are drawn
from a Zipf-like distribution over real English words (a few very common, a long tail of rare
ones), plus made-up place and programme names, so the index sees what a real knowledge base
has: many entries sharing common words, told apart by a few rare ones. Each entry also gets a
query: for odd entries a wording no entry uses, for even ones one of its own questions (which
the speed benchmark then perturbs half of the time).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from itertools import accumulate

from bot.core.models import Entry, Source, SourceKind, Status

NOUNS = """app program policy rule office agent migrant family court hearing appointment
officer border camera phone system report data number record lawyer judge city state county
school hospital worker employer visa permit card document form fee deadline backlog case
application interview shelter facility detention release parole asylum claim appeal decision
notice letter email portal account password photo fingerprint address location database
contract contractor vendor budget grant audit review study survey poll election campaign
candidate senator governor mayor council committee hearing bill law statute regulation order
memo guidance website outage glitch error delay update version feature device tablet
computer laptop network server cloud privacy tracking location bracelet monitor ankle
checkpoint port bridge highway airport flight bus train truck crossing river wall fence
agency department bureau division unit team staff employee volunteer charity church union
company startup contractor consultant analyst reporter newspaper outlet article story source
interview statement press briefing spokesperson leak document email text message call""".split()
VERBS = """released enrolled approved rejected delayed launched tested cancelled expanded reduced
funded audited reviewed paused restarted monitored tracked detained deported admitted
processed scheduled rescheduled notified fined charged sued investigated reported confirmed
denied disputed announced postponed updated replaced hacked leaked closed opened moved hired
fired trained registered verified flagged counted estimated""".split()
ADJECTIVES = """new old digital remote mobile federal local state private public temporary
permanent official unofficial secret pilot national regional rural urban overdue late early
missing broken faulty secure encrypted free paid mandatory voluntary daily weekly monthly
annual emergency special limited expanded reduced total average weekly""".split()
ORGS = """ICE CBP DHS USCIS FBI DOJ GAO the-Post Newsmax Reuters AP the-White-House Congress
the-Senate the-House the-court the-mayor the-governor the-ACLU BI-Incorporated""".split()
SYLLABLES = """ka lo mi ra te su vin dor el an bel cor dax fen gal hul ish jor kem lun mar
nov ost pel quin ros sal tam ul ver wes yor zan bri cal dra""".split()
TEMPLATES = (
    "How many {noun}s were {verb} in {place} under the {program} program?",
    "Did {org} say the {program} {noun} was {verb}?",
    "is it true that {org} {verb} the {adj} {noun} in {place}",
    "what happened with the {program} {noun} in {place}",
    "{program} {noun} {place} {verb}?",
    "when was the {adj} {program} {noun} {verb}",
    "why did {org} get the {program} {noun} {verb} in {place}",
    "any news on the {noun} that was {verb} in {place}?",
    "tell me about {org} and the {adj} {program} {noun}",
)
# Wordings no entry uses: half the queries are these, half an entry's own question retyped.
QUERY_TEMPLATES = (
    "{place}: was the {program} {noun} really {verb} by {org}?",
    "whats the deal with {org} and the {noun} in {place}",
    "{program} program {noun}s {verb} or not",
    "i heard {org} {verb} a {adj} {noun} for {program}, true?",
)
SOURCE = Source.model_construct(
    publisher="Synthetic Gazette",
    title="Synthetic report",
    date=dt.date(2024, 7, 12),
    url=None,
    kind=SourceKind.OUTLET_ANALYSIS,
    described_as=None,
    count=None,
    via=None,
)


@dataclass(frozen=True)
class SyntheticBase:
    entries: list[Entry]
    queries: list[tuple[str, str]]  # (question kept out of the entry, the entry's id)


class _Zipf:
    def __init__(self, words: list[str], exponent: float = 1.0) -> None:
        self.words = words
        weights = (1.0 / (rank + 1) ** exponent for rank in range(len(words)))
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.words, cum_weights=self.cumulative)[0]


def _names(rng: random.Random, count: int, parts: tuple[int, int]) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts))))
    return sorted(names)


def generate(size: int, seed: int = 7) -> SyntheticBase:
    """`size` entries of eight questions each, and one query per entry."""
    rng = random.Random(seed)
    places = _Zipf([n.capitalize() for n in _names(rng, max(size // 4, 50), (2, 3))], 0.6)
    programs = _Zipf(_names(rng, max(size // 2, 100), (2, 4)), 0.4)
    slots = {
        "noun": _Zipf(NOUNS),
        "verb": _Zipf(VERBS),
        "adj": _Zipf(ADJECTIVES),
        "org": _Zipf([o.replace("-", " ") for o in ORGS]),
    }
    entries = []
    queries = []
    for number in range(size):
        words = {name: zipf.draw(rng) for name, zipf in slots.items()}
        words["place"] = places.draw(rng)
        words["program"] = programs.draw(rng)
        texts = [template.format(**words) for template in rng.sample(TEMPLATES, 8)]
        entry_id = f"syn-{number:06d}"
        entries.append(
            Entry.model_construct(
                id=entry_id,
                question=texts[0],
                paraphrases=texts[1:],
                keywords=[words["program"], words["place"]],
                answer=f"Synthetic answer about the {words['program']} {words['noun']}.",
                sources=[SOURCE],
                status=Status.REPORTED_UNCONFIRMED,
                as_of=dt.date(2024, 7, 12),
                related=[],
                tags=[],
            )
        )
        query = rng.choice(QUERY_TEMPLATES).format(**words) if number % 2 else rng.choice(texts)
        queries.append((query, entry_id))
    return SyntheticBase(entries, queries)
