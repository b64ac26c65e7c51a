-- A migration that fails halfway: its first statement works, its second cannot. The test checks
-- that neither is left behind (each migration runs in one transaction; PostgreSQL DDL is transactional).
CREATE TABLE half_done (id BIGINT PRIMARY KEY);
ALTER TABLE users ADD COLUMN nickname VARCHAR(40);
INSERT INTO half_done VALUES (1 / 0);
