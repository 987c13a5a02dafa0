// Builds the Fastify application: platform plugins, guards, errors, OpenAPI, and every module's routes.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { ComfyPool } from '@i2v/comfy';
import { defaultLockoutPolicy, defaultPasswordPolicy } from '@i2v/domain';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client.js';
import { auditRoutes } from './modules/audit/routes.js';
import { AuditService } from './modules/audit/service.js';
import { ensureInstanceSecret } from './modules/auth/repo.js';
import { authRoutes } from './modules/auth/routes.js';
import { AuthService } from './modules/auth/service.js';
import { AccessTokens } from './modules/auth/tokens.js';
import { characterRoutes } from './modules/characters/routes.js';
import { CharactersService } from './modules/characters/service.js';
import { AssemblyService, sceneAssembleHandler } from './modules/delivery/assembly.js';
import { outputProfileRoutes, renditionRoutes } from './modules/delivery/profile-routes.js';
import { OutputProfilesService } from './modules/delivery/profiles.js';
import { RenditionsService } from './modules/delivery/renditions.js';
import { deliveryRoutes } from './modules/delivery/routes.js';
import { DeliveryService, deliveryPackageHandler } from './modules/delivery/service.js';
import { EventBus } from './modules/events/bus.js';
import { NotificationsService, notificationRoutes } from './modules/events/notifications.js';
import { registerLiveSocket } from './modules/events/socket.js';
import { healthRoutes } from './modules/health/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { ImportsService } from './modules/imports/service.js';
import { BudgetsService, budgetRoutes } from './modules/jobs/budgets.js';
import { JobEngine } from './modules/jobs/engine.js';
import { comfyRenderHandler } from './modules/jobs/handlers/comfy-render.js';
import { importAnalyseHandler, importCommitHandler } from './modules/jobs/handlers/imports.js';
import { notificationDigestHandler } from './modules/jobs/handlers/notification-digest.js';
import { retentionSweepHandler } from './modules/jobs/handlers/retention-sweep.js';
import { JobRegistry } from './modules/jobs/registry.js';
import { actingOf, jobRoutes } from './modules/jobs/routes.js';
import { SchedulesService, scheduleRoutes } from './modules/jobs/schedules.js';
import { JobsService } from './modules/jobs/service.js';
import { TimelineService, timelineRoutes } from './modules/jobs/timeline.js';
import { MediaLinks } from './modules/media/links.js';
import { mediaRoutes } from './modules/media/routes.js';
import { MediaService } from './modules/media/service.js';
import { metadataRoutes } from './modules/metadata/routes.js';
import { MetadataService } from './modules/metadata/service.js';
import { AnnotationsService } from './modules/notes/annotations.js';
import { PostersService } from './modules/notes/posters.js';
import { noteRoutes } from './modules/notes/routes.js';
import { NotesService } from './modules/notes/service.js';
import { faceAnalyzer } from './modules/pipeline/faces.js';
import { pipelineRoutes } from './modules/pipeline/routes.js';
import { PipelineService } from './modules/pipeline/service.js';
import { imageAnalyseHandler, segmentQaHandler } from './modules/pipeline/step.js';
import { VariantGeneration, variantCollectHandler } from './modules/pipeline/variants.js';
import { playbackRoutes } from './modules/playback/routes.js';
import { PlaybackService } from './modules/playback/service.js';
import { projectRoutes } from './modules/projects/routes.js';
import { ProjectsService } from './modules/projects/service.js';
import { readinessRoutes } from './modules/readiness/routes.js';
import { ReadinessService } from './modules/readiness/service.js';
import { RetentionService } from './modules/retention/service.js';
import { reviewRoutes } from './modules/review/routes.js';
import { ReviewService } from './modules/review/service.js';
import { sceneTypeRoutes } from './modules/scene-types/routes.js';
import { SceneTypesService } from './modules/scene-types/service.js';
import { sceneRoutes } from './modules/scenes/routes.js';
import { ScenesService } from './modules/scenes/service.js';
import { sceneVideoRoutes } from './modules/scenes/video-routes.js';
import { SceneVideosService } from './modules/scenes/videos.js';
import { systemRoutes } from './modules/system/routes.js';
import { SystemHealthService } from './modules/system/service.js';
import { tagRoutes } from './modules/tags/routes.js';
import { TagsService } from './modules/tags/service.js';
import { meRoutes, userRoutes } from './modules/users/routes.js';
import { UsersService } from './modules/users/service.js';
import { variantTypeRoutes } from './modules/variant-types/routes.js';
import { VariantTypesService } from './modules/variant-types/service.js';
import { WorkerHealthLoop } from './modules/workers/health-loop.js';
import { workerRoutes } from './modules/workers/routes.js';
import { WorkersService } from './modules/workers/service.js';
import { workflowRoutes } from './modules/workflows/routes.js';
import { WorkflowRunner } from './modules/workflows/runner.js';
import { WorkflowsService } from './modules/workflows/service.js';
import type { Clock } from './platform/clock.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { registerGuards } from './platform/http/guards.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerWeb } from './platform/http/web.js';
import { argon2Hasher, type PasswordHasher } from './platform/passwords.js';
import { LocalStorage, type Storage } from './platform/storage.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** File storage; defaults to `<data dir>/storage`. */
  storage?: Storage;
  logger?: FastifyServerOptions['logger'];
  /** Non-null explains why the process does not accept work (starting, shutting down). */
  notReadyReason?: () => string | null;
}

