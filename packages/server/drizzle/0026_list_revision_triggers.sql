-- Every row written to a table a workspace list reads bumps the list's revision in the same transaction (see
-- schema/list-revision.ts). The kind comes as the trigger's argument. As for backlog revisions: a deleted row only
-- updates (when its workspace is being deleted, the revision row goes with it and must not come back), and a
-- transaction bumps a list once, on its first row.
CREATE SEQUENCE IF NOT EXISTS "list_revision_seq" OWNED BY "list_revisions"."revision";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_list_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."workspace_id" IS DISTINCT FROM NEW."workspace_id") THEN
    UPDATE "list_revisions" SET "revision" = nextval('list_revision_seq')
      WHERE "workspace_id" = OLD."workspace_id" AND "kind" = TG_ARGV[0] AND xmin <> pg_current_xact_id()::xid;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "list_revisions"
      WHERE "workspace_id" = NEW."workspace_id" AND "kind" = TG_ARGV[0] AND xmin = pg_current_xact_id()::xid
  ) THEN
    INSERT INTO "list_revisions" ("workspace_id", "kind", "revision")
      VALUES (NEW."workspace_id", TG_ARGV[0], nextval('list_revision_seq'))
      ON CONFLICT ("workspace_id", "kind") DO UPDATE SET "revision" = excluded."revision";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
INSERT INTO "list_revisions" ("workspace_id", "kind", "revision")
  SELECT w."id", k."kind", nextval('list_revision_seq') FROM "workspaces" w CROSS JOIN (VALUES ('product'), ('program')) k("kind")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "products_list_revision" AFTER INSERT OR UPDATE OR DELETE ON "products"
  FOR EACH ROW EXECUTE FUNCTION "bump_list_revision"('product');--> statement-breakpoint
CREATE TRIGGER "programs_list_revision" AFTER INSERT OR UPDATE OR DELETE ON "programs"
  FOR EACH ROW EXECUTE FUNCTION "bump_list_revision"('program');
