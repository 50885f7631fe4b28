-- Custom migration (drizzle-kit generate --custom): each case's row in the full-text index is found
-- by an integer key instead of by its text id. FTS5 cannot search an UNINDEXED column, so keeping the
-- index in step (delete the old row, add the new) read the whole index for every case written.
-- The key is an INTEGER PRIMARY KEY, which VACUUM (and so a backup made with VACUUM INTO) keeps.
CREATE TABLE `case_search_keys` (
  `id` integer PRIMARY KEY,
  `case_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE TABLE `case_search_rows` AS SELECT rowid AS `old`, `case_id`, `reference`, `requester_name`, `customer_number` FROM `case_search`;
--> statement-breakpoint
-- One row per case (the newest, should an older one have been left behind).
DELETE FROM `case_search_rows` WHERE `old` NOT IN (SELECT max(`old`) FROM `case_search_rows` GROUP BY `case_id`);
--> statement-breakpoint
INSERT INTO `case_search_keys` (`case_id`) SELECT `case_id` FROM `case_search_rows` ORDER BY `old`;
--> statement-breakpoint
DELETE FROM `case_search`;
--> statement-breakpoint
INSERT INTO `case_search` (rowid, `case_id`, `reference`, `requester_name`, `customer_number`)
SELECT k.`id`, r.`case_id`, r.`reference`, r.`requester_name`, r.`customer_number`
  FROM `case_search_rows` r JOIN `case_search_keys` k ON k.`case_id` = r.`case_id`;
--> statement-breakpoint
DROP TABLE `case_search_rows`;
