CREATE TABLE "face_embeddings" (
	"file_id" bigint PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"embedding" real[],
	"score" real NOT NULL,
	"quality" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scene_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"scene_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"tier" text DEFAULT 'production' NOT NULL,
	"target_seconds" double precision NOT NULL,
	"tolerance_seconds" double precision NOT NULL,
	"segment_seconds" double precision NOT NULL,
	"segments_estimated" integer NOT NULL,
	"segments_done" integer DEFAULT 0 NOT NULL,
	"seconds_done" double precision DEFAULT 0 NOT NULL,
	"from_index" integer DEFAULT 1 NOT NULL,
	"cascade" boolean DEFAULT true NOT NULL,
	"transition_at_segment" integer,
	"plan" jsonb NOT NULL,
	"error_code" text,
	"error" text,
	"started_by_user_id" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_scene_runs_status" CHECK (status IN ('running', 'awaiting_boundary', 'needs_attention', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "ck_scene_runs_purpose" CHECK ("scene_runs"."purpose" IN ('generate', 'regenerate', 'test_shot')),
	CONSTRAINT "ck_scene_runs_tier" CHECK ("scene_runs"."tier" IN ('draft', 'production'))
);
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "ck_jobs_kind";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind";--> statement-breakpoint
DROP INDEX "uq_segments_scene_sequence_index";--> statement-breakpoint
ALTER TABLE "image_variant_types" ADD COLUMN "generation_workflow_version_id" bigint;--> statement-breakpoint
ALTER TABLE "image_variant_types" ADD COLUMN "generation_prompt" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "qa_profile" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "qa_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "retry_policy" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "boundary_mode" text DEFAULT 'last' NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "boundary_window_frames" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "continuity" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "run_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "seed_source" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "variant_type_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "workflow_version_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "render_job_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "qa_job_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "clip_position" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "parameters" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "tier" text DEFAULT 'production' NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "frame_count" integer;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "fps" double precision;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "width" integer;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "height" integer;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "trim_start_frames" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "boundary_frame_index" integer;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "boundary_mode" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "qa_verdict" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "qa_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "qa_rank" real;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "approved_by_user_id" bigint;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "face_embeddings" ADD CONSTRAINT "face_embeddings_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_runs" ADD CONSTRAINT "scene_runs_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_runs" ADD CONSTRAINT "scene_runs_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_runs_public_id" ON "scene_runs" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_scene_runs_scene_id" ON "scene_runs" USING btree ("scene_id","started_at");--> statement-breakpoint
CREATE INDEX "idx_scene_runs_started_by_user_id" ON "scene_runs" USING btree ("started_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_runs_live" ON "scene_runs" USING btree ("scene_id") WHERE "scene_runs"."status" IN ('running', 'awaiting_boundary', 'needs_attention');--> statement-breakpoint
ALTER TABLE "image_variant_types" ADD CONSTRAINT "image_variant_types_generation_workflow_version_id_workflow_versions_id_fk" FOREIGN KEY ("generation_workflow_version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_run_id_scene_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scene_runs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_workflow_version_id_workflow_versions_id_fk" FOREIGN KEY ("workflow_version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_render_job_id_jobs_id_fk" FOREIGN KEY ("render_job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_qa_job_id_jobs_id_fk" FOREIGN KEY ("qa_job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "idx_image_variant_types_generation_workflow_version_id" ON "image_variant_types" USING btree ("generation_workflow_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_segments_scene_index_version" ON "segments" USING btree ("scene_id","sequence_index","version");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_segments_current" ON "segments" USING btree ("scene_id","sequence_index") WHERE "segments"."is_current";--> statement-breakpoint
CREATE INDEX "idx_segments_run_id" ON "segments" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "idx_segments_variant_type_id" ON "segments" USING btree ("variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_segments_workflow_version_id" ON "segments" USING btree ("workflow_version_id");--> statement-breakpoint
CREATE INDEX "idx_segments_render_job_id" ON "segments" USING btree ("render_job_id");--> statement-breakpoint
CREATE INDEX "idx_segments_qa_job_id" ON "segments" USING btree ("qa_job_id");--> statement-breakpoint
CREATE INDEX "idx_segments_approved_by_user_id" ON "segments" USING btree ("approved_by_user_id");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "ck_jobs_kind" CHECK (kind IN ('comfy.render', 'retention.sweep', 'notifications.digest', 'import.analyse', 'import.commit', 'segment.qa', 'image.analyse', 'variant.collect'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK (kind IN ('job.completed', 'job.failed', 'job.moved', 'budget.warning', 'schedule.failed', 'scene.completed', 'scene.needs_attention', 'digest'));--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "ck_scene_types_qa_profile" CHECK ("scene_types"."qa_profile" IN ('strict', 'standard', 'lenient'));--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "ck_scene_types_boundary_mode" CHECK ("scene_types"."boundary_mode" IN ('last', 'auto', 'manual'));--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "ck_scene_types_boundary_window" CHECK ("scene_types"."boundary_window_frames" BETWEEN 1 AND 240);--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "ck_segments_version" CHECK ("segments"."version" >= 1);--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "ck_segments_tier" CHECK ("segments"."tier" IN ('draft', 'production'));--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "ck_segments_qa_verdict" CHECK ("segments"."qa_verdict" IS NULL OR "segments"."qa_verdict" IN ('pass', 'flag', 'fail'));--> statement-breakpoint
INSERT INTO "scene_statuses" ("code", "name") VALUES ('failed', 'Failed') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "segment_statuses" ("code", "name") VALUES
  ('failed', 'Failed'),
  ('cancelled', 'Cancelled')
ON CONFLICT DO NOTHING;
