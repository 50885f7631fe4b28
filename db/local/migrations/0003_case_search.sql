-- Custom migration (drizzle-kit generate --custom): full-text search over reference, requester name
-- and customer number, inside the encrypted store. The repository writes folded text
-- (shared/domain/search.ts: accents removed, Ł→L, ß→ss …), so "ozdemir" finds "Özdemir" and
-- "lukasz" finds "Łukasz"; it keeps the index in step with the cases table in the same transaction.
CREATE VIRTUAL TABLE `case_search` USING fts5(
  `case_id` UNINDEXED,
  `reference`,
  `requester_name`,
  `customer_number`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
-- Cases registered before this migration: indexed with SQLite's lower(); the tokenizer removes
-- most accents. Cases saved afterwards get the app's full folding.
INSERT INTO `case_search` (`case_id`, `reference`, `requester_name`, `customer_number`)
SELECT `id`, lower(`reference`), lower(`requester_name`), lower(coalesce(`customer_number`, '')) FROM `cases`;
