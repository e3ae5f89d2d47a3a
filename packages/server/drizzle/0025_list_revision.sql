CREATE TABLE "list_revisions" (
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "list_revisions_workspace_id_kind_pk" PRIMARY KEY("workspace_id","kind")
);
--> statement-breakpoint
ALTER TABLE "list_revisions" ADD CONSTRAINT "list_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;