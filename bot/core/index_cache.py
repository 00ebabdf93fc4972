"""A built entry index kept on disk between runs (entry_index.py), so that a restart or a
one-shot `policybot ask` loads the index instead of reading every question again (about 17 s
of CPU at 100k entries on a shared machine; a load is a fraction of a second).

A cache, never the truth. Each file is keyed by a digest of everything the index is built from:
the entries (every field, as stored), the index's language, the rule data and code that read
them (every file of bot/core and bot/locales), the versions of the packages they use (word
lists, stemmer) and of Python. A file is loaded only when its key is that digest and its
content hashes to the hash it carries; otherwise (another knowledge base, an edit, a new
version, a damaged or foreign file) it is ignored with a log line, the index is built, and the
file rewritten whole (a temporary file renamed over it: a reader sees the old file or the new).

Why `marshal` is safe here: unlike `pickle` it runs no code on load (it builds values; a code
object it could build is never called, and only a dict of str keys is accepted), but it is not
hardened against crafted data, so what it reads must come from us: a damaged file is caught by
the content hash before `marshal` reads it, and the file sits beside the database, written with
this process's permissions (0600) and read only when it belongs to this process's user and no
one else may write it (nor its folder) — whoever could write it could write the database, the
truth it is built from. Failures to read or write only cost time: never an error.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import stat
import sys
import tempfile
from array import array
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from bot.core.atomic_file import fsync_directory
from bot.core.models import Entry

log = logging.getLogger("policybot.index")

MAGIC = b"policybot entry index 1\n"
DIGEST = 32  # bytes of a sha256
# The packages whose data the index's words depend on (word lists, stemming, typo distances).
PACKAGES = ("wordfreq", "snowballstemmer", "rapidfuzz", "pydantic")
_CODE_DIRS = ("core", "locales")  # inside the bot package: the code and rule data read


class IndexCache:
    """The built indexes of one database, one file per language."""

    def __init__(self, stem: Path) -> None:
        """Files `<stem>-<language>`."""
        self.stem = stem

    @classmethod
    def beside(cls, database: Path) -> IndexCache:
        """The cache of a database file: files `<database>.index-<language>` beside it."""
        return cls(database.with_name(database.name + ".index"))

    def path(self, language: str) -> Path:
        return self.stem.with_name(f"{self.stem.name}-{language}")

    def load(self, key: bytes, language: str) -> dict[str, Any] | None:
        """The state saved under `key`, or None (no file, another key, or unusable)."""
        path = self.path(language)
        try:
            with path.open("rb") as handle:
                if not _trusted(path, os.fstat(handle.fileno())):
                    return None
                data = handle.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("index cache %s not read (%s): building the index", path, error)
            return None
        head = len(MAGIC)
        if data[:head] != MAGIC or len(data) < head + 2 * DIGEST:
            log.warning("index cache %s is not an index file: building the index", path)
            return None
        if data[head : head + DIGEST] != key:
            log.info("index cache %s is of other knowledge or code: rebuilding it", path)
            return None
        payload = memoryview(data)[head + 2 * DIGEST :]
        if hashlib.sha256(payload).digest() != data[head + DIGEST : head + 2 * DIGEST]:
            log.warning("index cache %s is damaged: rebuilding it", path)
            return None
        try:
            state = marshal.loads(payload)
        except (ValueError, EOFError, TypeError) as error:
            log.warning("index cache %s unreadable (%s): rebuilding it", path, error)
            return None
        if not isinstance(state, dict) or not all(isinstance(k, str) for k in state):
            log.warning("index cache %s holds no index: rebuilding it", path)
            return None
        return state

    def save(self, key: bytes, language: str, state: dict[str, Any]) -> None:
        """Write `state` under `key`, whole or not at all; a failure is logged, not raised."""
        path = self.path(language)
        try:
            payload = marshal.dumps(state)
            # mkstemp: a fresh name (two processes never share it), readable by this user only.
            descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        except (OSError, ValueError) as error:
            log.warning("index cache %s not written (%s)", path, error)
            return
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(MAGIC + key + hashlib.sha256(payload).digest())
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            log.warning("index cache %s not written (%s)", path, error)
            return
        fsync_directory(path.parent)


def state_of(index: object, names: Sequence[str], arrays: dict[str, str]) -> dict[str, Any]:
    """An index's `names` attributes as plain values; the `arrays` ones as their bytes."""
    values = {name: getattr(index, name) for name in names}
    return {name: value.tobytes() if name in arrays else value for name, value in values.items()}


def restore(
    index: object, state: dict[str, Any], names: Sequence[str], arrays: dict[str, str]
) -> bool:
    """Set an index's attributes from a saved `state_of`; False, setting none, if the state
    has other parts than `names` (`arrays`: name -> array type code)."""
    if set(state) != set(names) or not all(isinstance(state[name], bytes) for name in arrays):
        log.warning("index cache: a saved index has other parts than this code's: building")
        return False
    for name in names:
        value = state[name]
        setattr(index, name, array(arrays[name], value) if name in arrays else value)
    return True


def _trusted(path: Path, status: os.stat_result) -> bool:
    """Whether the file is this user's own, and neither it nor its folder is writable by
    others (a file someone else could have written is not read)."""
    if not hasattr(os, "getuid"):
        return True  # no owners to compare (Windows): the folder's permissions decide
    try:
        folder = path.parent.stat()
    except OSError:
        return False
    shared = stat.S_IWGRP | stat.S_IWOTH
    if status.st_uid != os.getuid() or status.st_mode & shared:
        log.warning("index cache %s is not this user's own: ignored", path)
        return False
    if folder.st_mode & shared and not folder.st_mode & stat.S_ISVTX:
        log.warning("index cache %s is in a folder others may write: ignored", path)
        return False
    return True


def index_key(entries: Sequence[Entry], language: str) -> bytes:
    """The digest of everything an index of `entries` in `language` is built from.

    What it costs (CPU, 100k synthetic entries): the entries' JSON, about 0.55 s (93 MB; one
    `TypeAdapter(list[Entry]).dump_json` call costs the same); the code, rule data and package
    versions (code_digest, once per process), 20-60 ms in a fresh process, 5 ms once the files
    and package metadata were read (the 770 kB of files: 3 ms; by size and time: 2 ms). So the
    code stays keyed by content: keying it by file sizes and times would save about a
    millisecond at the price of trusting them. The entries are keyed by content because a
    knowledge base restored from a backup or edited elsewhere has no other identity that a
    stale file could not share."""
    digest = hashlib.sha256(code_digest())
    digest.update(language.encode() + b"\0")
    for entry in entries:
        digest.update(entry.model_dump_json().encode())
        digest.update(b"\0")
    return digest.digest()


@cache
def code_digest() -> bytes:
    """The digest of the code and rule data that build an index, and of what they run on."""
    return tree_digest(Path(__file__).resolve().parent.parent)


def tree_digest(root: Path) -> bytes:
    """The digest of the code and rule data of the bot package at `root` (every file of its
    core and locales folders, by content), and of the Python and packages they run on."""
    digest = hashlib.sha256(MAGIC)
    digest.update(f"{sys.version}\0{marshal.version}\0".encode())
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\0".encode())
    for folder in _CODE_DIRS:
        for file in sorted((root / folder).rglob("*")):
            if file.is_file() and file.suffix in {".py", ".toml", ".tsv", ".json"}:
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes())
                digest.update(b"\0")
    return digest.digest()
