CREATE TABLE "image_variant_types" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "image_variant_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"file_prefix" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_image_variant_types_default_prefix" CHECK (NOT "image_variant_types"."is_default" OR "image_variant_types"."file_prefix" = ''),
	CONSTRAINT "ck_image_variant_types_slug" CHECK ("image_variant_types"."slug" ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
	CONSTRAINT "ck_image_variant_types_prefix" CHECK ("image_variant_types"."file_prefix" = '' OR "image_variant_types"."file_prefix" ~ '^[a-z0-9]+(_[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "project_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status_id" bigint NOT NULL,
	"failed_outputs_days" integer DEFAULT 30 NOT NULL,
	"cancelled_artifacts_days" integer DEFAULT 7 NOT NULL,
	"trash_grace_days" integer DEFAULT 7 NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" bigint,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_projects_retention_days" CHECK ("projects"."failed_outputs_days" BETWEEN 1 AND 3650 AND "projects"."cancelled_artifacts_days" BETWEEN 1 AND 3650 AND "projects"."trash_grace_days" BETWEEN 1 AND 3650)
);
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_status_id_project_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."project_statuses"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variant_types_public_id" ON "image_variant_types" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variant_types_slug" ON "image_variant_types" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_image_variant_types_default" ON "image_variant_types" USING btree ("is_default") WHERE "image_variant_types"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "uq_project_statuses_code" ON "project_statuses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_projects_public_id" ON "projects" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_projects_name" ON "projects" USING btree (lower("name")) WHERE "projects"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_projects_status_id" ON "projects" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "idx_projects_created_by_user_id" ON "projects" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "idx_projects_updated_at" ON "projects" USING btree ("updated_at","id");