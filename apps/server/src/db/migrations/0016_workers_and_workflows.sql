CREATE TABLE "worker_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "worker_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"worker_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"severity" text DEFAULT 'info' NOT NULL,
	"message" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_worker_events_kind" CHECK ("worker_events"."kind" IN ('registered', 'state_changed', 'health_changed', 'threshold_exceeded', 'threshold_cleared', 'updated')),
	CONSTRAINT "ck_worker_events_severity" CHECK ("worker_events"."severity" IN ('info', 'warning', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "worker_vitals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "worker_vitals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"worker_id" bigint NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"gpu_utilization" real,
	"temperature_c" real,
	"vram_used_bytes" bigint,
	"vram_total_bytes" bigint,
	"ram_used_bytes" bigint,
	"queue_running" integer,
	"queue_pending" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_concurrency" integer DEFAULT 1 NOT NULL,
	"admin_state" text DEFAULT 'enabled' NOT NULL,
	"health" text DEFAULT 'unknown' NOT NULL,
	"health_detail" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"consecutive_successes" integer DEFAULT 0 NOT NULL,
	"comfy_version" text,
	"gpu_name" text,
	"vram_total_bytes" bigint,
	"is_simulated" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"decommissioned_at" timestamp with time zone,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_workers_admin_state" CHECK ("workers"."admin_state" IN ('enabled', 'draining', 'disabled', 'decommissioned')),
	CONSTRAINT "ck_workers_health" CHECK ("workers"."health" IN ('unknown', 'healthy', 'degraded', 'down')),
	CONSTRAINT "ck_workers_max_concurrency" CHECK ("workers"."max_concurrency" BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE TABLE "workflow_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workflow_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"workflow_id" bigint NOT NULL,
	"version_number" integer NOT NULL,
	"source_format" text NOT NULL,
	"api_json" jsonb NOT NULL,
	"ui_json" jsonb,
	"sha256" text NOT NULL,
	"node_count" integer NOT NULL,
	"parameters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"validation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" jsonb,
	"production_ready" boolean DEFAULT false NOT NULL,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_workflow_versions_source_format" CHECK ("workflow_versions"."source_format" IN ('api', 'ui')),
	CONSTRAINT "ck_workflow_versions_number" CHECK ("workflow_versions"."version_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workflows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_user_id" bigint,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "workflow_version_id" bigint;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "slot_bindings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scene_types" ADD COLUMN "transition_workflow_version_id" bigint;--> statement-breakpoint
ALTER TABLE "worker_events" ADD CONSTRAINT "worker_events_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "worker_vitals" ADD CONSTRAINT "worker_vitals_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "idx_worker_events_worker_id" ON "worker_events" USING btree ("worker_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_worker_vitals_worker_id" ON "worker_vitals" USING btree ("worker_id","sampled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workers_public_id" ON "workers" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workers_name" ON "workers" USING btree (lower("name")) WHERE "workers"."admin_state" <> 'decommissioned';--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workers_url" ON "workers" USING btree ("url") WHERE "workers"."admin_state" <> 'decommissioned';--> statement-breakpoint
CREATE INDEX "idx_workers_created_by_user_id" ON "workers" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workflow_versions_public_id" ON "workflow_versions" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workflow_versions_number" ON "workflow_versions" USING btree ("workflow_id","version_number");--> statement-breakpoint
CREATE INDEX "idx_workflow_versions_sha256" ON "workflow_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "idx_workflow_versions_created_by_user_id" ON "workflow_versions" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workflows_public_id" ON "workflows" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_workflows_name" ON "workflows" USING btree (lower("name")) WHERE "workflows"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_workflows_created_by_user_id" ON "workflows" USING btree ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "scene_types_workflow_version_id_workflow_versions_id_fk" FOREIGN KEY ("workflow_version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "scene_types" ADD CONSTRAINT "scene_types_transition_workflow_version_id_workflow_versions_id_fk" FOREIGN KEY ("transition_workflow_version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "idx_scene_types_workflow_version_id" ON "scene_types" USING btree ("workflow_version_id");--> statement-breakpoint
CREATE INDEX "idx_scene_types_transition_workflow_version_id" ON "scene_types" USING btree ("transition_workflow_version_id");