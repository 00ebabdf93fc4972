-- Entries as an append-only revision log, topics, the question log and feedback.
CREATE TABLE revisions (
    rev        INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id   TEXT    NOT NULL,
    number     INTEGER NOT NULL,
    file       TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    data       TEXT,               -- the entry as JSON; NULL marks a deletion
    author     TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (entry_id, number)
);
CREATE TABLE topics (
    file  TEXT PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at    TEXT NOT NULL,
    asker       TEXT,
    channel     TEXT NOT NULL,
    text        TEXT NOT NULL,
    tier        TEXT NOT NULL,
    entry_id    TEXT,
    score       REAL NOT NULL,
    state       TEXT NOT NULL DEFAULT 'open',  -- open | dismissed | answered
    resolved_by TEXT,
    resolved_at TEXT
);
CREATE INDEX questions_open ON questions (tier, state);
CREATE INDEX questions_entry ON questions (entry_id);
CREATE TABLE feedback (
    question_id INTEGER NOT NULL REFERENCES questions (id),
    voter       TEXT    NOT NULL,
    helpful     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (question_id, voter)
);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
