"""Every test runs the bot with words-only matching unless it asks for the embedding: the
model's answers are tested in tests/core/test_semantic*.py, and embedding each test's questions
would slow the suite without testing anything else."""

import os

os.environ["POLICYBOT_SEMANTIC"] = "false"
# What the bot says at a terminal follows its locale (bot.core.i18n.operator_language): the
# tests run in the C locale, in English, whatever the developer's, unless they set one.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"