export interface Services {
  storage: Storage;
  assembly: AssemblyService;
  delivery: DeliveryService;
  audit: AuditService;
  auth: AuthService;
  users: UsersService;
  projects: ProjectsService;
  variantTypes: VariantTypesService;
  characters: CharactersService;
  media: MediaService;
  sceneTypes: SceneTypesService;
  scenes: ScenesService;
  sceneVideos: SceneVideosService;
  imports: ImportsService;
  metadata: MetadataService;
  readiness: ReadinessService;
  retention: RetentionService;
  workflows: WorkflowsService;
  workers: WorkersService;
  workerHealth: WorkerHealthLoop;
  system: SystemHealthService;
  bus: EventBus;
  jobs: JobsService;
  pipeline: PipelineService;
  review: ReviewService;
  jobEngine: JobEngine;
  schedules: SchedulesService;
  budgets: BudgetsService;
  notifications: NotificationsService;
  outputProfiles: OutputProfilesService;
  renditions: RenditionsService;
}

const requestIdPattern = /^[\w.:-]{1,64}$/;

/** A registered route as the guard check sees it; `guard` is read late because plugins may set it afterwards. */
export interface RegisteredRoute {
  method: string | string[];
  url: string;
  config?: { guard?: string } | undefined;
}

export async function buildApp(
  deps: AppDeps,
): Promise<{ app: FastifyInstance; services: Services; routes: RegisteredRoute[] }> {
  const { config, database } = deps;
  const db = database.db;
  const clock = deps.clock ?? systemClock;
  const hasher = deps.hasher ?? argon2Hasher;

  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimit,
    // One line per request at debug (errors at warn/error) instead of Fastify's two at info: a busy UI would
    // bury the console otherwise. I2V_LOG_LEVEL=debug shows every request.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route as RegisteredRoute);
  });
  // The API speaks JSON only; anything else is a 415 rather than a string body that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'info' : 'debug';
    request.log[level](
      {
        method: request.method,
        url: request.url,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.uploadLimit, files: 1, fields: 10, parts: 12 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        'request.rate_limited',
        `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`,
        undefined,
        {
          'retry-after': String(Math.ceil(ctx.ttl / 1000)),
        },
      ),
  });
  await registerOpenApi(app);
  registerMetrics(app);

  const audit = new AuditService(db, clock);
  const passwordPolicy = { ...defaultPasswordPolicy, minLength: config.passwordMinLength };
  const users = new UsersService({ db, clock, hasher, audit, passwordPolicy });
  const secret = config.jwtSecret ?? (await ensureInstanceSecret(db, 'jwt_signing_key'));
  const auth = new AuthService({
    db,
    clock,
    hasher,
    audit,
    tokens: new AccessTokens(secret, config.accessTokenTtl),
    refreshTtlSeconds: config.refreshTokenTtl,
    lockout: {
      ...defaultLockoutPolicy,
      maxFailures: config.loginMaxFailures,
      lockSeconds: config.loginLockSeconds,
    },
    decoyHash: await hasher.hash(randomBytes(16).toString('hex')),
  });
  registerGuards(app, auth);
  const projects = new ProjectsService(db, clock, audit);
  const variantTypes = new VariantTypesService(db, clock, audit);
  const storage = deps.storage ?? new LocalStorage(path.join(config.dataDir, 'storage'));
  const media = new MediaService(db, storage, new MediaLinks(`${secret}:media`, clock));
  const tags = new TagsService(db, audit);
  const characters = new CharactersService({
    db,
    clock,
    audit,
    projects,
    media,
    tags,
    maxImagePixels: config.maxImagePixels,
  });
  const workflows = new WorkflowsService({ db, clock, audit, runner: new WorkflowRunner() });
  const sceneTypes = new SceneTypesService({ db, clock, audit, projects, characters, tags, workflows });
  // scenes and their videos refer to each other: each takes the other's function late
  let scenes: ScenesService | undefined;
  const sceneVideos = new SceneVideosService({
    db,
    clock,
    audit,
    media,
    storage,
    maxBytes: config.videoUploadLimit,
    scene: (tx, publicId, forEdit) => scenes!.ref(tx, { publicId }, forEdit),
    sceneById: (tx, id, forEdit) => scenes!.ref(tx, { id }, forEdit),
  });
  scenes = new ScenesService({
    db,
    audit,
    projects,
    characters,
    sceneTypes,
    variantTypes,
    tags,
    media,
    finalVersionIds: (executor, ids) => sceneVideos.finalVersionIds(executor, ids),
  });
  const metadata = new MetadataService({ db, clock, audit, projects });
  const retention = new RetentionService({
    db,
    clock,
    audit,
    media,
    onError: (err) => app.log.error({ err }, 'trash retention sweep failed'),
  });
  const readiness = new ReadinessService({ db, projects, sceneTypes, variantTypes, media });
  const imports = new ImportsService({
    db,
    clock,
    audit,
    projects,
    media,
    stagingRoot: path.join(config.dataDir, 'staging', 'imports'),
    limits: {
      maxFiles: config.importMaxFiles,
      maxBytes: config.importLimit,
      maxFileBytes: config.uploadLimit,
    },
    maxImagePixels: config.maxImagePixels,
    onError: (err, importId) => app.log.error({ err, importId }, 'import failed'),
  });
  const workers = new WorkersService({ db, clock, audit });
  const workerHealth = new WorkerHealthLoop({
    db,
    clock,
    intervalMs: config.healthIntervalMs,
    retentionHours: config.vitalsRetentionHours,
    onError: (err) => app.log.error({ err }, 'worker health check failed'),
  });
  const bus = new EventBus(db, database.listener, clock, (err) => app.log.error({ err }, 'event bus'));
  await bus.start();
  const notifications = new NotificationsService({ db, clock, bus });
  const comfyPool = new ComfyPool();
  app.addHook('onClose', async () => comfyPool.closeAll());
  const faces = faceAnalyzer(config.faceQa, app.log);
  const outputProfiles = new OutputProfilesService({ db, clock, audit, media });
  const renditions: RenditionsService = new RenditionsService({
    db,
    clock,
    audit,
    bus,
    storage,
    links: media.links,
    profiles: outputProfiles,
    jobs: () => jobs,
  });
  const registry = new JobRegistry()
    .register(
      comfyRenderHandler({ db, storage, pool: comfyPool, workerLostMs: config.workerLostSeconds * 1000 }),
    )
    .register(retentionSweepHandler(retention))
    .register(notificationDigestHandler(notifications))
    .register(importAnalyseHandler(imports))
    .register(importCommitHandler(imports, db))
    .register(segmentQaHandler({ pipeline: () => pipeline, storage, faces }))
    .register(imageAnalyseHandler({ db, storage, faces }))
    .register(variantCollectHandler({ db, storage, characters: () => characters }))
    .register(renditions.handler())
    .register(sceneAssembleHandler(() => assembly))
    .register(deliveryPackageHandler(() => delivery));
  registry.assertComplete();
  const budgets = new BudgetsService({ db, clock });
  const jobs = new JobsService({ db, clock, bus, registry, links: media.links, budgets, notifications });
  const schedules = new SchedulesService({ db, clock, bus, jobs });
  characters.analyseImage = async (ctx, fileId) => {
    await jobs.create(
      { ctx, manageAll: true },
      { kind: 'image.analyse', payload: { fileId }, label: 'Source-image QA' },
    );
  };
  const pipeline: PipelineService = new PipelineService({
    db,
    clock,
    bus,
    jobs,
    scenes,
    audit,
    links: media.links,
    notifications,
    storage,
  });
  const assembly: AssemblyService = new AssemblyService({
    db,
    clock,
    bus,
    audit,
    storage,
    jobs,
    sceneVideos,
    scene: (tx, by, forEdit) => scenes.ref(tx, by, forEdit),
  });
  const delivery: DeliveryService = new DeliveryService({
    db,
    clock,
    bus,
    audit,
    storage,
    jobs,
    media,
    projects,
    notifications,
    // packaging to an output profile reuses a ready rendition or transcodes one inline
    transcode: () => (versionId, profileId, o) => renditions.ensureProfileRendition(versionId, profileId, o),
  });
  const review = new ReviewService({
    db,
    clock,
    bus,
    audit,
    pipeline,
    scenes,
    projects,
    // approving a scene's last segment queues its assembly in the same transaction
    assembly: {
      request: async (tx, ctx, sceneId) => {
        await assembly.request(tx, ctx, sceneId);
      },
    },
  });
  // the import's two background steps run as CPU jobs owned by whoever uploaded or committed
  imports.queue = async (kind, importId, ctx) => {
    await jobs.create(
      { ctx, manageAll: true },
      {
        kind,
        payload: { importId },
        priority: 'urgent',
        label: kind === 'import.analyse' ? 'Analyse an import' : 'Import characters',
      },
    );
  };
  const jobEngine = new JobEngine({
    db,
    clock,
    bus,
    registry,
    jobs,
    gpu: config.roles.includes('scheduler') && config.roles.includes('bridge'),
    cpuConcurrency: config.roles.includes('media') ? config.mediaConcurrency : 0,
    leaseMs: config.jobLeaseSeconds * 1000,
    tickMs: config.jobTickMs,
    strategy: config.schedulerStrategy,
    offPeak: config.offPeak,
    adoptAllAtStart: database.kind === 'pglite',
    schedules,
    budgets,
    onError: (err, context) => app.log.error({ err, context }, 'job engine'),
  });
  app.addHook('onClose', async () => jobEngine.stop());
  const system = new SystemHealthService({
    database,
    clock,
    dataDir: config.dataDir,
    healthLoop: workerHealth,
    engine: jobEngine,
  });

  await registerLiveSocket(app, bus, auth);
  await app.register(
    healthRoutes({ notReadyReason: deps.notReadyReason ?? (() => null), pingDatabase: database.ping }),
  );
  await app.register(
    async (api) => {
      await api.register(
        authRoutes({ auth, cookieSecure: config.cookieSecure, loginRateLimit: config.loginRateLimit }),
        {
          prefix: '/auth',
        },
      );
      await api.register(meRoutes(users));
      await api.register(userRoutes(users));
      await api.register(auditRoutes(audit));
      await api.register(projectRoutes(projects));
      await api.register(variantTypeRoutes(variantTypes));
      await api.register(characterRoutes(characters, config.uploadLimit, retention));
      await api.register(mediaRoutes(media));
      await api.register(playbackRoutes(new PlaybackService({ db, storage, links: media.links })));
      await api.register(sceneTypeRoutes(sceneTypes));
      await api.register(sceneRoutes(scenes));
      await api.register(sceneVideoRoutes(scenes, sceneVideos, config.videoUploadLimit));
      await api.register(tagRoutes(tags));
      await api.register(metadataRoutes(metadata));
      await api.register(readinessRoutes(readiness));
      await api.register(workflowRoutes(workflows));
      await api.register(
        importRoutes(imports, { maxFiles: config.importMaxFiles, maxFileBytes: config.uploadLimit }),
      );
      await api.register(workerRoutes(workers));
      await api.register(systemRoutes(system));
      await api.register(jobRoutes(jobs));
      await api.register(pipelineRoutes(pipeline, new VariantGeneration({ db, bus, jobs, characters })));
      await api.register(reviewRoutes(review));
      await api.register(deliveryRoutes(assembly, delivery));
      await api.register(scheduleRoutes(schedules, actingOf));
      await api.register(budgetRoutes(budgets, actingOf));
      await api.register(timelineRoutes(new TimelineService({ db, clock })));
      await api.register(notificationRoutes(notifications));
      await api.register(outputProfileRoutes(outputProfiles));
      await api.register(
        renditionRoutes(renditions, {
          db,
          media,
          maxUploadBytes: config.uploadLimit,
          maxImagePixels: config.maxImagePixels,
        }),
      );
      await api.register(
        noteRoutes(
          new NotesService({ db, clock, audit, bus, notifications, storage }),
          new AnnotationsService({ db, clock, audit, bus, storage }),
          new PostersService({ db, clock, audit, storage, links: media.links, projects, faces }),
        ),
      );
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, config.webDir);
  return {
    app,
    services: {
      storage,
      assembly,
      delivery,
      audit,
      auth,
      users,
      projects,
      variantTypes,
      characters,
      media,
      sceneTypes,
      scenes,
      sceneVideos,
      imports,
      metadata,
      readiness,
      retention,
      workflows,
      workers,
      workerHealth,
      system,
      bus,
      jobs,
      pipeline,
      review,
      jobEngine,
      schedules,
      budgets,
      notifications,
      outputProfiles,
      renditions,
    },
    routes,
  };
}
