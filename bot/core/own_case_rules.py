"""The rules that make a question own-case, English and Spanish, built from `own_case_words`.

Each rule is (name, pattern, needs a case word elsewhere in the question). Patterns match text
after `own_case.fold`: lower case, no accents, contractions spelt out, padded with spaces. A rule
whose wording also fits a news question ("can I …", "my husband …") needs a word about an
immigration case somewhere in the question (check-in, ICE, court, deport …).
"""

from __future__ import annotations

from bot.core import own_case_words as words

# What a relative or someone close "has" or "is" in their case.
HAS_EN = (
    r"(?:has|have|had|got|gets|needs|must|is|was|will|can|should|missed|received|never|just|"
    r"still|already|did not|cannot|does not)"
)
HAS_ES = r"(?:tiene|debe|necesita|fue|esta|va|puede|perdio|falto|recibio|ya|no)"

RULES_EN: tuple[tuple[str, str, bool], ...] = (
    # (name, pattern, needs a case word elsewhere in the question)
    ("my-case-thing", rf" (?:my|our) (?:\w+ ){{0,2}}?{words.CASE_THING_EN}\b", False),
    (
        "i-have-case-thing",
        rf" (?:i|we|(?:me|i) and (?:my|our) \w+|(?:my|our) \w+ and (?:i|me))(?: both| all)? "
        rf"(?:have got|have|got|had|was given|received|am due for) "
        rf"(?:\w+ ){{0,3}}?{words.CASE_THING_EN}\b",
        False,
    ),
    (
        "we-have-ice",
        rf" (?:i|we|(?:my|our) {words.RELATIVE_EN}) (?:have|has|got) (?:to see |to go to )?ice "
        rf"(?:on|at|this|next|tomorrow|today|tonight|in)\b",
        False,
    ),
    (
        "if-my-relative",
        rf" if (?:my|our) {words.RELATIVE_EN} (?:goes|go|misses|miss|skips|does not go|shows up|"
        rf"checks in|uses|reports)\b",
        True,
    ),
    (
        "i-have-to-report",
        rf" (?:i|we|(?:my|our) {words.RELATIVE_EN}) (?:have|has|need|needs|am supposed|"
        rf"is supposed|was told|were told|am required|is required|are supposed|are required) "
        rf"to (?:report|check in|check-in|go to (?:ice|court)|show up|appear)\b",
        False,
    ),
    (
        "told-me-to-report",
        r" (?:i|we) (?:was|were) (?:supposed|required|told|ordered) to (?:report|check in|"
        r"go to (?:ice|court)|show up|appear)\b|"
        r" (?:told|ordered|asked|instructed|want|wants|wanted) (?:me|us) (?:\w+ ){0,4}?"
        r"to (?:report|check in|come in|go to (?:ice|court)|show up|appear)\b",
        False,
    ),
    (
        "i-am-in-a-case",
        r" (?:i am|we are) (?:(?:on|in|under|an?|also|still) )?(?:\w+ ){0,2}?"
        r"(?:parole|atd|isap|ankle monitor|removal proceedings|proceedings|supervision|"
        r"asylum seekers?|asylum applicants?|undocumented|parolees?|migrants?|immigrants?|"
        r"enrolled)\b",
        False,
    ),
    (
        "if-i-miss",
        r" if (?:i|we) (?:miss|skip|do not go|cannot go|cannot make|do not show|"
        r"do not check|fail to|stop|do not report|go|show up|check in|use|am late|are late)\b",
        True,
    ),
    (
        "will-they-x-me",
        rf" (?:arrest|deport|detain|take|pick up|catch|send|track|find|remove|"
        rf"lock up|jail)(?:ed)? (?:me|us|(?:my|our) {words.RELATIVE_EN})\b",
        True,
    ),
    (
        "modal-i",
        rf" (?:can|could|should|shall|may|must|do|will|would|am|could) (?:i|we) "
        rf"(?:still |really |just |even |actually |legally )?(?!{words.NEWS_VERB_EN}\b)\w",
        True,
    ),
    (
        "i-need-to",
        rf" (?:i|we) (?:need|want|have to|got to|ought|plan|am going|are going|am planning|"
        rf"am afraid|are afraid|am scared|are scared|am worried|are worried|am nervous|am thinking|"
        rf"was thinking|wanna|gotta) (?!{words.NEWS_THING_EN}\b)"
        rf"(?!to (?:know|ask|read|understand|learn|check whether|see|{words.NEWS_VERB_EN})\b)\w",
        True,
    ),
    (
        "my-relative",
        rf" (?:my|our) {words.RELATIVE_EN} {HAS_EN}\b"
        r"(?! (?:telling|saying|reading|asking|showing|talking|watching|wondering|sent|"
        r"told|said)\b)",
        True,
    ),
    (
        "modal-my-relative",
        rf" (?:can|could|should|will|would|does|do|is|must) (?:my|our) "
        rf"{words.RELATIVE_EN}\b",
        True,
    ),
    (
        "my-relatives-thing",
        rf" (?:my|our) {words.RELATIVE_EN}(?:'s|s'|s) (?:\w+ ){{0,2}}?{words.CASE_THING_EN}\b",
        False,
    ),
    ("someone-close", rf" {words.SOMEONE_CLOSE_EN} (?:\w+ ){{0,2}}?{HAS_EN}\b", True),
    (
        "modal-she",
        r" (?:can|could|should|must|does|do|will|would|may) (?:she|he) "
        r"(?:still |really |just |even |also )?(?:go|attend|show up|check in|report|use|skip|miss|"
        r"bring|take|do|get|be|apply|sign|download|ask|call|stay|have to|need to|worry)\b",
        True,
    ),
    (
        "must-i-go",
        r" (?:(?:do|must|should|will) (?:i|we)|(?:i|we)(?: should| must)?) "
        r"(?:still |really |even |actually |now )?(?:have to |need to |got to )?"
        r"(?:go|show up|attend|check in)(?:(?: in person| anymore| at all| there)\b| $)",
        False,
    ),
    (
        "i-did-case-thing",
        r" (?:i|we) (?:last |already |just |never |always )?(?:checked in|reported to|"
        r"showed up (?:to|at|for)|went to|was|were|got) (?:\w+ ){0,1}?(?:ice|court|my|our|"
        r"detained|arrested|released|paroled|stopped)\b",
        True,
    ),
    (
        "i-missed",
        rf" (?:i|we) (?:missed|skipped|forgot|was late|were late|could not make|did not go|"
        rf"did not make it|did not show up|did not attend|did not report) (?:to |for |at |about )?"
        rf"(?:\w+ ){{0,2}}?(?:{words.CASE_THING_EN}|ice|court|immigration)\b",
        False,
    ),
    (
        "gave-me-papers",
        r" (?:gave|handed|sent|mailed|showed|put) (?:me|us) (?:a |an |the |this |some |my )?"
        r"(?:\w+ )?(?:paper|papers|letter|document|documents|notice|form|date|appointment|"
        r"bracelet|monitor|phone)\b",
        True,
    ),
    (
        "where-i-live",
        r" (?:where (?:i|we) (?:live|am|are)|near (?:me|us)|in (?:my|our) (?:city|state|area|"
        r"town|county))\b",
        True,
    ),
    (
        "my-options",
        r" (?:my|our) (?:rights|options|chances|risks?)\b"
        r"(?! (?:for|to|of) (?:read|learn|find|follow|see)\w*)",
        True,
    ),
    (
        "lets-me",
        r" (?:will not|does not|did not|would not|cannot|is not) (?:let|allow) (?:me|us)\b",
        True,
    ),
    ("what-do-i-do", r" what (?:do|should|can|shall) (?:i|we) do\b", True),
    (
        "help-me",
        r" (?:help (?:me|us)|advise me|advice for me)"
        r"(?! (?:to )?(?:understand|find|know|make sense|figure out what|read|see|learn))\b",
        True,
    ),
    ("for-me", r" for (?:me|us|(?:people|someone|somebody) like (?:me|us))\b", True),
    (
        "affects-me",
        r" (?:apply|applies|affect|affects|happen|happens|mean|means) (?:to |for )?"
        r"(?:me|us|my family)\b",
        False,
    ),
    ("for-my-relative", rf" for (?:my|our) {words.RELATIVE_EN} to\b", True),
    (
        "i-can-skip",
        rf" (?:i|we) (?:can|could|should|must|may|will|would|have to|need to|am allowed to) "
        rf"(?:still |now |just )?(?!{words.NEWS_VERB_EN}\b)(?:skip|miss|use|go|check|report|stop|"
        rf"avoid|attend|show up|switch|do (?:it|my|the|this))\b",
        True,
    ),
    (
        "ice-told-me",
        r" (?:ice|officer|agent|la migra|immigration) (?:told|asked|ordered|"
        r"sent|gave|called|texted|emailed|scheduled|wants) (?:me|us)\b",
        False,
    ),
    (
        "appointment-soon",
        rf" {words.CASE_THING_EN} (?:(?:with|at) (?:ice|immigration|court) )?(?:is |was |at \w+ )?"
        rf"{words.WHEN_EN}\b",
        False,
    ),
    (
        "is-it-safe-to",
        r" is it (?:safe|ok|okay|risky|dangerous|a good idea|smart|wise|better|"
        r"legal) (?:for \w+ )?to (?:go|attend|show up|check in|skip|miss|use|report|stop)\b",
        True,
    ),
    (
        "should-people",
        r" should (?:people|migrants|immigrants|someone|asylum seekers|they|"
        r"parolees) (?:still |just )?(?:go|skip|attend|show up|use|stop|avoid|check in|report|"
        r"miss)\b",
        True,
    ),
)
RULES_ES: tuple[tuple[str, str, bool], ...] = (
    (
        "mi-cosa-del-caso",
        rf" (?:mi|mis|nuestra|nuestro|nuestras|nuestros) (?:\w+ )?{words.CASE_THING_ES}\b",
        False,
    ),
    (
        "tengo-cosa-del-caso",
        rf" (?:tengo|tenemos|me dieron|me pusieron|me toca|me tocan|"
        rf"me citaron|me llego|recibi) (?:\w+ ){{0,3}}?{words.CASE_THING_ES}\b",
        False,
    ),
    (
        "tengo-que",
        r" (?:tengo|tenemos|debo|debemos|necesito|necesitamos) (?:que )?"
        r"(?:reportar\w*|presentar\w*|ir\b|firmar|hacer (?:el |mi )?check|checar|usar|ponerme|"
        r"descargar)",
        False,
    ),
    (
        "estoy-en-un-caso",
        r" (?:estoy|estamos|soy|somos) (?:en|con|bajo|un|una)? ?(?:\w+ ){0,2}?"
        r"(?:parole|atd|isap|grillete|tobillera|proceso|asilo|indocumentad[oa]s?|solicitante|"
        r"migrante|inmigrante|inscrit[oa]|supervision)\b",
        False,
    ),
    (
        "si-falto",
        r" si (?:no )?(?:falto|voy|me presento|me reporto|hago|uso|dejo|pierdo|no llego|"
        r"no puedo ir|no asisto|me salto)\b",
        True,
    ),
    (
        "me-pueden",
        r" (?:me|nos) (?:pueden|podrian|van a|vayan a|va a|puede) (?:\w+ ){0,1}?"
        r"(?:arrestar|deportar|detener|llevar|agarrar|quitar|encerrar|sacar)\b",
        False,
    ),
    (
        "lo-pueden",
        r" (?:lo|la|los|las) (?:pueden|podrian|van a|vayan a|va a|puede) (?:\w+ )?"
        r"(?:arrestar|deportar|detener|agarrar|encerrar|dejar)\b",
        True,
    ),
    (
        "me-hacen-algo",
        r" (?:me|nos) (?:arrestan|deportan|detienen|llevan|agarran|encierran)\b",
        False,
    ),
    (
        "puedo",
        rf" (?:puedo|podemos|podria|podriamos|debo|debemos|deberia|deberiamos|necesito|"
        rf"necesitamos|tengo que|tenemos que|me conviene|voy a|vamos a|tendre que|califico|"
        rf"calificamos|clasifico|soy elegible|somos elegibles) "
        rf"(?!{words.NEWS_VERB_ES}\b)\w",
        True,
    ),
    (
        "que-hago",
        r" (?:que|q|k|como) (?:le )?(?:hago|hacemos|debo hacer|deberia hacer|puedo hacer)\b"
        r"(?! para (?:leer|ver|encontrar|saber|entender|compartir))",
        True,
    ),
    (
        "mi-familiar",
        rf" (?:mi|mis|nuestro|nuestra) {words.RELATIVE_ES} (?:tiene|tienen|debe|deben|"
        rf"necesita|necesitan|fue|esta|estan|va|van|puede|pueden|perdio|falto|recibio|ya|no)\b",
        True,
    ),
    (
        "puede-mi-familiar",
        rf" (?:puede|pueden|debe|deben|tiene que|tienen que|necesita) "
        rf"(?:\w+ ){{0,2}}?(?:mi|mis) {words.RELATIVE_ES}\b",
        True,
    ),
    (
        "ayudame",
        r" (?:ayudame|ayudenme|aconsejame)(?! a (?:entender|comprender|saber|ver|"
        r"encontrar|leer))\b",
        True,
    ),
    (
        "reportarme",
        r" (?:reportar|presentar|inscribir|registrar|checar|chequear)(?:me|nos)\b",
        False,
    ),
    (
        "me-reporto",
        r" (?:me|nos) (?:reporto|reportamos|presento|presentamos|inscribo|inscribimos|registro|"
        r"registramos|mude|mudamos|toca|corresponde|conviene)\b",
        True,
    ),
    (
        "me-da-miedo",
        r" (?:me|nos) (?:(?:da|dan) (?:mucho )?miedo|preocupa) (?:ir|que|presentar\w*|"
        r"reportar\w*|la cita|mi|nuestra)\b|(?:me|nos) sirve (?:la|el|esta) (?:app|aplicacion)",
        True,
    ),
    (
        "se-me-olvido",
        rf" se (?:me|nos) (?:olvido|paso|fue|hizo tarde) (?:\w+ ){{0,2}}?"
        rf"(?:ir|reportar\w*|presentar\w*|firmar|hacer el check|{words.CASE_THING_ES})\b",
        False,
    ),
    (
        "hago-cosa-del-caso",
        rf" (?:hago|hacemos|hice|hicimos|reporto|reportamos|firmo|firmamos|pierdo|perdi|perdimos|"
        rf"falte|faltamos) (?:\w+ ){{0,2}}?{words.CASE_THING_ES}\b",
        False,
    ),
    (
        "no-fui",
        rf" (?:no fui|no fuimos|falte|faltamos|perdi|perdimos|no pude ir|no me presente|"
        rf"llegue tarde|no llegue|me olvide|olvide|no asisti) (?:a |al |con |en )?(?:\w+ ){{0,2}}?"
        rf"(?:{words.CASE_THING_ES}|ice|migracion|la corte|ir|reportar\w*|presentar\w*)\b",
        False,
    ),
    (
        "a-mi-familiar-le",
        rf" a (?:mi|mis|nuestro|nuestra|nuestros) {words.RELATIVE_ES} (?:\w+ )?"
        rf"(?:le|lo|la|les|los) (?:detuvieron|arrestaron|deportaron|citaron|agarraron|"
        rf"(?:\w+ ){{1,3}}?{words.CASE_THING_ES})\b",
        False,
    ),
    (
        "tiene-que-ir",
        r" (?:tiene|tienen) que (?:ir|presentarse|reportarse|hacer (?:el|su) check|firmar)\b",
        True,
    ),
    (
        "como-descargo",
        r" (?:como|donde) (?:descargo|instalo|bajo|consigo|obtengo) (?:la|el) (?:app|aplicacion)",
        False,
    ),
    ("alguien-cercano", rf" {words.SOMEONE_CLOSE_ES} (?:\w+ ){{0,2}}?{HAS_ES}\b", True),
    (
        "estoy-preocupado",
        r" (?:estoy|estamos) (?:muy )?(?:asustad|preocupad|nervios|con miedo)\w*"
        r"(?! (?:por|con|de) (?:las|la|los|el|esta|esa|este) (?:noticias?|reportes?|articulos?|"
        r"historias?|rumores?))\b",
        True,
    ),
    ("mis-derechos", r" (?:mis|nuestros|nuestras) (?:derechos|opciones)\b", True),
    ("yo", r" yo (?:tengo|debo|puedo|necesito|estoy|soy|voy)\b", True),
    ("tengo-miedo", r" (?:tengo|tenemos) (?:miedo|temor|dudas)\b", True),
    ("me-afecta", r" (?:me|nos) (?:afecta|aplica|pasa|pasaria|puede pasar|va a pasar)\b", False),
    (
        "para-mi",
        r" para (?:mi|nosotros|mi familia|(?:gente|personas|alguien) como (?:yo|nosotros))"
        r"(?: | ?$)",
        True,
    ),
    (
        "si-mi-familiar",
        rf" si (?:mi|mis|nuestro|nuestra) {words.RELATIVE_ES} (?:no )?(?:va|van|falta|faltan|"
        rf"se presenta|se presentan|usa|usan|pierde|llega)\b",
        True,
    ),
    (
        "ice-me-dijo",
        r" (?:ice|isap|migracion|inmigracion|el oficial|la oficial|la migra)(?: de \w+)? "
        r"(?:me|nos) "
        r"(?:dijo|dijeron|mando|mandaron|dio|dieron|cito|citaron|llamo|llamaron|pidio|pidieron|"
        r"escribio|escribieron)\b",
        False,
    ),
    (
        "cita-pronto",
        rf" {words.CASE_THING_ES} (?:(?:con|en) (?:ice|migracion|inmigracion|la corte) )?"
        rf"(?:es |sera |a las \w+ )?{words.WHEN_ES}\b",
        False,
    ),
    (
        "es-seguro",
        r" (?:es seguro|conviene|es peligroso|es buena idea|es mejor|vale la pena) "
        r"(?:\w+ )?(?:ir|presentarse|presentarme|asistir|faltar|usar|reportarse|reportarme|"
        r"que (?:yo |mi \w+ )?(?:vaya|vayamos|vayan|me presente|se presente|use|falte))\b",
        True,
    ),
)
