CREATE TABLE "characters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "characters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"project_id" bigint NOT NULL,
	"name" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" bigint,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "image_variant_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "image_variant_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "image_variants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "image_variants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"character_id" bigint NOT NULL,
	"variant_type_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"status_id" bigint NOT NULL,
	"is_hero" boolean DEFAULT false NOT NULL,
	"provenance" text NOT NULL,
	"decided_by_user_id" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_image_variants_provenance" CHECK ("image_variants"."provenance" IN ('upload', 'generated', 'edited'))
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "media_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"width" integer,
	"height" integer,
	"original_filename" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_images" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"character_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "characters" ADD CONSTRAINT "characters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "characters" ADD CONSTRAINT "characters_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_status_id_image_variant_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."image_variant_statuses"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "source_images" ADD CONSTRAINT "source_images_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "source_images" ADD CONSTRAINT "source_images_file_id_media_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media_files"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_characters_public_id" ON "characters" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_characters_project_name" ON "characters" USING btree ("project_id",lower("name")) WHERE "characters"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_characters_project_id" ON "characters" USING btree ("project_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "idx_characters_created_by_user_id" ON "characters" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variant_statuses_code" ON "image_variant_statuses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variants_public_id" ON "image_variants" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variants_hero" ON "image_variants" USING btree ("character_id","variant_type_id") WHERE "image_variants"."is_hero";--> statement-breakpoint
CREATE INDEX "idx_image_variants_character_id" ON "image_variants" USING btree ("character_id","variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_image_variants_variant_type_id" ON "image_variants" USING btree ("variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_image_variants_file_id" ON "image_variants" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "idx_image_variants_status_id" ON "image_variants" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "idx_image_variants_decided_by_user_id" ON "image_variants" USING btree ("decided_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_media_files_public_id" ON "media_files" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_media_files_storage_key" ON "media_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "idx_media_files_sha256" ON "media_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_source_images_public_id" ON "source_images" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_source_images_current" ON "source_images" USING btree ("character_id") WHERE "source_images"."is_current";--> statement-breakpoint
CREATE INDEX "idx_source_images_character_id" ON "source_images" USING btree ("character_id");--> statement-breakpoint
CREATE INDEX "idx_source_images_file_id" ON "source_images" USING btree ("file_id");