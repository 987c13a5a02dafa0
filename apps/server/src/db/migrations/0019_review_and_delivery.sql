CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"project_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"mode" text NOT NULL,
	"profile_id" bigint,
	"profile_name" text,
	"status" text NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"characters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"manifest" jsonb,
	"file_id" bigint,
	"size_bytes" bigint,
	"sha256" text,
	"job_id" bigint,
	"error_code" text,
	"error" text,
	"requested_by_user_id" bigint,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_deliveries_mode" CHECK ("deliveries"."mode" IN ('full', 'incremental')),
	CONSTRAINT "ck_deliveries_status" CHECK (status IN ('queued', 'running', 'ready', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "output_profiles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "output_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"container" text NOT NULL,
	"video_codec" text NOT NULL,
	"width" integer,
	"height" integer,
	"fps" double precision,
	"crf" integer,
	"bitrate_kbps" integer,
	"pixel_format" text NOT NULL,
	"audio" text DEFAULT 'drop' NOT NULL,
	"is_preset" boolean DEFAULT false NOT NULL,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_output_profiles_container" CHECK ("output_profiles"."container" IN ('mp4', 'mov', 'webm')),
	CONSTRAINT "ck_output_profiles_codec" CHECK ("output_profiles"."video_codec" IN ('h264', 'h265', 'vp9', 'prores')),
	CONSTRAINT "ck_output_profiles_audio" CHECK ("output_profiles"."audio" IN ('drop', 'silent')),
	CONSTRAINT "ck_output_profiles_size" CHECK (("output_profiles"."width" IS NULL) = ("output_profiles"."height" IS NULL)),
	CONSTRAINT "ck_output_profiles_rate" CHECK (("output_profiles"."crf" IS NULL) <> ("output_profiles"."bitrate_kbps" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "renditions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renditions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"video_version_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"profile_id" bigint,
	"settings" jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"file_id" bigint,
	"job_id" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_renditions_kind" CHECK ("renditions"."kind" IN ('profile', 'review_cut')),
	CONSTRAINT "ck_renditions_profile" CHECK (("renditions"."kind" = 'profile') = ("renditions"."profile_id" IS NOT NULL)),
	CONSTRAINT "ck_renditions_status" CHECK (status IN ('queued', 'running', 'ready', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"segment_id" bigint NOT NULL,
	"scene_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"decision" text NOT NULL,
	"reason_code" text,
	"note" text DEFAULT '' NOT NULL,
	"segment_version" integer NOT NULL,
	"previous_status" text NOT NULL,
	"previous_flagged_at" timestamp with time zone,
	"batch_id" uuid,
	"regeneration_run_id" bigint,
	"decided_by_user_id" bigint,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_review_decisions_decision" CHECK (decision IN ('approve', 'reject', 'flag', 'unflag'))
);
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "ck_jobs_kind";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind";--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD COLUMN "tier" text DEFAULT 'production' NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD COLUMN "assembly" jsonb;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_profile_id_output_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."output_profiles"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "output_profiles" ADD CONSTRAINT "output_profiles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_video_version_id_scene_video_versions_id_fk" FOREIGN KEY ("video_version_id") REFERENCES "public"."scene_video_versions"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_profile_id_output_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."output_profiles"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "renditions" ADD CONSTRAINT "renditions_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_regeneration_run_id_scene_runs_id_fk" FOREIGN KEY ("regeneration_run_id") REFERENCES "public"."scene_runs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_deliveries_public_id" ON "deliveries" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_deliveries_project_number" ON "deliveries" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "idx_deliveries_profile_id" ON "deliveries" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "idx_deliveries_file_id" ON "deliveries" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "idx_deliveries_job_id" ON "deliveries" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "idx_deliveries_requested_by_user_id" ON "deliveries" USING btree ("requested_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_output_profiles_public_id" ON "output_profiles" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_output_profiles_name" ON "output_profiles" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "idx_output_profiles_created_by_user_id" ON "output_profiles" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_renditions_public_id" ON "renditions" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_renditions_video_version_id" ON "renditions" USING btree ("video_version_id");--> statement-breakpoint
CREATE INDEX "idx_renditions_profile_id" ON "renditions" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "idx_renditions_file_id" ON "renditions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "idx_renditions_job_id" ON "renditions" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_review_decisions_public_id" ON "review_decisions" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_segment_id" ON "review_decisions" USING btree ("segment_id","decided_at");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_scene_id" ON "review_decisions" USING btree ("scene_id");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_project_id" ON "review_decisions" USING btree ("project_id","decided_at");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_decided_by_user_id" ON "review_decisions" USING btree ("decided_by_user_id","decided_at");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_batch_id" ON "review_decisions" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "idx_review_decisions_regeneration_run_id" ON "review_decisions" USING btree ("regeneration_run_id");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "ck_jobs_kind" CHECK (kind IN ('comfy.render', 'retention.sweep', 'notifications.digest', 'import.analyse', 'import.commit', 'segment.qa', 'image.analyse', 'variant.collect', 'scene.assemble', 'media.transcode', 'delivery.package'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK (kind IN ('job.completed', 'job.failed', 'job.moved', 'budget.warning', 'schedule.failed', 'scene.completed', 'scene.needs_attention', 'delivery.ready', 'delivery.failed', 'digest'));--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD CONSTRAINT "ck_scene_video_versions_tier" CHECK ("scene_video_versions"."tier" IN ('draft', 'production'));--> statement-breakpoint
-- Output profile presets (PRD-039 §1.5); editable copies can be made from them.
INSERT INTO "output_profiles" ("public_id", "name", "description", "container", "video_codec", "width", "height", "fps", "crf", "bitrate_kbps", "pixel_format", "audio", "is_preset") VALUES
  ('019a0000-0000-7000-8000-000000000001', 'Master H.264 (source size)', 'Visually lossless H.264 at the source size and rate', 'mp4', 'h264', NULL, NULL, NULL, 16, NULL, 'yuv420p', 'drop', true),
  ('019a0000-0000-7000-8000-000000000002', 'Platform 1080p H.264 8 Mbps', '1920×1080 H.264 at 8 Mbps in MP4, with a silent audio track', 'mp4', 'h264', 1920, 1080, NULL, NULL, 8000, 'yuv420p', 'silent', true),
  ('019a0000-0000-7000-8000-000000000003', 'Platform 720p H.265', '1280×720 H.265 in MP4', 'mp4', 'h265', 1280, 720, NULL, 26, NULL, 'yuv420p', 'drop', true),
  ('019a0000-0000-7000-8000-000000000004', 'Web VP9', 'VP9 in WebM at the source size', 'webm', 'vp9', NULL, NULL, NULL, 32, NULL, 'yuv420p', 'drop', true),
  ('019a0000-0000-7000-8000-000000000005', 'Archive ProRes 422 HQ', 'ProRes 422 HQ in MOV at the source size, for archiving and editing', 'mov', 'prores', NULL, NULL, NULL, 4, NULL, 'yuv422p10le', 'drop', true);
