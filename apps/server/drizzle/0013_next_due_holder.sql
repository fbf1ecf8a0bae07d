-- A petition's next deadline is now its holder's (core nextDue): a notice to another unit (an office supervised for
-- not routing the petition, which has routed it since) no longer counts in it. The day needs the calendar, which SQL
-- does not have: the server folds these petitions again at start-up (petitions/refold.ts), writing next_due_on anew.
INSERT INTO "petition_refolds" ("petition_id", "jurisdiction_code", "why")
SELECT p."id", p."jurisdiction_code", 'nextDueHolder' FROM "petitions" p
WHERE EXISTS (SELECT 1 FROM unnest(p."supervised_unit_ids") u WHERE u IS DISTINCT FROM p."current_unit_id")
ON CONFLICT ("petition_id") DO NOTHING;
