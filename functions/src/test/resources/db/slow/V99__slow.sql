-- A migration that takes longer than its budget, in steps each shorter than the statement timeout.
CREATE TABLE slow_marker (id INT);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
SELECT pg_sleep(0.5);
