"""Every test runs the bot with words-only matching unless it asks for the embedding: the
model's answers are tested in tests/core/test_semantic*.py, and embedding each test's questions
would slow the suite without testing anything else."""

import os

os.environ["POLICYBOT_SEMANTIC"] = "false"
