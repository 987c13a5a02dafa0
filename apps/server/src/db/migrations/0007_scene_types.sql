CREATE TABLE "scene_type_variant_types" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_type_variant_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scene_type_id" bigint NOT NULL,
	"variant_type_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scene_types" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scene_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"project_id" bigint,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"workflow_ref" text,
	"loras" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prompts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target_duration_seconds" double precision NOT NULL,
	"segment_duration_seconds" double precision NOT NULL,
	"tolerance_seconds" double precision DEFAULT 0 NOT NULL,
	"transition_from_variant_type_id" bigint,
	"transition_to_variant_type_id" bigint,
	"transition_at_segment" integer,
	"transition_suffix" text,
	"transition_workflow_ref" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_scene_types_durations" CHECK ("scene_types"."segment_duration_seconds" > 0 AND "scene_types"."target_duration_seconds" >= "scene_types"."segment_duration_seconds" AND "scene_types"."tolerance_seconds" >= 0),
	CONSTRAINT "ck_scene_types_transition" CHECK (("scene_types"."transition_from_variant_type_id" IS NULL) = ("scene_types"."transition_to_variant_type_id" IS NULL)
        AND ("scene_types"."transition_from_variant_type_id" IS NULL) = ("scene_types"."transition_at_segment" IS NULL)
        AND ("scene_types"."transition_from_variant_type_id" IS NULL) = ("scene_types"."transition_suffix" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "scene_type_variant_types" ADD CONSTRAINT "scene_type_variant_types_scene_type_id_scene_types_id_fk" FOREIGN KEY ("scene_type_id") REFERENCES "public"."scene_types"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_type_variant_types" ADD CONSTRAINT "scene_type_variant_types_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "scene_types_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "scene_types_transition_from_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("transition_from_variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "scene_types_transition_to_variant_type_id_image_variant_types_id_fk" FOREIGN KEY ("transition_to_variant_type_id") REFERENCES "public"."image_variant_types"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_type_variant_types" ON "scene_type_variant_types" USING btree ("scene_type_id","variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_scene_type_variant_types_variant_type_id" ON "scene_type_variant_types" USING btree ("variant_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_types_public_id" ON "scene_types" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_scene_types_name" ON "scene_types" USING btree (coalesce("project_id", 0),lower("name")) WHERE "scene_types"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_scene_types_project_id" ON "scene_types" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "idx_scene_types_transition_from_variant_type_id" ON "scene_types" USING btree ("transition_from_variant_type_id");--> statement-breakpoint
CREATE INDEX "idx_scene_types_transition_to_variant_type_id" ON "scene_types" USING btree ("transition_to_variant_type_id");