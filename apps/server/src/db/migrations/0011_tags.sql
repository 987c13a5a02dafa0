CREATE TABLE "character_tags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "character_tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"character_id" bigint NOT NULL,
	"tag_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scene_type_tags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_type_tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scene_type_id" bigint NOT NULL,
	"tag_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_tags_name" CHECK ("tags"."name" ~ '^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)?$' AND length("tags"."name") <= 60)
);
--> statement-breakpoint
ALTER TABLE "character_tags" ADD CONSTRAINT "character_tags_character_id_characters_id_fk" FOREIGN KEY ("character_id") REFERENCES "public"."characters"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "character_tags" ADD CONSTRAINT "character_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_type_tags" ADD CONSTRAINT "scene_type_tags_scene_type_id_scene_types_id_fk" FOREIGN KEY ("scene_type_id") REFERENCES "public"."scene_types"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_type_tags" ADD CONSTRAINT "scene_type_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_character_tags" ON "character_tags" USING btree ("character_id","tag_id");--> statement-breakpoint
CREATE INDEX "idx_character_tags_tag_id" ON "character_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_type_tags" ON "scene_type_tags" USING btree ("scene_type_id","tag_id");--> statement-breakpoint
CREATE INDEX "idx_scene_type_tags_tag_id" ON "scene_type_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_tags_name" ON "tags" USING btree ("name");