-- Entries opened from a button (related, did-you-mean) are logged so they can take a vote,
-- but nobody typed them: usage counts only the questions members asked.
ALTER TABLE questions ADD COLUMN picked INTEGER NOT NULL DEFAULT 0;
