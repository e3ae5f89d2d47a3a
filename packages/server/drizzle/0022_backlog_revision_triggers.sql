-- Every write that can move a feature in a ranking of its product's backlog bumps the product's revision in its own
-- transaction (see schema/backlog-revision.ts). A deleted row only updates: when its product is being deleted, the
-- revision row goes with it and must not come back.
CREATE SEQUENCE IF NOT EXISTS "backlog_revision_seq";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_backlog_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "backlog_revisions" SET "revision" = nextval('backlog_revision_seq') WHERE "product_id" = OLD."product_id";
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."product_id" IS DISTINCT FROM NEW."product_id" THEN
    UPDATE "backlog_revisions" SET "revision" = nextval('backlog_revision_seq') WHERE "product_id" = OLD."product_id";
  END IF;
  INSERT INTO "backlog_revisions" ("product_id", "revision") VALUES (NEW."product_id", nextval('backlog_revision_seq'))
    ON CONFLICT ("product_id") DO UPDATE SET "revision" = excluded."revision";
  RETURN NULL;
END $$;--> statement-breakpoint
INSERT INTO "backlog_revisions" ("product_id", "revision")
  SELECT "id", nextval('backlog_revision_seq') FROM "products" ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "features_backlog_revision" AFTER INSERT OR DELETE ON "features"
  FOR EACH ROW EXECUTE FUNCTION "bump_backlog_revision"();--> statement-breakpoint
CREATE TRIGGER "features_backlog_revision_moved" AFTER UPDATE OF "product_id" ON "features"
  FOR EACH ROW WHEN (OLD."product_id" IS DISTINCT FROM NEW."product_id") EXECUTE FUNCTION "bump_backlog_revision"();--> statement-breakpoint
CREATE TRIGGER "feature_scores_backlog_revision" AFTER INSERT OR DELETE ON "feature_scores"
  FOR EACH ROW EXECUTE FUNCTION "bump_backlog_revision"();--> statement-breakpoint
CREATE TRIGGER "feature_scores_backlog_revision_changed" AFTER UPDATE ON "feature_scores"
  FOR EACH ROW WHEN (
    OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."rice_score" IS DISTINCT FROM NEW."rice_score"
    OR OLD."wsjf_score" IS DISTINCT FROM NEW."wsjf_score" OR OLD."value_effort_score" IS DISTINCT FROM NEW."value_effort_score"
    OR OLD."scorecard_score" IS DISTINCT FROM NEW."scorecard_score" OR OLD."manual_rank" IS DISTINCT FROM NEW."manual_rank"
  ) EXECUTE FUNCTION "bump_backlog_revision"();--> statement-breakpoint
CREATE TRIGGER "feature_demand_backlog_revision" AFTER INSERT OR DELETE ON "feature_demand"
  FOR EACH ROW EXECUTE FUNCTION "bump_backlog_revision"();--> statement-breakpoint
CREATE TRIGGER "feature_demand_backlog_revision_changed" AFTER UPDATE ON "feature_demand"
  FOR EACH ROW WHEN (OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."score" IS DISTINCT FROM NEW."score")
  EXECUTE FUNCTION "bump_backlog_revision"();
