"""A small knowledge set for the Discord tests, independent of the shipped files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

NYP = {
    "publisher": "New York Post",
    "title": "Report on the ICE check-in app",
    "date": "2024-07-12",
    "kind": "anonymous",
    "described_as": "sources familiar with the app",
    "count": 2,
}
CBP = {
    "publisher": "U.S. Customs and Border Protection",
    "title": "Southwest Land Border Encounters",
    "date": "2024-07-12",
    "url": "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters",
    "kind": "agency_data",
}
# Mention syntax inside knowledge text: rendering it must never ping anyone.
MENTIONS_IN_TEXT = "@everyone, @here, <@&424242424242424242> and <@131313131313131313>"

ENTRIES: list[dict[str, Any]] = [
    {
        "id": "enrolled-45",
        "question": "How many migrants were enrolled in the app?",
        "paraphrases": ["how many people signed up for the check-in app", "enrollment numbers"],
        "keywords": ["45", "enrolled", "hundreds"],
        "answer": "The New York Post reported, citing unnamed sources, that officials could "
        "enroll only 45 migrants out of hundreds because of technical issues.",
        "sources": [NYP],
        "status": "reported_unconfirmed",
        "as_of": "2024-07-12",
        "related": ["apprehended-7m", "apple-store"],
        "translations": {
            "es": {
                "question": "¿Cuántos migrantes se inscribieron en la aplicación?",
                "paraphrases": ["cuántas personas se registraron en la app"],
                "keywords": ["45", "inscritos"],
                "answer": "El New York Post informó, citando fuentes anónimas, que los "
                "funcionarios solo lograron inscribir a 45 migrantes de cientos por problemas "
                "técnicos.",
            }
        },
    },
    {
        "id": "apprehended-7m",
        "question": "How many border crossers were apprehended under Biden?",
        "paraphrases": ["how many illegal crossers were caught since biden took office"],
        "keywords": ["7 million", "apprehended"],
        "answer": "CBP data indicate more than 7 million encounters at the border since January "
        "2021. CBP counts encounter events, not unique people.",
        "sources": [CBP],
        "status": "public_record",
        "as_of": "2024-07-12",
    },
    {
        "id": "apple-store",
        "question": "Is the check-in app approved by the Apple store?",
        "paraphrases": ["is the ice app on the app store", "can I get it on my iphone"],
        "keywords": ["apple", "approved"],
        "answer": "The New York Post reported, citing unnamed sources, that the app had not "
        "been approved by the Apple store.",
        "sources": [NYP],
        "status": "reported_unconfirmed",
        "as_of": "2024-07-12",
    },
    {
        "id": "memo-recipients",
        "question": "Who was the internal memo addressed to?",
        "paraphrases": ["who received the memo"],
        "keywords": ["memo", "addressed"],
        "answer": f"The memo, as published, was addressed to {MENTIONS_IN_TEXT}.",
        "sources": [CBP],
        "status": "public_record",
        "as_of": "2024-07-01",
    },
]


def write_knowledge(directory: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    document = {"topic": "Discord test topic", "entry": entries if entries is not None else ENTRIES}
    (directory / "discord-test.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    return directory
