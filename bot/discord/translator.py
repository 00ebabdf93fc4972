"""Command names and descriptions in the member's Discord language, from the same catalogue.

discord.py asks an `app_commands.Translator` for every name and description when it syncs the
commands; what it returns goes into the payload as `name_localizations` and
`description_localizations` for each Discord locale a language lists in its data
(`discord_locales`, e.g. es-ES and es-419).
"""

from __future__ import annotations

from discord import Locale, app_commands

from bot.core.i18n import texts
from bot.core.languages import SOURCE_LANGUAGE, language_for_locale


class CatalogueTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        code = language_for_locale(locale.value)
        if code is None or code == SOURCE_LANGUAGE:
            return None
        translated = texts(code).gettext(string.message)
        return translated if translated != string.message else None
