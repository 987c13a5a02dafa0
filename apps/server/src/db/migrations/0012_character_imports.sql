CREATE TABLE "character_import_statuses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "character_import_statuses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "character_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "character_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"project_id" bigint NOT NULL,
	"created_by_user_id" bigint,
	"status_id" bigint NOT NULL,
	"source_kind" text NOT NULL,
	"source_name" text NOT NULL,
	"staging_key" text NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan" jsonb,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_character_imports_source_kind" CHECK ("character_imports"."source_kind" IN ('folder', 'zip'))
);
--> statement-breakpoint
ALTER TABLE "character_imports" ADD CONSTRAINT "character_imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "character_imports" ADD CONSTRAINT "character_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "character_imports" ADD CONSTRAINT "character_imports_status_id_character_import_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."character_import_statuses"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_character_import_statuses_code" ON "character_import_statuses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_character_imports_public_id" ON "character_imports" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_character_imports_project_id" ON "character_imports" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_character_imports_created_by_user_id" ON "character_imports" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "idx_character_imports_status_id" ON "character_imports" USING btree ("status_id");