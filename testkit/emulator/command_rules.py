"""Application command rules: what Discord accepts in a bulk overwrite (PUT …/commands), and
the options a member's client can send when invoking one.

Every function returns a list of human-readable problems; an empty list means Discord would
accept it. The limits are Discord's documented ones (API v10).
"""

from __future__ import annotations

import re
from typing import Any

Json = dict[str, Any]

# Discord's pattern is ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$; \w is close enough here.
CHAT_INPUT_NAME = re.compile(r"^[-_'\w]{1,32}$")
COMMAND_DESCRIPTION_MAX = 100
COMMAND_OPTIONS_MAX = 25  # also the most subcommands (or groups) a command or group may hold
COMMAND_TOTAL_CHARS_MAX = 4000
COMMAND_COUNT_MAX = {1: 100, 2: 15, 3: 15}
CHOICES_MAX = 25
CHOICE_TEXT_MAX = 100
CHOICE_OPTION_TYPES = {3, 4, 10}  # string, integer, number
SUBCOMMAND, SUBCOMMAND_GROUP = 1, 2
SUBCOMMAND_TYPES = {SUBCOMMAND, SUBCOMMAND_GROUP}
STRING, INTEGER, BOOLEAN, NUMBER, ATTACHMENT = 3, 4, 5, 10, 11
STRING_OPTION_MAX = 6000
INTERACTION_CONTEXTS = {0, 1, 2}  # guild, bot DM, private channel
INTEGRATION_TYPES = {0, 1}  # guild install, user install
# The locales Discord accepts as keys of name_localizations / description_localizations.
LOCALES = frozenset(
    """id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el
    bg ru uk hi th zh-CN ja zh-TW ko""".split()
)


# --- registering ------------------------------------------------------------------------------


def command_set_problems(commands: Any) -> list[str]:
    if not isinstance(commands, list):
        return ["body: a bulk overwrite takes a JSON array of commands"]
    problems: list[str] = []
    seen: set[tuple[int, str]] = set()
    counts: dict[int, int] = {}
    for index, command in enumerate(commands):
        problems += [f"commands[{index}].{p}" for p in command_problems(command)]
        kind = command.get("type", 1) if isinstance(command, dict) else 1
        key = (kind, command.get("name", "") if isinstance(command, dict) else "")
        if key in seen:
            problems.append(f"commands[{index}].name: duplicate {key[1]!r} for type {kind}")
        seen.add(key)
        counts[kind] = counts.get(kind, 0) + 1
    for kind, count in counts.items():
        if count > COMMAND_COUNT_MAX.get(kind, 0):
            problems.append(f"too many commands of type {kind}: {count}")
    return problems


def command_problems(command: Any) -> list[str]:
    if not isinstance(command, dict):
        return ["a command must be an object"]
    kind = command.get("type", 1)
    name = command.get("name")
    description = command.get("description", "")
    problems: list[str] = []
    if kind not in COMMAND_COUNT_MAX:
        return [f"type: unknown command type {kind!r}"]
    if kind == 1:
        problems += _name_problems("name", name)
        problems += _description_problems("description", description)
        problems += _localization_problems("", command, chat_input=True)
        options = command.get("options") or []
        problems += _options_problems("options", options, depth=0)
    else:
        if not isinstance(name, str) or not 1 <= len(name) <= 32:
            problems.append("name: context menu names are 1-32 characters")
        problems += _localization_problems("", command, chat_input=False)
        if description:
            problems.append("description: context menu commands must have an empty description")
        if command.get("options"):
            problems.append("options: context menu commands take no options")
    problems += _availability_problems(command)
    if _command_chars(command) > COMMAND_TOTAL_CHARS_MAX:
        problems.append(f"command text exceeds {COMMAND_TOTAL_CHARS_MAX} characters in total")
    return problems


