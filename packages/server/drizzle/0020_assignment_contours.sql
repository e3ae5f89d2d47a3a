ALTER TABLE "assignments" ADD COLUMN "contour" text DEFAULT 'flat' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "overtime_work_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "delay_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_contour_check" CHECK ("assignments"."contour" in ('flat', 'backLoaded', 'frontLoaded', 'doublePeak', 'earlyPeak', 'latePeak', 'bell', 'turtle'));--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_overtime_check" CHECK ("assignments"."overtime_work_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_delay_check" CHECK ("assignments"."delay_minutes" >= 0);