DROP INDEX "feedback_product_received_idx";--> statement-breakpoint
CREATE INDEX "features_product_rank_idx" ON "features" USING btree ("product_id","rank","id");--> statement-breakpoint
CREATE INDEX "feedback_product_received_idx" ON "feedback" USING btree ("product_id","received_at","id");