-- The meta table of step 1 was never used.
DROP TABLE meta;
