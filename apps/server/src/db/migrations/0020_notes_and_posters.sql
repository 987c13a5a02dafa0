CREATE TABLE "annotations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annotations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"file_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"frame" integer NOT NULL,
	"shapes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" bigint,
	"updated_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_annotations_frame" CHECK ("annotations"."frame" >= 0)
);
--> statement-breakpoint
CREATE TABLE "note_mentions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "note_mentions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"note_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"project_id" bigint NOT NULL,
	"entity_type" text NOT NULL,
	"character_id" bigint,
	"scene_id" bigint,
	"segment_id" bigint,
	"video_version_id" bigint,
	"parent_id" bigint,
	"frame" integer,
	"body" text NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"visibility" text DEFAULT 'team' NOT NULL,
	"failure_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"pinned_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" bigint,
	"author_user_id" bigint NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_notes_entity_type" CHECK (entity_type IN ('project', 'character', 'scene', 'segment', 'video_version')),
	CONSTRAINT "ck_notes_entity" CHECK (num_nonnulls(character_id, scene_id, segment_id, video_version_id) = CASE entity_type WHEN 'project' THEN 0 ELSE 1 END AND (entity_type <> 'character' OR character_id IS NOT NULL) AND (entity_type <> 'scene' OR scene_id IS NOT NULL) AND (entity_type <> 'segment' OR segment_id IS NOT NULL) AND (entity_type <> 'video_version' OR video_version_id IS NOT NULL)),
	CONSTRAINT "ck_notes_category" CHECK (category IN ('general', 'direction', 'technical', 'client')),
	CONSTRAINT "ck_notes_visibility" CHECK (visibility IN ('team', 'internal')),
	CONSTRAINT "ck_notes_failure_tags" CHECK (failure_tags <@ ARRAY['face_artifact', 'motion_artifact', 'lighting_mismatch', 'identity_drift', 'continuity_break', 'other']::text[]),
	CONSTRAINT "ck_notes_frame" CHECK ("notes"."frame" IS NULL OR "notes"."frame" >= 0),
	CONSTRAINT "ck_notes_body" CHECK (length("notes"."body") > 0)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind";--> statement-breakpoint
ALTER TABLE "characters" ADD COLUMN "poster_file_id" bigint;--> statement-breakpoint
ALTER TABLE "characters" ADD COLUMN "poster_source_file_id" bigint;--> statement-breakpoint
ALTER TABLE "characters" ADD COLUMN "poster_frame" integer;--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN "poster_file_id" bigint;--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN "poster_source_file_id" bigint;--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN "poster_frame" integer;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_video_version_id_scene_video_versions_id_fk" FOREIGN KEY ("video_version_id") REFERENCES "public"."scene_video_versions"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_parent_id_notes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_annotations_public_id" ON "annotations" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_annotations_file_frame" ON "annotations" USING btree ("file_id","frame");--> statement-breakpoint
CREATE INDEX "idx_annotations_project_id" ON "annotations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "idx_annotations_created_by_user_id" ON "annotations" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "idx_annotations_updated_by_user_id" ON "annotations" USING btree ("updated_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_note_mentions_note_user" ON "note_mentions" USING btree ("note_id","user_id");--> statement-breakpoint
CREATE INDEX "idx_note_mentions_user_id" ON "note_mentions" USING btree ("user_id","note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_notes_public_id" ON "notes" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_notes_project_id" ON "notes" USING btree ("project_id","entity_type","id");--> statement-breakpoint
CREATE INDEX "idx_notes_character_id" ON "notes" USING btree ("character_id","id");--> statement-breakpoint
CREATE INDEX "idx_notes_scene_id" ON "notes" USING btree ("scene_id","id");--> statement-breakpoint
CREATE INDEX "idx_notes_segment_id" ON "notes" USING btree ("segment_id","id");--> statement-breakpoint
CREATE INDEX "idx_notes_video_version_id" ON "notes" USING btree ("video_version_id","id");--> statement-breakpoint
CREATE INDEX "idx_notes_parent_id" ON "notes" USING btree ("parent_id","id");--> statement-breakpoint
CREATE INDEX "idx_notes_resolved_by_user_id" ON "notes" USING btree ("resolved_by_user_id");--> statement-breakpoint
CREATE INDEX "idx_notes_author_user_id" ON "notes" USING btree ("author_user_id");--> statement-breakpoint
ALTER TABLE "characters" ADD CONSTRAINT "characters_poster_file_id_media_files_id_fk" FOREIGN KEY ("poster_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "characters" ADD CONSTRAINT "characters_poster_source_file_id_media_files_id_fk" FOREIGN KEY ("poster_source_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_poster_file_id_media_files_id_fk" FOREIGN KEY ("poster_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_poster_source_file_id_media_files_id_fk" FOREIGN KEY ("poster_source_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "idx_characters_poster_file_id" ON "characters" USING btree ("poster_file_id");--> statement-breakpoint
CREATE INDEX "idx_characters_poster_source_file_id" ON "characters" USING btree ("poster_source_file_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_poster_file_id" ON "scenes" USING btree ("poster_file_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_poster_source_file_id" ON "scenes" USING btree ("poster_source_file_id");--> statement-breakpoint
ALTER TABLE "characters" ADD CONSTRAINT "ck_characters_poster_frame" CHECK ("characters"."poster_frame" IS NULL OR "characters"."poster_frame" >= 0);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK (kind IN ('job.completed', 'job.failed', 'job.moved', 'budget.warning', 'schedule.failed', 'scene.completed', 'scene.needs_attention', 'delivery.ready', 'delivery.failed', 'note.mentioned', 'digest'));--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "ck_scenes_poster_frame" CHECK ("scenes"."poster_frame" IS NULL OR "scenes"."poster_frame" >= 0);