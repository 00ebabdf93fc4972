"""The shapes English questions come in, as plain-word data: what asks for a definition, which
words open a question or point back to a subject named elsewhere, where a second question starts
inside a sentence, and the kinds of answer a wh-word asks for. The words themselves (phrases,
synonyms, stopwords) are in vocabulary.py and synonyms.py; other languages: locales/*/language.toml.
"""

from __future__ import annotations

# Questions that ask what something is or what a name means ("what is ICE", "what does CBP
# stand for", "ATD meaning"): regular expressions over plain words, the thing asked about in
# the group "subject". Only an entry asked what that thing is answers them (confidence.py), so
# "what is ICE" is not answered by an entry that merely mentions ICE.
_WHAT = r"(?:what|wat|wut|wht|waht)"
_NAME = r"(?:the |a |an )?(?P<subject>(?:[a-z0-9]+ ){0,3}[a-z0-9]+)"
# Every question those patterns match opens or ends with one of these (a quick test first).
DEFINITION_ENDS = frozenset(
    "what wat wut wht waht whats meaning definition for it that exactly".split()
)
DEFINITION_PATTERNS: tuple[str, ...] = (
    rf"^{_WHAT}(?: is| was|s| s) (?:the )?(?:meaning|definition) of {_NAME}$",
    rf"^{_WHAT} (?:does|do|did) {_NAME} (?:stand for|mean|means)$",
    rf"^{_WHAT}(?: exactly| even)?(?: is| was|s| s) {_NAME}$",  # "what even is it"
    # …and a thing described by a clause of its own: "what is the X that shows up in the store"
    rf"^{_WHAT}(?: is| was|s| s) {_NAME} (?:that|thats|which) .+$",
    rf"^{_NAME} (?:meaning|definition|stands? for)$",
    rf"^{_NAME} {_WHAT}(?: is| s|s) (?:it|that)$",  # "smartlink app what is it"
    rf"^{_NAME} (?:is|s) {_WHAT}(?: exactly)?$",  # "smartlink app is what exactly"
    # …or "smartlink app = what exactly" (the sign is no word): not "…then what", which asks
    # what happens next.
    rf"^{_NAME}(?<! then)(?<! and)(?<! so)(?<! now) {_WHAT} exactly$",
)

# Words a question opens with. A sentence that opens otherwise and matches nothing ("I
# volunteer at a shelter.") is context for the question beside it (several_questions.py).
QUESTION_OPENERS: frozenset[str] = frozenset(
    """what whats wat wut who whos whom whose when whens where wheres why which how hows is isnt
    are arent was wasnt were did didnt does doesnt do dont can cant could will wont would
    should has have any anyone y""".split()
)

# Words that point to a subject named elsewhere ("when does it end?"): a part of a message
# that says one only names its subject in another part (several_questions.py).
REFERENCE_WORDS: frozenset[str] = frozenset("it its that this they them those these".split())
# Kinds of thing that, said with a reference word, still only point at what was named before:
# "…mentioning ice.gov/check-in, what is that site" asks what ice.gov/check-in is (ranking.py).
KIND_WORDS = frozenset("app apps application site website webpage page thing service".split())

# Where a second question starts inside one sentence ("how many enrolled and did it have
# glitches"): a conjunction followed by a word that opens a question. A regular expression over
# plain words; the matcher answers one part when the whole is not clear (several_questions.py).
CLAUSE_BREAK = (
    r" (?:and|also|plus|or|but) (?=(?:is|are|was|were|did|does|do|can|could|will|would|has|have"
    r"|who|whos|what|whats|when|whens|where|wheres|why|which|how|hows)\b)"
)

# The kind of question a wh-word asks ("how many" and "how much" are one kind of their own,
# and so is "how do I …", found by question_kind). Only kinds that say what sort of answer is
# wanted ("which" picks one of several things): "what", "is" and "how" open every sort of
# question. A question of a kind needs an entry asked that kind of question, and a near tie
# goes to the one entry that is (confidence.py).
QUESTION_KINDS: dict[str, str] = {
    **dict.fromkeys("who whos whom whose".split(), "who"),
    # …and their shorthand, which the typo reader leaves as typed ("wen is the hearing").
    **dict.fromkeys("when whens wen whn".split(), "when"),
    **dict.fromkeys("where wheres wher whr".split(), "where"),
    **dict.fromkeys("why whys y".split(), "why"),  # "y do u keep flagging that"
    **dict.fromkeys("which wich".split(), "which"),
}
HOW_MANY = "how many"
# "how long does it take", "cuánto tarda": asks for a duration, which only an entry asked how
# long answers (not one asked how many, nor when something happened).
HOW_LONG = "how long"
# "how do I …", "how can you …": asks for a way to do something, which only an entry asked
# that way explains ("how do I apply for asylum" is not answered by who is exempt).
HOW_TO = "how to"
HOW_TO_OPENINGS = [
    [verb, person]
    for verb in ("do", "can", "could", "would", "should")
    for person in ("i", "u", "you", "we")
]
# …but "how do we know", "how can I trust" doubt a claim.
HOW_TO_DOUBT = [["know"], ["tell"], ["trust"], ["believe"], ["be"]]

# The form a question opens in when no kind of question is said (question_form.py): a yes/no
# question ("is it …", "did they …"), or "what" before a noun ("what cities …", "what app …"),
# which asks for a name or a list as "which" does (not "what is …", "what happens …").
YES_NO = "yes/no"
WHICH = "which"
# …or a question asking what a thing is or does ("what is the ICE check-in app", "whats
# smartlink", "what does the app in the store do"), not whether something is so: a yes/no
# question is not asked like it ("is the ICE check-in app in the app store"), nor it like one.
WHAT_IS = "what is"
# The forms that settle a near tie (confidence.py), each with the forms of a rival's question
# that ask another thing: a yes/no question is not asked like one asking which thing, or where
# (which place: "where exactly is the pilot happening"), and the other way round. Other kinds
# of question ("who …", "how many …") are settled by the entries asked that kind
# (confidence._matched_alike: "who told the Post about the app" goes to the entry matched with
# "who told the Post this", not "when was the app story published").
OTHER_FORMS: dict[str, frozenset[str]] = {
    YES_NO: frozenset({WHICH, "where", WHAT_IS}),
    WHICH: frozenset({YES_NO}),
    WHAT_IS: frozenset({YES_NO}),
}
# …"it's just a pilot right now?" asks yes or no too.
YES_NO_OPENERS = frozenset(
    """is isnt are arent was wasnt were werent did didnt does doesnt do dont can cant could
    couldnt will wont would wouldnt has hasnt have havent its thats theres""".split()
)
WHAT_WORDS = frozenset("what wat wut wht waht".split())
# How a question asking what a thing is opens (WHAT_IS): "what is …", "whats …", "what
# exactly is …"; one asking what it does opens and ends with these ("what does the app do").
WHAT_IS_OPENINGS = frozenset(
    {f"{what} {verb}" for what in WHAT_WORDS for verb in ("is", "s", "exactly", "even")}
    | {"whats", "wats"}
)
DOES_WORDS = frozenset({"do", "does"})
# Words after "what" that do not name a thing: "what is", "what happens if", "what exactly".
NOT_NAMING = YES_NO_OPENERS | frozenset(
    """s is was were should shall may might must if about else exactly even happened happens
    happen going makes made make triggers counts means mean do does did the a an this that
    it its they he she we you i""".split()
)