def _availability_problems(command: Json) -> list[str]:
    """default_member_permissions, dm_permission, contexts and integration_types."""
    problems: list[str] = []
    required = command.get("default_member_permissions")
    if required is not None and not (
        (isinstance(required, int) and not isinstance(required, bool) and required >= 0)
        or (isinstance(required, str) and required.isdigit())
    ):
        problems.append(
            f"default_member_permissions: {required!r} is not a permission bit set (or null)"
        )
    if command.get("dm_permission") not in (None, True, False):
        problems.append("dm_permission: must be a boolean")
    for key, allowed in (
        ("contexts", INTERACTION_CONTEXTS),
        ("integration_types", INTEGRATION_TYPES),
    ):
        values = command.get(key)
        if values is None:
            continue
        if not isinstance(values, list) or not values or set(values) - allowed:
            problems.append(f"{key}: a non-empty list of values from {sorted(allowed)}")
    return problems


def _localization_problems(path: str, item: Json, *, chat_input: bool) -> list[str]:
    """name_localizations and description_localizations: known locales, valid texts."""
    problems: list[str] = []
    for key in ("name_localizations", "description_localizations"):
        localized = item.get(key)
        if localized is None:
            continue
        where = f"{path}{key}"
        if not isinstance(localized, dict):
            problems.append(f"{where}: must be an object of locale -> text")
            continue
        for locale, text in localized.items():
            if locale not in LOCALES:
                problems.append(f"{where}: {locale!r} is not a Discord locale")
            elif key == "description_localizations":
                problems += _description_problems(f"{where}.{locale}", text)
            elif chat_input:
                problems += _name_problems(f"{where}.{locale}", text)
            elif not isinstance(text, str) or not 1 <= len(text) <= 32:
                problems.append(f"{where}.{locale}: context menu names are 1-32 characters")
    return problems


def _name_problems(path: str, name: Any) -> list[str]:
    if not isinstance(name, str) or not CHAT_INPUT_NAME.match(name):
        return [f"{path}: {name!r} must match {CHAT_INPUT_NAME.pattern}"]
    if name != name.lower():
        return [f"{path}: {name!r} must be lowercase"]
    return []


def _description_problems(path: str, description: Any) -> list[str]:
    if not isinstance(description, str) or not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
        return [f"{path}: must be 1-{COMMAND_DESCRIPTION_MAX} characters"]
    return []


def _options_problems(path: str, options: Any, depth: int) -> list[str]:
    """`depth` 0: a command's options; 1: a subcommand's or group's; 2: a grouped subcommand's."""
    if not isinstance(options, list):
        return [f"{path}: must be an array"]
    problems: list[str] = []
    if len(options) > COMMAND_OPTIONS_MAX:
        problems.append(f"{path}: at most {COMMAND_OPTIONS_MAX} options or subcommands")
    names = [option.get("name") for option in options if isinstance(option, dict)]
    if len(set(names)) != len(names):
        problems.append(f"{path}: option names must be unique")
    kinds = [option.get("type") for option in options if isinstance(option, dict)]
    nested = [kind in SUBCOMMAND_TYPES for kind in kinds]
    if any(nested) and not all(nested):
        problems.append(f"{path}: subcommands cannot be mixed with other options")
    seen_optional = False
    for index, option in enumerate(options):
        where = f"{path}[{index}]"
        kind = option.get("type")
        problems += _name_problems(f"{where}.name", option.get("name"))
        problems += _description_problems(f"{where}.description", option.get("description"))
        problems += _localization_problems(f"{where}.", option, chat_input=True)
        if kind in SUBCOMMAND_TYPES:
            problems += _subcommand_problems(where, option, depth)
            continue
        if not isinstance(kind, int) or not 3 <= kind <= 11:
            problems.append(f"{where}.type: unknown option type {kind!r}")
        if option.get("required"):
            if seen_optional:
                problems.append(f"{where}: required options must come before optional ones")
        else:
            seen_optional = True
        problems += _option_value_rules(where, option, kind)
    return problems


def _subcommand_problems(where: str, option: Json, depth: int) -> list[str]:
    kind = option["type"]
    # A group only at the top; a subcommand at the top or inside a group.
    if (kind == SUBCOMMAND_GROUP and depth != 0) or depth > 1:
        return [f"{where}: subcommands nested too deep"]
    children = option.get("options") or []
    problems: list[str] = []
    if kind == SUBCOMMAND_GROUP:
        if not children:
            problems.append(f"{where}.options: a subcommand group needs subcommands")
        if any(child.get("type") != SUBCOMMAND for child in children):
            problems.append(f"{where}.options: a subcommand group holds only subcommands")
    elif any(child.get("type") in SUBCOMMAND_TYPES for child in children):
        problems.append(f"{where}.options: subcommands nested too deep")
    for key in ("required", "choices", "autocomplete"):
        if option.get(key):
            problems.append(f"{where}.{key}: not allowed on a subcommand or group")
    return problems + _options_problems(f"{where}.options", children, depth + 1)


