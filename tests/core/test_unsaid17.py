"""Look-alikes of round 17 (issue 9: "numbers and years in a question that the entry does not
contain count against it"): questions that share an entry's words but ask of something the
whole entry, answer included, never says (asked_request.py, AskedRequest._unsaid). None is from
a benchmark set. Each list is one kind:

- a year the entry's figures are not for ("how many were caught in 1995");
- a count asked for a day counted from now ("how many crossed yesterday");
- a cost ("how much does an ankle monitor cost per day"), where the entry says none;
- the time of someone no entry names ("under obama", "during the bush years").

The rule holds each question's best candidate, so at most "did you mean" is answered; the
questions of the same shapes the entries do answer stay answered.
"""

from __future__ import annotations

import pytest

from bot.core.matcher import Matcher
from testkit.answers import confident_entry

YEARS = [
    "how many migrants were enrolled in the app in 2019",
    "how many border crossers were caught in 1995",
    "did the 2500 rule exist in 2012",
    "how many people were on atd in 2010",
    "how many people were apprehended at the southern border in 2005",
    "was the ice check in app around in 2016",
    "how many encounters did cbp record in 1999",
    "did newsmax cover the ice app in 2018",
    "how many migrants were in alternatives to detention in 2014",
    "were ice offices overwhelmed in 2011",
    "how many unique people crossed in 2001",
    "did apple approve the ice app in 2015",
    "what did the post report in 2009",
    "how many people used cbp one in 2017",
    "how many asylum seekers came in 1980",
    "was smartlink used in 2006",
    "how many check-in arrests were there in 2003",
    "what were the border numbers in 1990",
    "how many crossers were caught by border patrol in 2000",
    "how many people signed up for the check in app in 2012",
]
TIMES = [
    "how many crossings were there yesterday",
    "how many people checked in on the app yesterday",
    "how many people got arrested at check ins yesterday",
    "how many migrants will cross the border tomorrow",
    "how many migrants were caught at the border yesterday",
    "how many people enrolled in the app yesterday",
    "how many encounters did cbp have yesterday",
    "how many people are crossing tonight",
    "how many people will check in tomorrow",
    "how many apprehensions were there tonight",
    "how many arrests did ice make yesterday",
    "how many people were put on ankle monitors yesterday",
    "how many asylum seekers showed up yesterday",
    "how many migrants got released yesterday",
    "how many people were encountered at the border yesterday",
    "how many cbp one appointments are there tomorrow",
    "how many people used smartlink yesterday",
    "how many check ins happened yesterday",
    "how many migrants crossed yesterday at the southern border",
    "how many unique people crossed the border yesterday",
]
TIMES_ES = [
    "¿cuántos migrantes cruzaron ayer?",
    "¿cuántos detuvieron anoche en la frontera?",
    "¿cuántas personas se reportaron ayer en la app?",
    "¿cuántos encuentros hubo ayer en la frontera sur?",
]
PRICES = [
    "how much does an ankle monitor cost ice per day",
    "how much is the fee for the ice check in app",
    "how much does smartlink cost",
    "how much does the ice check in app cost per month",
    "what's the price of an ankle monitor",
    "what does cbp one cost to download",
    "are there fees to use the ice check in app",
    "how much does it cost to file for asylum",
    "what is the fee for an asylum application",
    "how much does a cbp one appointment cost",
    "does the ice portal charge a fee",
    "price of the ice app on the app store",
    "how much does border patrol cost per year",
    "what are the costs of alternatives to detention",
    "how much does it cost to detain a migrant per day",
    "how much does the app cost on iphone",
    "what's the price of smartlink for ice",
    "how much does the ice portal cost",
    "are there any fees for a cbp one appointment",
    "how much did the check in app cost to build",
]
RULED = [
    "how many border apprehensions were there under obama",
    "how many migrants were apprehended during the bush years",
    "how many apprehensions were there under reagan",
    "how many border crossers were caught under clinton",
    "how many people crossed the border during obama",
    "how many illegal crossings were there under bush",
    "how many migrants were caught under obama's presidency",
    "did border crossings go up under reagan",
    "how many people did border patrol arrest under clinton",
    "were ice offices overwhelmed under obama",
    "how many unique people crossed under bush",
    "how many people were on atd under obama",
    "how many encounters did cbp record under clinton",
    "how many migrants came in under obama",
    "how many apprehensions happened during reagan's term",
    "did the app exist under obama",
    "how many people were caught at the southern border under carter",
    "how many asylum seekers came during clinton",
    "how many crossers were apprehended under nixon",
    "how many migrants crossed under the obama administration",
]


@pytest.mark.parametrize("question", [*YEARS, *TIMES, *PRICES, *RULED])
def test_what_the_entry_never_says_is_not_answered(english: Matcher, question: str) -> None:
    assert confident_entry(english, question) is None
    best = english.match(question).best
    if best is not None:  # the rule, not only the score, holds what would be answered
        assert english._request_unasked(question, best.entry_id)


@pytest.mark.parametrize("question", TIMES_ES)
def test_a_count_for_yesterday_is_not_answered_in_spanish(spanish: Matcher, question: str) -> None:
    assert confident_entry(spanish, question) is None
    best = spanish.match(question).best
    if best is not None:
        assert spanish._request_unasked(question, best.entry_id)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many border crossers were apprehended under biden", "apprehended-7-million"),
        ("how many illegal immigrants came in under biden", "apprehended-7-million"),
        ("how many migrants were caught since biden took office", "apprehended-7-million"),
        ("who gets a pass under bidens border order", "eo-exceptions"),
        ("when did biden's june 2024 border proclamation take effect", "eo-dates"),
        ("how many encounters did cbp record in fiscal year 2023", "fy-encounters"),
        ("how many people were on atd in october 2024", "atd-numbers"),
        ("how many people are in alternatives to detention right now", "atd-numbers"),
        ("how many unique people were encountered in fy2021", "unique-people"),
        ("is the ice office in new york booked until 2032", "ice-offices-underwater"),
        ("did biden close the border at 2500 a day", "eo-2500-claim"),
        ("is 2,500 a cap on how many migrants get in", "eo-threshold"),
        ("how many people signed up for the check-in app", "enrolled-45"),
        ("is the app on the app store", "apple-store"),
        ("who reported this story first", "who-reported"),
        ("when did this story come out", "who-reported"),
        ("is the 7 million number real", "apprehended-7-million"),
        ("how many people are on ankle monitors", "atd-numbers"),
    ],
)
def test_what_the_entry_says_is_still_answered(english: Matcher, question: str, entry: str) -> None:
    assert confident_entry(english, question) == entry
