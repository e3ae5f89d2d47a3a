CREATE TABLE "feature_demand" (
	"feature_id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"customers" integer NOT NULL,
	"feedback" integer NOT NULL,
	"revenue_cents" bigint NOT NULL,
	"score" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feature_demand" ADD CONSTRAINT "feature_demand_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_demand" ADD CONSTRAINT "feature_demand_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feature_demand_product_score_idx" ON "feature_demand" USING btree ("product_id","score" DESC NULLS LAST,"feature_id");--> statement-breakpoint
-- Backfill: the demand of every feature that has feedback links, by core's featureDemand rule (each feedback once at
-- its highest importance, each customer once at the highest importance they gave, weighted by tier 3/2/1).
INSERT INTO "feature_demand" ("feature_id", "product_id", "customers", "feedback", "revenue_cents", "score")
SELECT askers.feature_id, f.product_id, count(askers.customer_id)::int, sum(askers.feedback_count)::int,
  coalesce(sum(c.revenue_cents), 0)::bigint,
  sum(askers.top * CASE c.tier WHEN 'strategic' THEN 3 WHEN 'key' THEN 2 ELSE 1 END)::float8
FROM (
  SELECT pairs.feature_id, fb.customer_id, coalesce(fb.customer_id, fb.id) AS asker,
    count(*) AS feedback_count, max(pairs.weight) AS top
  FROM (
    SELECT feature_id, feedback_id,
      max(CASE importance WHEN 'critical' THEN 3 WHEN 'important' THEN 2 ELSE 1 END) AS weight
    FROM feedback_links GROUP BY 1, 2
  ) pairs
  JOIN feedback fb ON fb.id = pairs.feedback_id
  GROUP BY 1, 2, 3
) askers
JOIN features f ON f.id = askers.feature_id
LEFT JOIN customers c ON c.id = askers.customer_id
GROUP BY askers.feature_id, f.product_id;
