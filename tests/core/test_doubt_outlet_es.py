"""Factcheck 19: Spanish doubt about an outlet alone is read as English is (Doubt.OUTLET): the
entry asked which outlet reported answers it, or it is held; never the 1.8-million or election
entry through a shared "post"/"newsmax"."""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry


@pytest.mark.parametrize(
    "question",
    ["¿es confiable el New York Post?", "¿newsmax es creíble?", "¿es confiable newsmax?"],
)
def test_spanish_outlet_doubt_is_who_reported_or_held(spanish: Matcher, question: str) -> None:
    assert confident_entry(spanish, question) in (None, "who-reported")


def test_a_claim_named_keeps_its_entry(spanish: Matcher) -> None:
    question = "¿es confiable lo que dice el post de los 45 inscritos?"
    assert confident_entry(spanish, question) == "enrolled-45"
