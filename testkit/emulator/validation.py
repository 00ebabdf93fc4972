"""Checks what a bot sends the way Discord would, so a payload Discord rejects fails the test.

Every function returns a list of human-readable problems; an empty list means Discord would
accept the payload. The limits are Discord's documented ones (API v10).
"""

from __future__ import annotations

from typing import Any

from .command_rules import CHOICE_TEXT_MAX, choices_problems

Json = dict[str, Any]

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_LIMITS = {"title": 256, "description": 4096}
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_NAME_MAX = 256
# Embed parts that are objects with one required text: (part, its text, limit).
EMBED_PARTS = (("footer", "text", FOOTER_MAX), ("author", "name", AUTHOR_NAME_MAX))
ACTION_ROWS_MAX = 5
BUTTONS_PER_ROW_MAX = 5
CUSTOM_ID_MAX = 100
BUTTON_LABEL_MAX = 80
SELECT_OPTIONS_MAX = 25
MODAL_TITLE_MAX = 45
TEXT_INPUT_LABEL_MAX = 45
TEXT_INPUT_PLACEHOLDER_MAX = 100
TEXT_INPUT_VALUE_MAX = 4000
SELECT_PLACEHOLDER_MAX = 150

INTERACTION_MESSAGE_FLAGS = 4 | 64 | 4096 | 32768  # suppress embeds, ephemeral, silent, v2


# --- messages ---------------------------------------------------------------------------------


def message_problems(body: Any, *, creating: bool, interaction: bool = False) -> list[str]:
    """A message create/edit body (channel message, followup, callback data or webhook edit)."""
    if not isinstance(body, dict):
        return ["body: must be an object"]
    problems: list[str] = []
    content = body.get("content")
    if content is not None and (not isinstance(content, str) or len(content) > CONTENT_MAX):
        problems.append(f"content: must be at most {CONTENT_MAX} characters")
    embeds = body.get("embeds") or []
    problems += embeds_problems(embeds)
    components = body.get("components") or []
    problems += components_problems(components)
    problems += allowed_mentions_problems(body.get("allowed_mentions"))
    flags = body.get("flags") or 0
    if interaction and flags & ~INTERACTION_MESSAGE_FLAGS:
        problems.append(f"flags: {flags} is not allowed on an interaction response")
    if creating and not (content or embeds or components or body.get("attachments")):
        problems.append("Cannot send an empty message (50006)")
    return problems


def embeds_problems(embeds: Any) -> list[str]:
    if not isinstance(embeds, list):
        return ["embeds: must be an array"]
    problems: list[str] = []
    if len(embeds) > EMBEDS_MAX:
        problems.append(f"embeds: at most {EMBEDS_MAX}")
    total = 0
    for index, embed in enumerate(embeds):
        where = f"embeds[{index}]"
        for key, limit in EMBED_LIMITS.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                problems.append(f"{where}.{key}: {len(text)} characters, limit {limit}")
        fields = embed.get("fields") or []
        if len(fields) > FIELDS_MAX:
            problems.append(f"{where}.fields: at most {FIELDS_MAX}")
        for number, item in enumerate(fields):
            name, value = item.get("name") or "", item.get("value") or ""
            total += len(name) + len(value)
            if not 1 <= len(name) <= FIELD_NAME_MAX:
                problems.append(f"{where}.fields[{number}].name: 1-{FIELD_NAME_MAX} characters")
            if not 1 <= len(value) <= FIELD_VALUE_MAX:
                problems.append(f"{where}.fields[{number}].value: 1-{FIELD_VALUE_MAX} characters")
        for part, key, limit in EMBED_PARTS:
            if part in embed:
                text = (embed[part] or {}).get(key) or ""
                total += len(text)
                if not 1 <= len(text) <= limit:
                    problems.append(f"{where}.{part}.{key}: 1-{limit} characters")
        url = embed.get("url")
        if url is not None and not str(url).startswith(("http://", "https://")):
            problems.append(f"{where}.url: not a valid URL")
        color = embed.get("color")
        if color is not None and not 0 <= int(color) <= 0xFFFFFF:
            problems.append(f"{where}.color: out of range")
    if total > EMBED_TOTAL_MAX:
        problems.append(f"embeds: {total} characters in total, limit {EMBED_TOTAL_MAX}")
    return problems


def components_problems(rows: Any) -> list[str]:
    if not isinstance(rows, list):
        return ["components: must be an array"]
    problems: list[str] = []
    if len(rows) > ACTION_ROWS_MAX:
        problems.append(f"components: at most {ACTION_ROWS_MAX} action rows")
    custom_ids: list[str] = []
    for index, row in enumerate(rows):
        where = f"components[{index}]"
        children = row.get("components") or []
        if row.get("type") != 1:
            problems.append(f"{where}.type: top-level components must be action rows")
            continue
        kinds = {child.get("type") for child in children}
        if not 1 <= len(children) <= BUTTONS_PER_ROW_MAX:
            problems.append(f"{where}: an action row holds 1-{BUTTONS_PER_ROW_MAX} components")
        if kinds - {2} and len(children) > 1:
            problems.append(f"{where}: a select menu must be alone in its row")
        for number, child in enumerate(children):
            problems += _component_problems(f"{where}.components[{number}]", child)
            if child.get("custom_id"):
                custom_ids.append(child["custom_id"])
    if len(set(custom_ids)) != len(custom_ids):
        problems.append("components: custom_id values must be unique within a message")
    return problems


