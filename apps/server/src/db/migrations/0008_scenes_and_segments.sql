CREATE TABLE "scene_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"character_id" bigint NOT NULL,
	"scene_type_id" bigint NOT NULL,
	"variant_type_id" bigint NOT NULL,
	"is_transition" boolean DEFAULT false NOT NULL,
	"status_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segment_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"scene_id" bigint NOT NULL,
	"sequence_index" integer NOT NULL,
	"status_id" bigint NOT NULL,
	"seed_file_id" bigint,
	"output_file_id" bigint,
	"boundary_file_id" bigint,
	"prompt" jsonb,
	"qa_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"duration_seconds" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_segments_sequence_index" CHECK ("segments"."sequence_index" >= 1)
);
--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_scene_type_id_scene_types_id_fk" FOREIGN KEY ("scene_type_id") REFERENCES "public"."scene_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_status_id_scene_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."scene_statuses"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_status_id_segment_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."segment_statuses"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_seed_file_id_media_files_id_fk" FOREIGN KEY ("seed_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_output_file_id_media_files_id_fk" FOREIGN KEY ("output_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_boundary_file_id_media_files_id_fk" FOREIGN KEY ("boundary_file_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_statuses_code" ON "scene_statuses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scenes_public_id" ON "scenes" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scenes_cell" ON "scenes" USING btree ("character_id","scene_type_id","variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_scene_type_id" ON "scenes" USING btree ("scene_type_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_variant_type_id" ON "scenes" USING btree ("variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_status_id" ON "scenes" USING btree ("status_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_segment_statuses_code" ON "segment_statuses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_segments_public_id" ON "segments" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_segments_scene_sequence_index" ON "segments" USING btree ("scene_id","sequence_index");--> statement-breakpoint
CREATE INDEX "idx_segments_status_id" ON "segments" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "idx_segments_seed_file_id" ON "segments" USING btree ("seed_file_id");--> statement-breakpoint
CREATE INDEX "idx_segments_output_file_id" ON "segments" USING btree ("output_file_id");--> statement-breakpoint
CREATE INDEX "idx_segments_boundary_file_id" ON "segments" USING btree ("boundary_file_id");