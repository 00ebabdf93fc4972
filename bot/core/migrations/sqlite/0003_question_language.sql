-- The language each question was asked in (issue 11); older rows were all English.
ALTER TABLE questions ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
