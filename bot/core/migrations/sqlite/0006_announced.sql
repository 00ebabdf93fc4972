-- Whether moderators have been told of a revision (Discord's audit channel, watchers). A running
-- bot writes its own changes as announced and announces them itself; a change written by a
-- process that announces nothing (the command line) stays 0 until a running bot takes it,
-- announces it and marks it, once, whichever bot and however often it restarts. Revisions
-- older than this column count as announced.
ALTER TABLE revisions ADD COLUMN announced INTEGER NOT NULL DEFAULT 1;
CREATE INDEX revisions_unannounced ON revisions (rev) WHERE announced = 0;
