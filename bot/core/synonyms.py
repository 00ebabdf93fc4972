"""The domain's single-word synonyms, each mapped onto one canonical word (English).

Entries are generic: a synonym belongs here when members really use both words for the same
thing in this domain, never to fix one question. Multi-word phrases, stopwords and weak words
are in vocabulary.py.
"""

from __future__ import annotations

# Single words mapped onto one canonical form. A word is looked up as typed, then by its
# stripped form (normalize.py), so a synonym reaches every form of its word and a canonical
# word's forms are it ("phones" is "phone"). Some keys are written as stripped forms.
SYNONYMS: dict[str, str] = {
    "application": "app",
    "applic": "app",
    "apps": "app",
    "smartphone": "phone",
    "cellphone": "phone",
    "cell": "phone",
    "mobile": "phone",
    "iphone": "phone",
    "android": "phone",
    "migrant": "migrant",
    "immigrant": "migrant",
    "illegal": "migrant",
    "illegally": "illegally",  # "in the US illegally" is not about migrants as a group
    "alien": "migrant",
    "noncitizen": "migrant",
    "undocumented": "migrant",
    "asylee": "asylum",
    "enrol": "enroll",
    "enrolment": "enroll",
    "enrollment": "enroll",
    "regist": "enroll",
    "register": "enroll",
    "registration": "enroll",
    "apprehens": "apprehend",
    "apprehension": "apprehend",
    "arrest": "apprehend",
    "caught": "apprehend",
    "catch": "apprehend",
    "glitch": "glitch",
    "bug": "glitch",
    "buggy": "glitch",
    "crash": "glitch",
    "broken": "glitch",
    "outage": "glitch",
    "postpon": "postpone",
    "cancell": "postpone",
    "delay": "postpone",
    "cancel": "postpone",
    "potus": "president",
    "administration": "admin",
    "administr": "admin",
    "whitehouse": "admin",
    "govt": "government",
    "gov": "government",
    "source": "source",
    "sourc": "source",  # "sources", "sourced", "sourcing" (the stemmer leaves "sourc")
    "insider": "source",
    "leak": "source",
    "leaker": "source",
    "anon": "anonymous",
    "unnamed": "anonymous",
    "anonym": "anonymous",
    "unidentified": "anonymous",
    "nyp": "nypost",
    "proclamation": "eo",
    "order": "eo",
    "rule": "eo",
    # …but a court that "ruled" gave a ruling: a synonym reaches every form of its word
    # (normalize.py), so a form with another sense is listed apart.
    "ruled": "ruling",
    "ruling": "ruling",
    "rulings": "ruling",
    "crosser": "crossing",
    "cross": "crossing",
    "crossed": "crossing",
    "confirm": "confirm",
    "verify": "confirm",
    "verifi": "confirm",
    "confirmat": "confirm",
    "legit": "true",
    "real": "true",
    "fake": "true",
    "accurate": "true",
    "digital": "online",
    "virtual": "online",
    "virtually": "online",
    "remote": "online",
    "remotely": "online",
    "internet": "online",
    "accurat": "true",
    "million": "million",
    "mil": "million",
    "mill": "million",
    "city": "city",
    "citi": "city",
    "town": "city",
    "encount": "encounter",
    "encounter": "encounter",
    # Negation: "what if they don't check in" asks about skipping one, not how it works.
    # (Its token is no stripped form of another word: "note" and "noted" strip to "not".)
    "not": "negation",
    "dont": "negation",
    "doesnt": "negation",
    "didnt": "negation",
    "never": "negation",
    # …as "has not" is: "why hasn't ICE said anything" ("haven't" is left a word of its own:
    # "what if i haven't got the app" asks about having one, not about skipping a check-in).
    "hasnt": "negation",
    # Slang and shorthand members use for the topic's words.
    "ppl": "people",
    "diff": "different",
    "og": "original",
    "avg": "average",
    "boarder": "border",  # the domain's commonest misspelling, itself a (rare) word
    "fy": "fiscal",  # "fy 2022"
    "advise": "advice",  # "is this legal advise"
    "cheap": "free",
    "affordable": "free",
    "ppls": "people",
    "peeps": "people",
    "folk": "people",
    "presser": "pressconference",
    "rebrand": "sam",  # "is this just smartlink rebranded": the same app renamed
    "rebranded": "sam",
    "politics": "political",  # the stemmer leaves "politic" but "political" whole
    "politic": "political",
    "atty": "attorney",
    "attys": "attorney",
    "nab": "apprehend",  # "ppl getting nabbed at check ins"
    "nabb": "apprehend",
    "snatch": "apprehend",  # "ppl getting snatched at ice check ins"
    "snatched": "apprehend",
    "tryout": "pilot",  # "which cities are part of the tryout"
    "glitchy": "glitch",
    "busted": "glitch",
    "flop": "fail",
    "fiasco": "fail",
    "failure": "fail",
    "snitch": "source",
    "whistleblower": "source",
    "mole": "source",
    "rollout": "launch",
    "bugg": "glitch",
    "laggy": "glitch",
    "janky": "glitch",
    "scrap": "postpone",
    "axed": "postpone",
    "nix": "postpone",
    "shelv": "postpone",
    "slam": "overwhelm",
    "migra": "ice",
    "onboard": "enroll",
    "cooked": "overwhelm",
    "swamped": "overwhelm",
    "ghost": "disappear",
    "ghosting": "disappear",
    "receipt": "proof",
    # Doubt about the story itself. "fake", "real", "legit" and "true" (above) are weak: they
    # are also how members ask about a claim ("is the app real"). Saying the story was made up
    # is a question of its own, answered by whether it is confirmed.
    "hoax": "hoax",
    "rumor": "hoax",
    "rumour": "hoax",
    "satire": "hoax",
    "clickbait": "hoax",
    "bs": "hoax",
    "bullshit": "hoax",
    "cap": "hoax",
    "lie": "hoax",
    "lying": "hoax",
    "liar": "hoax",
    "fabricat": "hoax",
    "fabricated": "hoax",
    "invent": "hoax",
    "invented": "hoax",
    "debunk": "hoax",
    "propaganda": "hoax",
    "misinformation": "hoax",
    "disinformation": "hoax",
    "madeup": "hoax",
    "nonsense": "hoax",
    "sus": "hoax",
    "sketchy": "hoax",
    "shady": "hoax",
    "fishy": "hoax",
    "bogus": "hoax",
    "psyop": "hoax",
    # Doubt said in other words: "seems exaggerated", "i doubt it", "sounds dubious". (Not
    # "spin" or "inflated": the knowledge base asks whether the bot spins, and whether repeat
    # crossings inflate the border figures.)
    "exaggerat": "hoax",
    "exaggerate": "hoax",
    "overblown": "hoax",
    "overstat": "hoax",
    "overstate": "hoax",
    "doubt": "hoax",
    "doubtful": "hoax",
    "skeptical": "hoax",
    "sceptical": "hoax",
    "suspicious": "hoax",
    "dubious": "hoax",
    # Misleading, or stirring up fear: doubt of its own kind, which may be a verdict on a thing
    # the topic names rather than on the report ("is ice misleading people", "is ice just
    # fearmongering" judge the agency: doubt.toml lists them with "legit"), and doubts a claim
    # named beside it ("is the anonymity line just fearmongering"). (Not "hearsay": "did anyone
    # on the record use the app or is it all hearsay" asks who; nor "myth", dropped with its
    # alternative: dismissal.py.)
    "misleading": "mislead",
    "mislead": "mislead",
    "fearmongering": "mislead",
    "fearmonger": "mislead",
    "scaremongering": "mislead",
    "scaremonger": "mislead",
    "trust": "true",
    "trustworthy": "true",
    "credible": "true",
    "reliable": "true",
    # (talk18) Whether a claim is believable asks whether it is true: "is that even
    # believable", "is the 45 figure plausible".
    "believable": "true",
    "plausible": "true",
}
