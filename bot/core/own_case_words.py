"""The vocabulary of own-case questions, as regular-expression alternatives, English and Spanish.

`bot.core.own_case` builds its rules from these lists; text is matched after `own_case.fold`
(lower case, no accents, contractions spelt out), so every word here is written that way.
"""

from __future__ import annotations


def any_of(*alternatives: str) -> str:
    """One non-capturing group matching any of the alternatives."""
    return "(?:" + "|".join(alternatives) + ")"


# Not an ICE check-in: a flight's or a hotel's. Not the agency: ice cream, ice at home.
NOT_ICE_CHECK_IN = (
    r"(?! (?:for|at|to|on) (?:my |a |the |our )?(?:flight|hotel|airport|gate|airline))"
)
ICE = r"(?<!make )(?<!made )(?<!making )ice(?! (?:cream|cubes?|skating|hockey|maker|tea|at home))"
# Words that make a sentence about an immigration case rather than about the bot or the news.
CASE_EN = any_of(
    rf"che(?:c?k|qu?e)[- ]?ins?{NOT_ICE_CHECK_IN}",
    rf"check(?:ing|ed) in{NOT_ICE_CHECK_IN}",
    ICE,
    r"la migra",
    # this app, not any app: "the app", "the ICE app", "the check-in app"
    r"(?:the|this|that|ice|check[- ]?in) app",
    r"app?oi?n?t?m[ea]nts?",
    r"appt",
    r"court",
    r"(?<!keep )(?<!been )(?<!am )(?<!are )(?<!was )(?<! i )(?<! we )(?<!you )hearings?",
    r"let (?:me|us) (?:leave|go home)",
    r"(?:keep|hold) (?:me|him|her|us)\b(?! (?:posted|updated|informed))",
    r"judge",
    r"deport\w*",
    r"arrest\w*",
    r"detain\w*",
    r"detention",
    r"report(?:ing)? (?:to|in)",
    r"lawyer",
    r"attorney",
    r"parole\w*",
    r"asylum",
    r"officer",
    r"removal",
    r"ankle (?:monitor|bracelet)",
    r"monitor",
    r"smartlink",
    r"atd",
    r"isap",
    r"portal",
    r"paperwork",
    r"papers",
    r"visa",
    r"green card",
    r"status",
    r"case",
    r"immigration",
    r"reschedul\w*",
    r"i-\d{3}\w?",
    r"notice to appear",
    r"nta",
    r"in person",
    r"federal plaza",
    r"field office",
    r"pilot",
    r"tps",
    r"daca",
    r"work permit",
)
CASE_ES = any_of(
    r"citas?",
    r"chequeos?",
    r"che(?:c?k|qu?e)[- ]?ins?",
    ICE,
    r"migra",
    r"(?:la|el|esta|esa|este|ese) (?:app|aplicacion)",
    r"(?:app|aplicacion) de ice",
    r"corte",
    r"audiencias?",
    r"juez",
    r"deport\w*",
    r"arrest\w*",
    r"deten\w*",
    r"report\w*",
    r"present\w*",
    r"firmar",
    r"caso",
    r"abogad[oa]",
    r"parole",
    r"permiso",
    r"asilo",
    r"oficial",
    r"grillete",
    r"tobillera",
    r"brazalete",
    r"monitor",
    r"smartlink",
    r"atd",
    r"isap",
    r"portal",
    r"papeles",
    r"documentos",
    r"estatus",
    r"migratori[oa]",
    r"i?n?migra(?:cion|sion|tion)",
    r"imigracion",
    # being held: "lo van a dejar ahí"
    r"dejar(?:lo|la|me|nos)? (?:ahi|alli|adentro|encerrad[oa]s?)",
    r"inscrib\w*",
    r"nta",
    r"en persona",
    r"fecha",
    r"tps",
    r"daca",
    r"piloto",
    # Spanglish
    r"app?oi?n?t?m[ea]nts?",
    r"court",
    r"hearing",
    r"paperwork",
)
RELATIVE_EN = any_of(
    r"husband",
    r"wife",
    r"spouse",
    r"partner",
    r"fiance\w*",
    r"son",
    r"daughter",
    r"kids?",
    r"child(?:ren)?",
    r"mom",
    r"mum",
    r"mother",
    r"dad",
    r"father",
    r"parents?",
    r"brother",
    r"sister",
    r"cousin",
    r"uncle",
    r"aunt",
    r"grand(?:mother|father|ma|pa)",
    r"family",
    r"boyfriend",
    r"girlfriend",
    r"friend",
    r"roommate",
    r"old (?:man|lady)",
    r"ma|pa|pops|hubby|wifey|bf|gf|bro|sis",
    # a lawyer's or a volunteer's client gets the notice too: the answer may reach the client
    r"clients?",
    r"relatives?",
    r"family members?",
    r"loved ones?",
)
RELATIVE_ES = any_of(
    r"espos[oa]",
    r"marido",
    r"mujer",
    r"pareja",
    r"novi[oa]",
    r"prometid[oa]",
    r"hij[oa]s?",
    r"mama",
    r"papa",
    r"madre",
    r"padre",
    r"padres",
    r"herman[oa]s?",
    r"prim[oa]",
    r"ti[oa]",
    r"abuel[oa]",
    r"familia",
    r"familiar",
    r"amig[oa]",
    r"cunad[oa]",
    r"suegr[oa]",
    r"sobrin[oa]",
    r"senora|senor|viej[oa]|jef[ae]|jefecit[oa]|ama|apa|carnal|carnala|bebe|nen[ea]",
    r"nieto|nieta",
    r"yerno|nuera",
    r"clientes?",
    r"familiares",
)
# Someone close to the asker, named without "my": "a family member has a check-in".
SOMEONE_CLOSE_EN = any_of(
    r"a (?:family member|relative|loved one)",
    r"(?:someone|somebody|one|a member) (?:in|of|from) (?:my|our) (?:family|clients)",
    r"one of (?:my|our|them|the people i (?:help|work with))",
    r"a (?:friend|client|neighbou?r|cousin|relative) of (?:mine|ours)",
    r"(?:i|we) (?:have|know) (?:a|an) (?:\w+ )?(?:friend|client|relative|cousin|neighbou?r) "
    r"(?:who|that|whose)",
    # a volunteer's or a lawyer's: "a woman I help"
    r"\w+ (?:who |that |whom )?(?:i|we) (?:help|represent|work with|volunteer with|accompany|"
    r"sponsor)",
)
SOMEONE_CLOSE_ES = any_of(
    r"(?:alguien|uno|una) (?:de|en) (?:mi|nuestra) familia",
    r"un (?:familiar|pariente|ser querido)",
    r"una (?:familiar|pariente)",
    r"(?:un|una) (?:amig[oa]|client[ea]|vecin[oa]) (?:mi[oa]|nuestr[oa])",
    r"(?:tengo|tenemos|conozco) (?:un|una) (?:\w+ )?"
    r"(?:amig[oa]|client[ea]|familiar|pariente|vecin[oa]) (?:que|quien|cuy[oa])",
    # a volunteer's or a lawyer's: "una señora que ayudo"
    r"\w+ (?:\w+ )?que (?:ayudo|ayudamos|represento|representamos|acompano|acompanamos)",
)
# What one's own case is made of: "my check-in", "our hearing", "mi cita".
CASE_THING_EN = any_of(
    r"che(?:c?k|qu?e)[- ]?ins?",
    r"ice (?:appointment|check[- ]?in|officer|case|hearing|paperwork|papers|date|office)",
    r"app?oi?n?t?m[ea]nts?",
    r"appt",
    r"court (?:date|hearing|case)",
    r"hearings?",
    r"(?:immigration |asylum |removal )?case",
    r"officer",
    r"deportation",
    r"ankle (?:monitor|bracelet)",
    r"monitor",
    r"paperwork",
    r"papers",
    r"parole",
    r"asylum",
    r"(?:immigration )?status",
    r"visa",
    r"green card",
    r"lawyer",
    r"attorney",
    r"i-\d{3}\w?",
    r"notice to appear",
    r"nta",
    r"release (?:papers|paperwork|conditions)",
    r"(?:ice|court|check[- ]?in|hearing|report(?:ing)?) dates?",
    r"(?:next|last) report",
    r"selfie",
    r"a-?(?:number|#)",
    r"alien (?:registration )?number",
    r"tps",
    r"daca",
    r"work permit",
    r"order of supervision",
    r"supervision",
    r"reporting",
    r"(?:letter|notice|text|message|email|call|papers?)(?: \w+){0,3}? from "
    r"(?:ice|immigration|(?:my|the) officer)",
)
CASE_THING_ES = any_of(
    r"citas?",
    r"chequeos?",
    r"che(?:c?k|qu?e)[- ]?ins?",
    r"casos?",
    r"audiencias?",
    r"corte",
    r"oficial",
    r"abogad[oa]",
    r"grillete",
    r"tobillera",
    r"brazalete",
    r"papeles",
    r"documentos",
    r"parole",
    r"permiso",
    r"asilo",
    r"estatus",
    r"situacion",
    r"proceso",
    r"deportacion",
    r"orden de (?:deportacion|supervision)",
    r"reporte",
    r"i-\d{3}\w?",
    r"nta",
    r"selfie",
    r"permiso de trabajo",
    r"numero (?:a|de extranjero)",
    r"tps",
    r"daca",
    r"fecha (?:de|para|con) (?:\w+ )?"
    r"(?:corte|ice|migracion|presentar\w*|reportar\w*|audiencia|cita)",
    # Spanglish
    r"app?oi?n?t?m[ea]nts?",
    r"court(?: date)?",
    r"hearing",
    r"paperwork",
    r"(?:carta|notificacion|mensaje|texto|correo|llamada) de (?:ice|migracion|inmigracion)",
)
# What a reader of the news asks for: "I need the link", "can I get a summary".
NEWS_THING_EN = (
    r"(?:a|an|the|more|some|your) (?:\w+ )?(?:link|sources?|article|summary|timeline|updates?|"
    r"overview|details|info|information|numbers|figures|facts|press release|story|citation)"
)
NEWS_THING_ES = (
    r"(?:el|la|los|las|un|una|mas|tus|sus) (?:\w+ )?(?:enlace|link|fuentes?|articulo|resumen|"
    r"cronologia|datos|cifras|informacion|nota|noticia|comunicado)"
)
# After "can I …": verbs of reading or judging the news, not of acting in one's case.
NEWS_VERB_EN = any_of(
    r"trust",
    r"believe",
    r"ask(?! (?:for|to (?:use|switch|change|check|move|reschedule)))",
    r"read",
    r"see",
    r"find",
    r"share",
    r"cite",
    r"quote",
    r"verify",
    r"fact[- ]?check",
    r"know (?:if|whether|who|what|where|when|how)",
    r"learn",
    rf"get {NEWS_THING_EN}",
    r"look",
    r"tell",
    r"say",
    r"report (?:a|an|this|the) (?:error|mistake|wrong)",
    r"suggest",
    r"rely",
    r"right",
    r"wrong",
    r"understand\w*",
    r"remember",
    r"recall",
    r"hear",
    r"think",
    r"reading (?:this|that|it) (?:right|correctly)",
    r"have (?:this|that|it) right",
    r"talk",
    r"write",
    r"explain",
    r"describe",
    r"summari[sz]e",
    r"teach",
    r"(?:(?:need|have) to )?go (?:to|back to) (?:the|this|that) "
    r"(?:article|story|website|site|link|page|source)",
    r"discuss",
    r"chat",
)
NEWS_VERB_ES = any_of(
    r"confiar",
    r"creer",
    r"leer",
    r"ver",
    r"preguntar",
    r"encontrar",
    r"compartir",
    r"citar",
    r"verificar",
    r"saber (?:si|quien|que|donde|cuando|como)",
    r"consultar la fuente",
    r"hablar",
    r"entender",
    r"confirmar",
    r"escribir",
    r"explicar",
    r"describir",
    r"resumir",
    r"ensenar",
    NEWS_THING_ES,
)

WHEN_EN = (
    r"(?:tomorrow|today|tonight|soon|this (?:week|month|morning|afternoon)|"
    r"next (?:week|month|\w+day)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"in (?:a|two|three|\d+) (?:days?|weeks?))"
)
WHEN_ES = (
    r"(?:manana|hoy|esta (?:semana|tarde)|la (?:proxima|otra) semana|el (?:proximo )?"
    r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|en (?:\w+ )?(?:dias|semanas))"
)
