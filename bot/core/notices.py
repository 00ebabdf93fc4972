"""The notice shown first on a question about the asker's own case, in the asker's language.

All of its wording is here, in one table, so a translation catalogue can take it over whole.
Each link and the sentence on what ICE says were checked against stored copies of the official
pages (knowledge/SOURCES.md, "The own-case notice").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.own_case import Language

EOIR_PRO_BONO_URL = "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers"
ICE_CHECK_IN_URL = "https://www.ice.gov/check-in"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Notice:
    language: Language
    title: str
    text: str
    links: tuple[Link, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language.value,
            "title": self.title,
            "text": self.text,
            "links": [{"label": link.label, "url": link.url} for link in self.links],
        }


NOTICES: dict[Language, Notice] = {
    Language.EN: Notice(
        language=Language.EN,
        title="About your own case: this is not legal advice",
        text=(
            "This bot only reports what was published about one policy; it cannot tell you what "
            "to do in your own case, and nothing here means you may skip a check-in or change "
            "it on your own. Follow the instructions on your own ICE paperwork or from your ICE "
            "officer. Missing a required check-in can have serious consequences: ICE says people "
            "who do not report as required may be subject to removal. Free or low-cost legal "
            "help exists."
        ),
        links=(
            Link(
                "Free legal help: the immigration courts' (EOIR) list of pro bono legal service "
                "providers",
                EOIR_PRO_BONO_URL,
            ),
            Link("ICE's official check-in page", ICE_CHECK_IN_URL),
        ),
    ),
    Language.ES: Notice(
        language=Language.ES,
        title="Sobre su propio caso: esto no es asesoría legal",
        text=(
            "Este bot solo informa lo que se publicó sobre una política; no puede decirle qué "
            "hacer en su propio caso, y nada de lo que sigue significa que pueda faltar a una cita "
            "de ICE o cambiarla por su cuenta. Siga las instrucciones de sus propios documentos "
            "de ICE o de su oficial de ICE. Faltar a una cita obligatoria puede tener "
            "consecuencias graves: según ICE, quien no se presenta como se le exige puede quedar "
            "sujeto a deportación. Existe ayuda legal gratuita o de bajo costo."
        ),
        links=(
            Link(
                "Ayuda legal gratuita: lista de proveedores de servicios legales pro bono de las "
                "cortes de inmigración (EOIR)",
                EOIR_PRO_BONO_URL,
            ),
            Link("Página oficial de citas de ICE", ICE_CHECK_IN_URL),
        ),
    ),
}


def notice_for(language: Language) -> Notice:
    return NOTICES[language]
