-- Members who asked to be told (once) when a question they got no answer to is answered.
CREATE TABLE watches (
    question_id  INTEGER NOT NULL REFERENCES questions (id),
    member       TEXT    NOT NULL,
    requested_at TEXT    NOT NULL,
    PRIMARY KEY (question_id, member)
);
