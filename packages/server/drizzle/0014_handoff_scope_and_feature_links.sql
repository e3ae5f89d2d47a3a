CREATE TABLE "handoff_scope_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"initiative_id" text NOT NULL,
	"project_id" text NOT NULL,
	"key" text NOT NULL,
	"forecast_finish" text,
	"change_request_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handoff_scope_changes" ADD CONSTRAINT "handoff_scope_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_scope_changes" ADD CONSTRAINT "handoff_scope_changes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_scope_changes" ADD CONSTRAINT "handoff_scope_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_scope_changes" ADD CONSTRAINT "handoff_scope_changes_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handoff_scope_changes_key" ON "handoff_scope_changes" USING btree ("initiative_id","key","forecast_finish");--> statement-breakpoint
CREATE INDEX "handoff_scope_changes_project_idx" ON "handoff_scope_changes" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "product_budget_lines" ADD CONSTRAINT "product_budget_lines_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_features" ADD CONSTRAINT "release_features_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE set null ON UPDATE no action;