def _option_value_rules(where: str, option: Json, kind: Any) -> list[str]:
    problems: list[str] = []
    choices = option.get("choices") or []
    if choices and kind not in CHOICE_OPTION_TYPES:
        problems.append(f"{where}.choices: only string, integer and number options have choices")
    if choices and option.get("autocomplete"):
        problems.append(f"{where}: autocomplete cannot be combined with choices")
    if option.get("autocomplete") and kind not in CHOICE_OPTION_TYPES:
        problems.append(f"{where}.autocomplete: only string, integer and number options")
    if kind != STRING and ("min_length" in option or "max_length" in option):
        problems.append(f"{where}: min_length/max_length apply to string options only")
    for key in ("min_length", "max_length"):
        if key in option and not 0 <= option[key] <= STRING_OPTION_MAX:
            problems.append(f"{where}.{key}: 0-{STRING_OPTION_MAX}")
    if kind not in (INTEGER, NUMBER) and ("min_value" in option or "max_value" in option):
        problems.append(f"{where}: min_value/max_value apply to integer and number options only")
    return problems + choices_problems(f"{where}.choices", choices)


def _command_chars(command: Json) -> int:
    total = len(command.get("name") or "") + len(command.get("description") or "")
    for option in command.get("options") or []:
        total += _command_chars(option)
        for choice in option.get("choices") or []:
            total += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return total


def choices_problems(path: str, choices: Any) -> list[str]:
    if not isinstance(choices, list):
        return [f"{path}: must be an array"]
    problems: list[str] = []
    if len(choices) > CHOICES_MAX:
        problems.append(f"{path}: at most {CHOICES_MAX} choices, got {len(choices)}")
    for index, choice in enumerate(choices):
        name = choice.get("name") if isinstance(choice, dict) else None
        value = choice.get("value") if isinstance(choice, dict) else None
        if not isinstance(name, str) or not 1 <= len(name) <= CHOICE_TEXT_MAX:
            problems.append(f"{path}[{index}].name: must be 1-{CHOICE_TEXT_MAX} characters")
        if isinstance(value, str) and not 1 <= len(value) <= CHOICE_TEXT_MAX:
            problems.append(f"{path}[{index}].value: must be 1-{CHOICE_TEXT_MAX} characters")
        elif value is None:
            problems.append(f"{path}[{index}].value: required")
    return problems


# --- invoking ---------------------------------------------------------------------------------

VALUE_TYPES: dict[int, tuple[type, ...]] = {
    STRING: (str,),
    INTEGER: (int,),
    BOOLEAN: (bool,),
    NUMBER: (int, float),
}


def typed_value_problems(option: Json, value: Any, *, focused: bool) -> list[str]:
    """What the member's client would not let them send for a declared option.

    A focused (autocomplete) option carries the partial text as typed, unchecked.
    """
    name, kind = option["name"], option["type"]
    if focused:
        return [] if isinstance(value, str) else [f"{name}: a focused option carries text"]
    expected = VALUE_TYPES.get(kind)
    if expected is not None and (
        not isinstance(value, expected) or (kind != BOOLEAN and isinstance(value, bool))
    ):
        return [f"{name}: {value!r} is not a value of option type {kind}"]
    problems: list[str] = []
    if kind == STRING:
        low, high = option.get("min_length", 0), option.get("max_length", STRING_OPTION_MAX)
        if not low <= len(value) <= high:
            problems.append(f"{name}: {len(value)} characters, allowed {low}-{high}")
    if kind in (INTEGER, NUMBER):
        if "min_value" in option and value < option["min_value"]:
            problems.append(f"{name}: {value} is below {option['min_value']}")
        if "max_value" in option and value > option["max_value"]:
            problems.append(f"{name}: {value} is above {option['max_value']}")
    choices = option.get("choices")
    if choices and value not in [choice["value"] for choice in choices]:
        problems.append(f"{name}: {value!r} is not one of the choices")
    return problems
