-- Needs an ACCESS EXCLUSIVE lock on runs, which a long transaction may be holding up.
ALTER TABLE runs ADD COLUMN extra INTEGER;
