"""A career is no one's own case (round 16, issue 9: the own-case notice where it does not
belong). "how do i become an immigration lawyer" says "lawyer" and "immigration", and "can i work
for ice" says "ice", but asks about a job, not the asker's case: no own-case notice. The phrases
are set aside (`aside` in bot/locales/<code>/own_case_words.toml) before any rule is matched, so
a question that also names the asker's case keeps the notice ("can i bring my lawyer to my ice
appointment", "i am becoming a lawyer but my husband has a check-in tomorrow"). None of these
questions is from a benchmark set.
"""

from __future__ import annotations

import pytest

from bot.core.own_case import detect

CAREER_EN = [
    "how do I become an immigration lawyer",
    "how do i become an ICE agent",
    "how can i get a job at ICE",
    "how do i study immigration law",
    "can i work for ice",
    "how do i apply to be a court interpreter",
    "how do i become a volunteer at a detention center",
    "how do i get a job as a paralegal at an immigration firm",
    "what should i study to be an immigration judge",
    "can i intern at the immigration court",
    "i want to become an immigration attorney, where do i start",
    "should i become an ice officer",
    "do i need a degree to work as an immigration officer",
    "can we volunteer at the immigration court",
    "i want to work for border patrol, how do i apply",
    "how do i become a police officer",
    "how can i train to be an ice agent",
    "could i get a career as an immigration judge without law school",
    "will i be able to work at uscis with a criminal justice degree",
    "should i go to law school to help immigrants",
    "how do i get an internship at an immigration law firm",
    "can i become a court interpreter if i speak spanish",
]

CAREER_ES = [
    "cómo me hago abogado de inmigración",
    "como puedo trabajar en ICE",
    "quiero ser abogada de inmigración, qué estudio",
    "cómo puedo ser agente de ICE",
    "puedo trabajar para la migra si soy ciudadano",
    "necesito estudiar derecho para ser juez de inmigración",
    "¿cómo hago para ser intérprete en la corte?",
    "quiero trabajar de oficial de inmigración",
    "puedo ser voluntaria en un centro de detención",
    "cómo aplico para trabajar en la patrulla fronteriza",
    "debo estudiar leyes para trabajar en la corte de inmigración",
    "cómo le hago para trabajar en un bufete de abogados",
    "cómo me hago paralegal de inmigración",
]

# Own cases that say a job's words too: the notice stays.
OWN_CASE = [
    ("can i bring my lawyer to my ICE appointment", "en"),
    ("how do i get a lawyer for my court date", "en"),
    ("i want to become a citizen but i have a deportation order", "en"),
    ("can i work while my asylum case is pending", "en"),
    ("i am becoming a lawyer but my husband has a check-in tomorrow", "en"),
    ("can i be the interpreter for my dad at his hearing", "en"),
    ("i have a check-in next week, can i still use the app?", "en"),
    ("do i have to tell the ice officer that i work as a cook", "en"),
    ("can i still work as a driver if i have an ankle monitor", "en"),
    ("tengo cita con ICE, puedo llevar a mi abogado", "es"),
    ("cómo consigo un abogado para mi audiencia", "es"),
    ("quiero ser ciudadano pero tengo una orden de deportación", "es"),
    ("puedo trabajar mientras mi caso de asilo sigue pendiente", "es"),
    ("mi esposo es agente de seguridad y tiene cita con ICE mañana", "es"),
]


@pytest.mark.parametrize("question", [*CAREER_EN, *CAREER_ES])
def test_a_career_in_immigration_gets_no_own_case_notice(question: str) -> None:
    assert detect(question) is None


@pytest.mark.parametrize(("question", "language"), OWN_CASE)
def test_own_cases_that_name_a_job_keep_the_notice(question: str, language: str) -> None:
    found = detect(question)
    assert found is not None and found.language == language