def _component_problems(where: str, component: Json) -> list[str]:
    problems: list[str] = []
    kind = component.get("type")
    custom_id = component.get("custom_id")
    if kind == 2:
        style = component.get("style")
        if style == 5:
            if not component.get("url") or custom_id:
                problems.append(f"{where}: a link button needs a url and no custom_id")
        elif style in (1, 2, 3, 4):
            problems += _custom_id_problems(where, custom_id)
        else:
            problems.append(f"{where}.style: unsupported button style {style!r}")
        label = component.get("label")
        if label is not None and len(label) > BUTTON_LABEL_MAX:
            problems.append(f"{where}.label: at most {BUTTON_LABEL_MAX} characters")
        if not label and not component.get("emoji"):
            problems.append(f"{where}: a button needs a label or an emoji")
    elif kind in (3, 5, 6, 7, 8):
        problems += _custom_id_problems(where, custom_id)
        if len(component.get("placeholder") or "") > SELECT_PLACEHOLDER_MAX:
            problems.append(f"{where}.placeholder: at most {SELECT_PLACEHOLDER_MAX} characters")
        options = component.get("options") or []
        if kind == 3 and not 1 <= len(options) <= SELECT_OPTIONS_MAX:
            problems.append(f"{where}.options: 1-{SELECT_OPTIONS_MAX} options")
        for number, option in enumerate(options):
            for key in ("label", "value"):
                if not 1 <= len(option.get(key) or "") <= CHOICE_TEXT_MAX:
                    problems.append(f"{where}.options[{number}].{key}: 1-100 characters")
    else:
        problems.append(f"{where}.type: {kind!r} is not allowed in an action row")
    return problems


def _custom_id_problems(where: str, custom_id: Any) -> list[str]:
    if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= CUSTOM_ID_MAX:
        return [f"{where}.custom_id: 1-{CUSTOM_ID_MAX} characters, got {custom_id!r}"]
    return []


def allowed_mentions_problems(allowed: Any) -> list[str]:
    if allowed is None:
        return []
    parse = allowed.get("parse") or []
    problems = [
        f"allowed_mentions.parse: unknown {kind!r}"
        for kind in parse
        if kind not in ("everyone", "users", "roles")
    ]
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            problems.append(f"allowed_mentions: parse:{kind} and {kind} are mutually exclusive")
        if len(allowed.get(kind) or []) > 100:
            problems.append(f"allowed_mentions.{kind}: at most 100")
    return problems


# --- interaction callbacks --------------------------------------------------------------------

# Which callback types each interaction type accepts (1 ping is answered by Discord itself).
CALLBACKS_BY_INTERACTION = {
    2: {4, 5, 9},  # application command
    3: {4, 5, 6, 7, 9},  # message component
    4: {8},  # autocomplete
    5: {4, 5, 6, 7},  # modal submit
}


def callback_problems(interaction_type: int, body: Any) -> list[str]:
    if not isinstance(body, dict):
        return ["body: must be an object"]
    kind = body.get("type")
    if kind not in CALLBACKS_BY_INTERACTION.get(interaction_type, set()):
        return [f"type: callback type {kind!r} is invalid for interaction type {interaction_type}"]
    data = body.get("data") or {}
    if kind in (4, 7):
        return message_problems(data, creating=kind == 4, interaction=True)
    if kind == 8:
        return choices_problems("data.choices", data.get("choices", []))
    if kind == 9:
        return _modal_problems(data)
    return []


def _modal_problems(data: Json) -> list[str]:
    problems: list[str] = []
    title = data.get("title") or ""
    if not 1 <= len(title) <= MODAL_TITLE_MAX:
        problems.append(f"data.title: 1-{MODAL_TITLE_MAX} characters")
    problems += _custom_id_problems("data", data.get("custom_id"))
    rows = data.get("components") or []
    if not 1 <= len(rows) <= ACTION_ROWS_MAX:
        problems.append(f"data.components: 1-{ACTION_ROWS_MAX} components")
    for number, row in enumerate(rows):
        for text_input in row.get("components") or []:
            problems += _text_input_problems(f"data.components[{number}]", text_input)
    return problems


def _text_input_problems(where: str, text_input: Json) -> list[str]:
    """A modal's text input: label, placeholder, prefilled value and lengths within limits."""
    problems = _custom_id_problems(where, text_input.get("custom_id"))
    if not 1 <= len(text_input.get("label") or "") <= TEXT_INPUT_LABEL_MAX:
        problems.append(f"{where}.label: 1-{TEXT_INPUT_LABEL_MAX} characters")
    if len(text_input.get("placeholder") or "") > TEXT_INPUT_PLACEHOLDER_MAX:
        problems.append(f"{where}.placeholder: at most {TEXT_INPUT_PLACEHOLDER_MAX} characters")
    if len(text_input.get("value") or "") > TEXT_INPUT_VALUE_MAX:
        problems.append(f"{where}.value: at most {TEXT_INPUT_VALUE_MAX} characters")
    if int(text_input.get("max_length") or 0) > TEXT_INPUT_VALUE_MAX:
        problems.append(f"{where}.max_length: at most {TEXT_INPUT_VALUE_MAX}")
    return problems
