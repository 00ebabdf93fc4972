"""A digest of what an entry asks: its question and paraphrases, in every language.

The taught questions (taught.py) record each entry's digest when they were labelled. An
out-of-scope label means "no entry answered this then": an entry added since, or one whose
questions a moderator changed since (a taught paraphrase, /kb edit), may answer it now, so the
out-of-scope examples veto only entries whose digest is still the recorded one.
"""

from __future__ import annotations

import hashlib
import json

from bot.core.models import Entry


def asks_digest(entry: Entry) -> str:
    asked = {"": [entry.question, *entry.paraphrases]}
    for code, words in sorted(entry.translations.items()):
        asked[code] = [words.question, *words.paraphrases]
    text = json.dumps(asked, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
