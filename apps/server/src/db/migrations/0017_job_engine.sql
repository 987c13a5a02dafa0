CREATE TABLE "domain_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"project_public_id" uuid,
	"user_public_id" uuid,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gpu_budgets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gpu_budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"project_id" bigint,
	"user_id" bigint,
	"limit_hours" real NOT NULL,
	"period" text NOT NULL,
	"warn_at" jsonb DEFAULT '[0.75,0.9]'::jsonb NOT NULL,
	"hard_limit" boolean DEFAULT true NOT NULL,
	"warned_level" real DEFAULT 0 NOT NULL,
	"warned_period_start" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_gpu_budgets_scope" CHECK (("gpu_budgets"."scope" = 'project' AND "gpu_budgets"."project_id" IS NOT NULL AND "gpu_budgets"."user_id" IS NULL) OR ("gpu_budgets"."scope" = 'user' AND "gpu_budgets"."user_id" IS NOT NULL AND "gpu_budgets"."project_id" IS NULL)),
	CONSTRAINT "ck_gpu_budgets_period" CHECK ("gpu_budgets"."period" IN ('total', 'day', 'week', 'month')),
	CONSTRAINT "ck_gpu_budgets_limit" CHECK ("gpu_budgets"."limit_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "job_dependencies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_dependencies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" bigint NOT NULL,
	"depends_on_job_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"level" text DEFAULT 'info' NOT NULL,
	"message" text NOT NULL,
	"worker_id" bigint,
	"actor_user_id" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_job_events_from_state" CHECK (from_state IS NULL OR from_state IN ('pending', 'scheduled', 'queued', 'dispatched', 'running', 'paused', 'retrying', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "ck_job_events_to_state" CHECK (to_state IS NULL OR to_state IN ('pending', 'scheduled', 'queued', 'dispatched', 'running', 'paused', 'retrying', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "ck_job_events_kind" CHECK ("job_events"."kind" IN ('transition', 'log', 'moved', 'checkpoint')),
	CONSTRAINT "ck_job_events_level" CHECK ("job_events"."level" IN ('info', 'warning', 'error'))
);
--> statement-breakpoint
CREATE TABLE "job_schedules" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_schedules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cron" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"template" jsonb NOT NULL,
	"owner_user_id" bigint,
	"next_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_job_id" bigint,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"resource" text NOT NULL,
	"label" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"priority" smallint DEFAULT 1 NOT NULL,
	"sort_key" double precision NOT NULL,
	"state" text NOT NULL,
	"owner_user_id" bigint,
	"project_id" bigint,
	"parent_job_id" bigint,
	"required_tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"off_peak_only" boolean DEFAULT false NOT NULL,
	"run_at" timestamp with time zone,
	"on_dependency_failure" text DEFAULT 'cancel' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"worker_id" bigint,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"prompt_id" text,
	"progress" real DEFAULT 0 NOT NULL,
	"progress_text" text,
	"pause_requested" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"checkpoints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_exempt" boolean DEFAULT false NOT NULL,
	"gpu_seconds" real DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_jobs_state" CHECK (state IN ('pending', 'scheduled', 'queued', 'dispatched', 'running', 'paused', 'retrying', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "ck_jobs_kind" CHECK (kind IN ('comfy.render', 'retention.sweep', 'notifications.digest', 'import.analyse', 'import.commit')),
	CONSTRAINT "ck_jobs_resource" CHECK ("jobs"."resource" IN ('gpu', 'cpu')),
	CONSTRAINT "ck_jobs_priority" CHECK ("jobs"."priority" BETWEEN 0 AND 2),
	CONSTRAINT "ck_jobs_on_dependency_failure" CHECK ("jobs"."on_dependency_failure" IN ('cancel', 'run')),
	CONSTRAINT "ck_jobs_progress" CHECK ("jobs"."progress" BETWEEN 0 AND 1),
	CONSTRAINT "ck_jobs_max_attempts" CHECK ("jobs"."max_attempts" BETWEEN 1 AND 10)
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_preferences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"settings" jsonb NOT NULL,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" uuid NOT NULL,
	"user_id" bigint NOT NULL,
	"kind" text DEFAULT 'job.completed' NOT NULL,
	"level" text DEFAULT 'info' NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"delivery" text DEFAULT 'live' NOT NULL,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_notifications_level" CHECK ("notifications"."level" IN ('info', 'success', 'warning', 'error')),
	CONSTRAINT "ck_notifications_delivery" CHECK ("notifications"."delivery" IN ('live', 'held', 'digest')),
	CONSTRAINT "ck_notifications_kind" CHECK ("notifications"."kind" IN ('job.completed', 'job.failed', 'job.moved', 'budget.warning', 'schedule.failed', 'digest'))
);
--> statement-breakpoint
ALTER TABLE "gpu_budgets" ADD CONSTRAINT "gpu_budgets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "gpu_budgets" ADD CONSTRAINT "gpu_budgets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_dependencies" ADD CONSTRAINT "job_dependencies_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_dependencies" ADD CONSTRAINT "job_dependencies_depends_on_job_id_jobs_id_fk" FOREIGN KEY ("depends_on_job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_schedules" ADD CONSTRAINT "job_schedules_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "job_schedules" ADD CONSTRAINT "job_schedules_last_job_id_jobs_id_fk" FOREIGN KEY ("last_job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_parent_job_id_jobs_id_fk" FOREIGN KEY ("parent_job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "idx_domain_events_type" ON "domain_events" USING btree ("type","id");--> statement-breakpoint
CREATE INDEX "idx_domain_events_created_at" ON "domain_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_gpu_budgets_public_id" ON "gpu_budgets" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_gpu_budgets_project_id" ON "gpu_budgets" USING btree ("project_id") WHERE "gpu_budgets"."scope" = 'project';--> statement-breakpoint
CREATE UNIQUE INDEX "uq_gpu_budgets_user_id" ON "gpu_budgets" USING btree ("user_id") WHERE "gpu_budgets"."scope" = 'user';--> statement-breakpoint
CREATE INDEX "idx_gpu_budgets_user_id" ON "gpu_budgets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_gpu_budgets_project_id" ON "gpu_budgets" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_job_dependencies_pair" ON "job_dependencies" USING btree ("job_id","depends_on_job_id");--> statement-breakpoint
CREATE INDEX "idx_job_dependencies_job_id" ON "job_dependencies" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "idx_job_dependencies_depends_on_job_id" ON "job_dependencies" USING btree ("depends_on_job_id");--> statement-breakpoint
CREATE INDEX "idx_job_events_job_id" ON "job_events" USING btree ("job_id","id");--> statement-breakpoint
CREATE INDEX "idx_job_events_worker_id" ON "job_events" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "idx_job_events_actor_user_id" ON "job_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_job_schedules_public_id" ON "job_schedules" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_job_schedules_due" ON "job_schedules" USING btree ("next_run_at") WHERE "job_schedules"."enabled";--> statement-breakpoint
CREATE INDEX "idx_job_schedules_owner_user_id" ON "job_schedules" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "idx_job_schedules_last_job_id" ON "job_schedules" USING btree ("last_job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_jobs_public_id" ON "jobs" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_jobs_ready" ON "jobs" USING btree ("resource","priority","sort_key") WHERE "jobs"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "idx_jobs_ready_queues" ON "jobs" USING btree ("resource","priority",coalesce("owner_user_id", 0),coalesce("project_id", 0),"sort_key") WHERE "jobs"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "idx_jobs_run_at" ON "jobs" USING btree ("run_at") WHERE "jobs"."state" IN ('scheduled', 'retrying');--> statement-breakpoint
CREATE INDEX "idx_jobs_lease" ON "jobs" USING btree ("lease_expires_at") WHERE "jobs"."state" IN ('dispatched', 'running');--> statement-breakpoint
CREATE INDEX "idx_jobs_state" ON "jobs" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "idx_jobs_owner_user_id" ON "jobs" USING btree ("owner_user_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_jobs_project_id" ON "jobs" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_jobs_worker_id" ON "jobs" USING btree ("worker_id","state");--> statement-breakpoint
CREATE INDEX "idx_jobs_parent_job_id" ON "jobs" USING btree ("parent_job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_notification_preferences_user_id" ON "notification_preferences" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_notifications_public_id" ON "notifications" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "idx_notifications_user_id" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "idx_notifications_pending" ON "notifications" USING btree ("delivery","user_id") WHERE "notifications"."delivered_at" IS NULL;