CREATE TABLE "scene_video_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_video_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"scene_id" bigint NOT NULL,
	"version_number" integer NOT NULL,
	"source" text NOT NULL,
	"file_id" bigint NOT NULL,
	"duration_seconds" double precision NOT NULL,
	"fps" double precision,
	"frame_count" integer,
	"codec" text NOT NULL,
	"is_final" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_user_id" bigint,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_scene_video_versions_source" CHECK ("scene_video_versions"."source" IN ('generated', 'imported')),
	CONSTRAINT "ck_scene_video_versions_number" CHECK ("scene_video_versions"."version_number" >= 1),
	CONSTRAINT "ck_scene_video_versions_final_live" CHECK (NOT ("scene_video_versions"."is_final" AND "scene_video_versions"."deleted_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "scene_tags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scene_id" bigint NOT NULL,
	"tag_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD CONSTRAINT "scene_video_versions_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD CONSTRAINT "scene_video_versions_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_video_versions" ADD CONSTRAINT "scene_video_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_tags" ADD CONSTRAINT "scene_tags_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_tags" ADD CONSTRAINT "scene_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_video_versions_public_id" ON "scene_video_versions" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_video_versions_scene_version" ON "scene_video_versions" USING btree ("scene_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_video_versions_final" ON "scene_video_versions" USING btree ("scene_id") WHERE "scene_video_versions"."is_final" AND "scene_video_versions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_scene_video_versions_file_id" ON "scene_video_versions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "idx_scene_video_versions_created_by_user_id" ON "scene_video_versions" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_tags" ON "scene_tags" USING btree ("scene_id","tag_id");--> statement-breakpoint
CREATE INDEX "idx_scene_tags_tag_id" ON "scene_tags" USING btree ("tag_id");