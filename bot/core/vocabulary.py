"""The domain's vocabulary: multi-word names joined into one token, words that carry no meaning
in a question, and words that carry little (single-word synonyms are in synonyms.py).

Entries are generic: a synonym belongs here when members really use both words for the same
thing in this domain, never to fix one question.
"""

from __future__ import annotations

# Phrases (regular expressions over normalised text) rewritten before tokenising, so
# multi-word names become one token. At one position the first that matches wins.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"immigration (?:and|&) customs enforcement", "ice"),
    (r"customs (?:and|&) border protection", "cbp"),
    (r"new york posts?|ny ?posts?|the post", "nypost"),
    (r"executive (?:order|action)s?", "eo"),
    (r"check ?ins?|checking in|checked in|check up", "checkin"),
    (r"sign(?:ed|ing)? ?ups?", "enroll"),
    (r"(?:picked|picking|scooped|rounded) up", "arrest"),  # "people getting picked up"
    # Slang for the topic's words: "who gets a pass", "carved out" (exempt); a court
    # that "smacked down" or "shot down" a rule struck it down; ICE that "bailed on" the
    # press conference called it off; a story that "dropped" was published. (Not "kick in",
    # which is both the day a rule takes effect and its threshold triggering it; nor "go
    # away", which is both restrictions lifting and in-person check-ins ending.)
    (
        r"(?:get|gets|getting|got|give|gives|given|giving) (?:a )?(?:free )?pass|off the hook"
        r"|(?:carve|carves|carved|carving) outs?",
        "exempt",
    ),
    (
        # Not "knocked down": ICE knocks down doors.
        r"(?:smack|smacks|smacked|shot|shoot|shoots|slap|slapped) down",
        "struck",
    ),
    (r"(?:bail|bails|bailed|bailing) on", "postpone"),
    # "you messed up an answer", "screwed up the date": got it wrong.
    (
        r"(?:mess|messes|messed|messing|screw|screws|screwed|screwing) (?:it |that |this )?up",
        "wrong",
    ),
    # "where are things at with the app", "where r we at": where things stand.
    (r"(?<=where )(?:are|r|re) (?:we|things) at", "stand"),
    # …and so was one someone "dropped": "who dropped this story first".
    (
        r"(?:drop|drops|dropped|dropping)(?= (?:this|the|that) (?:story|article|report|piece)\b)",
        "publish",
    ),
    # A story that "dropped" was published, but not what is in it: "the number of people in
    # the report dropped" fell.
    (
        "".join(
            rf"(?<!in the {noun} )(?<!of the {noun} )(?<!in this {noun} )"
            for noun in ("story", "stories", "report", "article", "piece")
        )
        + r"(?:(?<=story )|(?<=stories )|(?<=report )|(?<=article )|(?<=piece ))"
        r"(?:drop|drops|dropped)",
        "publish",
    ),
    # Doubt: "did they make this up" asks whether the story was invented.
    (
        r"(?:make|made|making|makes) (?:(?:it|this|that|these|those|them|all|the|whole|entire"
        r"|story|stuff|thing|things|number|numbers|quote|quotes|figure|figures) ){0,4}up",
        "madeup",
    ),
    # …or pulled "out of thin air": "did the post pull that number out of thin air".
    (r"out of thin air", "madeup"),
    # Doubt as a reaction: "7M caught?? no way", "that can't be right", "hard to believe".
    (r"^no way(?= |$)|(?<= )no way$", "hoax"),
    (r"(?:cant|can not|cannot) be (?:right|true|real|correct|legit)", "hoax"),
    (r"hard to (?:believe|buy)", "hoax"),
    # Asking whether to believe something doubts it: "should i even believe anonymous
    # sources", "can we believe the post" (not "i believe…", a hedge, nor "my dad believes…").
    (
        r"(?:(?<=should )|(?<=can )|(?<=could )|(?<=do )|(?<=would )|(?<=why ))"
        r"(?:i|we|you|anyone|people|ppl) (?:(?:even|really|actually|ever) )?believe",
        "trust",
    ),
    # "where this came from" asks where it comes from ("came" is no form "come" reaches):
    # read as the token of "come" (never "come" itself, which would part it from "comes").
    (r"came(?= from(?: |$))", "com"),
    # …while something that "came out" was published ("when did this story come out", "when
    # does gta 6 come out"), not something that "came in" (entered); not "what came out of the
    # lawsuit" (its result). An app that came out was launched ("when did the ice app come
    # out"); and "since it came out" asks what has happened since, not when it was published.
    (r"(?:(?<=app )|(?<=apps ))(?:come|comes|came|coming) out(?! of(?: |$))", "launch"),
    (
        "".join(
            rf"(?<!since {said} )"
            for said in (
                "it",
                "this",
                "that",
                *(
                    f"{the} {noun}"
                    for the in ("the", "this", "that")
                    for noun in ("story", "article", "report", "news", "piece", "post")
                ),
            )
        )
        + r"(?:come|comes|came|coming) out(?! of(?: |$))",
        "publish",
    ),
    # Checking who a person is: "how does the app verify who you are", "does ice confirm your
    # identity", "how do they check its really you" ask how a person's identity is checked,
    # not whether the report is confirmed ("verify", "confirm" are read as doubt elsewhere:
    # doubt.py). Not "verify it", "confirm this", "did dhs confirm the app": those doubt.
    (
        r"(?:verify|verifies|verified|verifying|verification of|confirm|confirms|confirmed"
        r"|confirming|confirmation of|check|checks|checking|prove|proves|proving) (?:that )?"
        r"(?:who (?:you|u|youre|they|theyre|we|i|im|people|ppl|someone|somebody|migrants|he"
        r"|she|the person) ?(?:are|is|r|re|am)?"
        r"|(?:your|ur|their|his|her|my|our|the persons?|peoples?|migrants?|users?) "
        r"(?:identity|identities|id|ids|face|faces)"
        r"|identity|identities"
        r"|(?:its|it s|that its) (?:really |actually )?(?:you|u|me|them)"
        r"|(?:you|u|youre|migrants|people|ppl|users) (?:are |r |re )?(?:really |actually )?"
        r"(?:who|the person|the right person|you|u)(?= |$)"
        r"|(?:you|u|me|migrants|people|ppl|users)$)",
        "identity",
    ),
    # …and "identity verification", "id check", "face check": the same thing.
    (
        r"(?:identity|id|face|facial) (?:verification|verifications|check|checks|confirmation)",
        "identity",
    ),
    # Trying a thing out is piloting it: "is my city one of the ones where they're trying it
    # out", "which cities are they trying the app out in" (a "tryout" is a pilot: synonyms.py).
    (r"(?:try|tries|tried|trying) (?:(?:it|this|that|the app|the thing) )?out", "pilot"),
    # "is there anything behind it" asks whether it is true.
    (r"anything (?:behind|to) (?:it|this|that)", "real"),
    (r"(?:go|goes|going|gone|went) live", "launch"),  # "before it went live"
    # Approval said as an idiom: "did it get the green light", "did Apple sign off on it".
    (r"green ?light(?:s|ed)?|greenlit|sign(?:s|ed|ing)? off(?: on)?|okayed", "approved"),
    (r"alternatives? to detention", "atd"),
    # Kept apart from detention itself: "how many people are in ICE detention" is not asked
    # by "how many does ICE track without detention".
    (
        r"non ?detained|(?:not|arent|isnt|wasnt|never|aren t) detained"
        r"|(?:without|outside|outside of|instead of) detention",
        "nondetained",
    ),
    (r"cbp ?(?:one|1)", "cbpone"),
    (r"cbp ?home", "cbphome"),
    (r"smart ?link", "smartlink"),
    # Apple's store is one name of its own: "the apple store part" asks whether Apple
    # approved the app, which "the app store" (also where the ICE app's listing is) does not.
    (r"apple (?:app )?store", "applestore"),
    (r"app ?store|play store|google play", "appstore"),
    # "who runs newsmax", "who's running ice" ask who operates a thing (not how it is run,
    # where "run" only frames the question); "who ran this story" published it, so not "ran".
    (r"(?:(?<=who )|(?<=whos )|(?<=who is ))(?:runs|run|running)", "operate"),
    (r"press (?:conference|briefing|event)", "pressconference"),
    # Showing up "in person" is one thing, apart from any person: "did any named person say
    # people used the app" asks nothing about in-person check-ins.
    (r"in person", "inperson"),
    (r"united states|u s(?: a)?|america", "usa"),
    (r"(?:southern|southwest|sw|mexican|mexico) boa?rders?|swb", "southborder"),
    (r"title 42", "title42"),
    (r"(?:bring|brings|bringing|brought) up", "mention"),
    # "what does ATD stand for" asks what a name means, not where things stand.
    (r"stands? for", "meaning"),
)
# The tokens the phrases become: tokens already, never stripped again.
PHRASE_TOKENS: frozenset[str] = frozenset(token for _, token in PHRASES)
# Every phrase above contains one of these words: text without any of them skips the phrase
# pass (a speed-up only; tests check each phrase still joins).
PHRASE_WORDS: frozenset[str] = frozenset(
    """immigration customs post posts york ny nypost executive check checks checking checked
    ins sign signed signing signup signups alternative alternatives cbp smart smartlink
    apple appstore store play press runs run running person united u usa america border
    boarder title make made
    making makes stand stands non nondetained not arent isnt wasnt never aren without
    outside instead bring brings bringing brought picked picking scooped rounded southern
    southwest sw swb mexican mexico way cant cannot can hard go goes going gone went green
    greenlight greenlights greenlighted greenlit signs okayed anything get gets getting got
    give gives given giving hook smack smacks smacked shot shoot shoots
    slap slapped bail bails bailed bailing drop drops dropped dropping carve carves carved carving
    thin try tries tried trying verify verifies verified verifying verification confirm confirms
    confirmed confirming confirmation check checks checking prove proves proving identity id face
    facial
    where mess messes messed messing screw screws screwed screwing came come comes coming
    believe
    """.split()
)

STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if then so of to in on at by for with from into about as is are was
    were be been being am do does did doing done have has had having i me my we our you your he
    she it its they them their this that these those there here what whats which who whom whose
    when where why how can could would should will shall may might must no yes any some all
    just only also very too really actually basically literally like lol lmao pls please plz
    thanks thank hey hi hello yo guys guy folks anyone someone somebody anybody one thing
    things stuff know knows tell told say says said saying heard hear read reading saw see seen
    wonder wondering question questions ask asking idk im ive its isnt arent wasnt werent aint
    cant wont wouldnt couldnt shouldnt
    u ur r ok okay well um uh hmm bro dude man mean means get got gets go going
    gonna wanna want wants let lets make makes made way much many more most than other else
    again even ever now right there their theyre whats whos hows thats ya yeah yep nope
    us mate sir pal wait omg wtf tho though anyway btw fr ngl tbh imo rn out up down off over
    kinda sorta maybe probably something anything everything nothing exactly wat wut wht wen
    ths abt bc cuz coz thru w hes shes youre theyre af huh ive ill id theyll thats wich teh
    waht hte adn tf hella b4 deets keep keeps kept keeping hw hwo getting
    smth sth roughly approximately approx ballpark meaning via y""".split()
)


# Tokens that often appear as chatter around a question or frame it ("is the story true"):
# they count, but for little, and an entry that leaves them out still answers the question.
# Tokens as stem() leaves them. ("article" and "come" were listed as typed, so never matched
# their tokens "articl" and "com"; made weak, each answered a tuning question wrongly: "where
# do most asylum seekers come from", "it's been a while since this article came out, what's
# happened since", so they are left out.)
WEAK_TOKENS: frozenset[str] = frozenset(
    {"true", "news", "report", "story", "info", "happen", "use", "need"}
)

# Doubt about what is claimed ("is it real", "a rumor", "made up", "verified"): asked about one
# claim, the entry on that claim answers it, since every answer says how it is sourced.
DOUBT_TOKENS: frozenset[str] = frozenset({"true", "hoax", "confirm", "mislead"})

# Words that say how a question is asked, not what it is about ("what happens if…", "how is
# it calculated", "any actual numbers"): an entry that lacks them still answers the question,
# and they count for neither side of its coverage (they still count, fully, for ranking).
# Compared as typed, so "reportedly" does not take "report" with it. Words that ask something
# in this domain stay out: "work" (how it works), "named" (the sources), "proof" (doubt).
FRAMING_WORDS: frozenset[str] = frozenset(
    """happen happens happened claim claims claimed explain explained explanation count counts
    counted number numbers total manage managed run runs running exist exists existed calculate
    calculated stat stats statistic statistics figure figures actual give according show shows
    showed sound sounds mean meaning meant detail details describe example reason situation
    deal talk talking mention mentions mentioned supposed supposedly allegedly reportedly
    apparently plan planned become became turn turned exactly basic basically fail failed failure
    success successful disaster mess joke involve involves involved""".split()
)
