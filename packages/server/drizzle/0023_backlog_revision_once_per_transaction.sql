-- A bulk write (a seed, an import, a product's demand recomputed) fires the trigger once per row: bump the revision on
-- the first row only. A row version made by this transaction already carries a number no reader has seen, and not
-- updating it again keeps the product's row from growing a chain of versions that each later bump would walk.
CREATE OR REPLACE FUNCTION "bump_backlog_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "backlog_revisions" SET "revision" = nextval('backlog_revision_seq')
      WHERE "product_id" = OLD."product_id" AND xmin <> pg_current_xact_id()::xid;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."product_id" IS DISTINCT FROM NEW."product_id" THEN
    UPDATE "backlog_revisions" SET "revision" = nextval('backlog_revision_seq')
      WHERE "product_id" = OLD."product_id" AND xmin <> pg_current_xact_id()::xid;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "backlog_revisions" WHERE "product_id" = NEW."product_id" AND xmin = pg_current_xact_id()::xid
  ) THEN
    INSERT INTO "backlog_revisions" ("product_id", "revision") VALUES (NEW."product_id", nextval('backlog_revision_seq'))
      ON CONFLICT ("product_id") DO UPDATE SET "revision" = excluded."revision";
  END IF;
  RETURN NULL;
END $$;
