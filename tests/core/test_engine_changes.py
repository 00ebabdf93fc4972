"""Engine.on_change: listeners hear of every committed change, and of nothing else."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError


async def test_listeners_hear_each_committed_change_only(engine: Engine) -> None:
    heard: list[int] = []
    engine.on_change(lambda: heard.append(len(heard)))
    await engine.edit_entry("apple-store", {"tags": ["app"]}, author="m", reason="r")
    assert heard == [0]
    with pytest.raises(KnowledgeError):  # refused: nothing committed, nothing heard
        await engine.edit_entry("apple-store", {"tags": ["app"]}, author="m", reason="r")
    with pytest.raises(KnowledgeError):
        await engine.delete_entry("apprehended-7m", author="m", reason="still related")
    assert heard == [0]
    await engine.revert("apple-store", 1, author="m")
    assert heard == [0, 1]


async def test_entries_by_topic_keeps_file_order_and_titles(engine: Engine) -> None:
    (topic,) = engine.entries_by_topic()
    assert (topic.key, topic.title) == ("test-topic", "Test")
    assert [e.id for e in topic.entries] == ["enrolled-45", "apprehended-7m", "apple-store"]
