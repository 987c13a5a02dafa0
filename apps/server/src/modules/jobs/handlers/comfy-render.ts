// `comfy.render` (GPU): runs a workflow version on the worker the scheduler chose. Uploads the input image, submits
// with a fresh seed, streams progress, stores the outputs. The prompt id is recorded before waiting, so a crashed
// studio, a dropped socket or a restarted worker ends in recovery from `/history`, never in a second render.
import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import {
  type ApiWorkflow,
  type ComfyClient,
  ComfyError,
  type ComfyPool,
  type FileRef,
  type NodeOutput,
  ProgressTracker,
} from '@i2v/comfy';
import { type ComfyRenderPayload, comfyRenderPayloadSchema } from '@i2v/contracts';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db, Executor } from '../../../db/client.js';
import { mediaFiles, workflows, workflowVersions } from '../../../db/schema/index.js';
import { AppError } from '../../../platform/errors.js';
import { newPublicId } from '../../../platform/ids.js';
import type { Storage } from '../../../platform/storage.js';
import { imageClasses, testImage } from '../../workflows/runner.js';
import { JobFailure, type JobHandler, type JobRunContext } from '../registry.js';

const seedInputs = ['seed', 'noise_seed'];
const mimeByExt: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export interface ComfyRenderDeps {
  db: Db;
  storage: Storage;
  pool: ComfyPool;
  /** How long a worker may be unreachable before its job is given to another worker. */
  workerLostMs: number;
}

interface Slot {
  key: string;
  nodeId: string;
  input: string;
}

async function loadVersion(db: Executor, publicId: string) {
  const [v] = await db
    .select({
      api: workflowVersions.apiJson,
      parameters: workflowVersions.parameters,
      nodeCount: workflowVersions.nodeCount,
      workflowName: workflows.name,
    })
    .from(workflowVersions)
    .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
    .where(eq(workflowVersions.publicId, publicId));
  return v;
}

/** The graph to submit: slots filled, a seed set, every image input pointed at the uploaded file. */
export function buildGraph(
  api: ApiWorkflow,
  slots: Slot[],
  parameters: Record<string, string | number | boolean>,
  seed: number,
  imageName: string | null,
  endImageName: string | null = null,
): ApiWorkflow {
  const graph = structuredClone(api);
  for (const [key, value] of Object.entries(parameters)) {
    for (const slot of slots.filter((s) => s.key === key)) {
      const node = graph[slot.nodeId];
      if (node) node.inputs[slot.input] = value;
    }
  }
  if (parameters.seed === undefined) {
    for (const node of Object.values(graph)) {
      for (const input of seedInputs) if (typeof node.inputs[input] === 'number') node.inputs[input] = seed;
    }
  }
  if (imageName) {
    for (const node of Object.values(graph))
      if (imageClasses.has(node.class_type)) node.inputs.image = imageName;
  }
  if (endImageName) {
    for (const slot of slots.filter((s) => s.key === 'end_image')) {
      const node = graph[slot.nodeId];
      if (node) node.inputs[slot.input] = endImageName;
    }
  }
  return graph;
}

/** Every output file a node produced (images, gifs, videos…), of type `output`. */
export function outputFiles(outputs: Record<string, NodeOutput>): FileRef[] {
  const files: FileRef[] = [];
  for (const out of Object.values(outputs)) {
    for (const value of Object.values(out)) {
      if (!Array.isArray(value)) continue;
      for (const f of value) {
        if (
          f &&
          typeof f === 'object' &&
          typeof (f as FileRef).filename === 'string' &&
          (f as FileRef).type === 'output'
        ) {
          files.push(f as FileRef);
        }
      }
    }
  }
  return files;
}

export function comfyRenderHandler(d: ComfyRenderDeps): JobHandler<ComfyRenderPayload> {
  return {
    kind: 'comfy.render',
    resource: 'gpu',
    label: 'Render',
    description: 'Runs a workflow version on a ComfyUI worker and stores what it produces',
    payload: comfyRenderPayloadSchema,
    async check(db, payload, at) {
      const v = await loadVersion(db, payload.workflowVersionId);
      if (!v) {
        throw new AppError(
          'workflow.version_not_found',
          `There is no workflow version ${payload.workflowVersionId}.`,
          [{ field: `${at}.workflowVersionId`, message: 'is not a workflow version' }],
        );
      }
      const slots = v.parameters as Slot[];
      const unknown = Object.keys(payload.parameters ?? {}).filter((k) => !slots.some((s) => s.key === k));
      if (unknown.length) {
        throw new AppError(
          'job.payload_invalid',
          `The workflow has no slot ${unknown.map((u) => `"${u}"`).join(', ')}.`,
          [
            {
              field: `${at}.parameters.${unknown[0]}`,
              message: 'is not a slot of this workflow version',
            },
          ],
        );
      }
      for (const field of ['inputImageId', 'endImageId'] as const) {
        const id = payload[field];
        if (!id) continue;
        const [f] = await db
          .select({ mime: mediaFiles.mimeType })
          .from(mediaFiles)
          .where(eq(mediaFiles.publicId, id));
        if (!f?.mime.startsWith('image/')) {
          throw new AppError('media.not_found', `There is no image ${id}.`, [
            { field: `${at}.${field}`, message: 'is not an image' },
          ]);
        }
      }
      if (payload.endImageId && !slots.some((s) => s.key === 'end_image')) {
        throw new AppError('job.payload_invalid', 'The workflow has no `end_image` slot for an end image.', [
          { field: `${at}.endImageId`, message: 'the workflow version has no end_image slot' },
        ]);
      }
      return { label: `Render ${v.workflowName}` };
    },
    async run(ctx) {
      if (!ctx.worker) throw new JobFailure('infrastructure', 'No worker was assigned');
      const client = d.pool.get(ctx.worker.url);
      const started = performance.now();
      try {
        // an open socket means a live worker: no probe on every job
        if (client.socket.state !== 'open') await client.connect({ timeoutMs: 10_000 });
      } catch (err) {
        throw new JobFailure(
          'infrastructure',
          `Worker ${ctx.worker.name} could not be reached: ${message(err)}`,
        );
      }
      const v = await loadVersion(d.db, ctx.job.payload.workflowVersionId);
      if (!v) throw new JobFailure('content', 'The workflow version was deleted');
      let promptId = ctx.job.promptId;
      if (promptId) {
        await ctx.log('info', `Recovering prompt ${promptId} from ${ctx.worker.name}`);
      } else {
        const sent = await submit(d, client, ctx, v.api as ApiWorkflow, v.parameters as Slot[]);
        promptId = sent.promptId;
        // recorded first: from here on a crash recovers this prompt instead of rendering again
        try {
          await ctx.submitted(promptId);
        } catch (err) {
          // cancelled (or lost) between dispatch and submission: the worker must not go on rendering it
          await client.cancel(sent.promptId, { timeoutMs: 3000 }).catch(() => undefined);
          throw err;
        }
        if (ctx.signal.aborted) {
          await client.cancel(sent.promptId, { timeoutMs: 3000 }).catch(() => undefined);
          throw new JobFailure('infrastructure', `Stopped: ${String(ctx.signal.reason)}`);
        }
        await ctx.log('info', `Submitted to ${ctx.worker.name} with seed ${sent.seed}`, {
          promptId,
          seed: sent.seed,
        });
      }
      const tracker = new ProgressTracker(promptId, Math.max(1, v.nodeCount));
      const off = client.onEvent((e) => {
        const p = tracker.update(e);
        if (!p.done) ctx.progress(p.fraction * 0.95, p.currentNode ? `node ${p.currentNode}` : null);
      });
      const watchdog = new AbortController();
      const onStop = () => watchdog.abort();
      ctx.signal.addEventListener('abort', onStop, { once: true });
      // stopped while the prompt was being recorded: the listener came too late to hear it
      if (ctx.signal.aborted) onStop();
      let downSince: number | null = null;
      const lostTimer = setInterval(() => {
        if (client.socket.state === 'open') {
          downSince = null;
          return;
        }
        downSince ??= Date.now();
        if (Date.now() - downSince > d.workerLostMs) watchdog.abort();
      }, 250);
      try {
        const done = await client.waitForCompletion(promptId, { signal: watchdog.signal, pollMs: 250 });
        if (done.status === 'success') {
          ctx.progress(0.97, 'saving outputs');
          const ids = await storeOutputs(d, client, ctx.job.publicId, promptId, done.outputs);
          return {
            result: { promptId, workerId: ctx.worker.publicId, files: ids.length },
            outputMediaIds: ids,
            gpuSeconds: (performance.now() - started) / 1000,
          };
        }
        if (done.status === 'interrupted') {
          throw new JobFailure('content', 'The run was interrupted on the worker');
        }
        const e = done.error;
        throw new JobFailure(
          'content',
          e
            ? `Node ${e.nodeId} (${e.nodeType}) failed: ${e.exceptionType ? `${e.exceptionType}: ` : ''}${e.exceptionMessage}`
            : 'The run failed on the worker',
          { nodeId: e?.nodeId ?? null, nodeType: e?.nodeType ?? null, traceback: e?.traceback ?? [] },
        );
      } catch (err) {
        if (ctx.signal.aborted) {
          if (ctx.signal.reason === 'cancelled')
            await client.cancel(promptId, { timeoutMs: 3000 }).catch(() => undefined);
          throw err;
        }
        if (err instanceof JobFailure) throw err;
        if (err instanceof ComfyError && err.code === 'COMFY_PROMPT_LOST') {
          throw new JobFailure(
            'infrastructure',
            `Worker ${ctx.worker.name} lost the prompt (it restarted or cleared its queue)`,
          );
        }
        if (watchdog.signal.aborted) {
          throw new JobFailure(
            'infrastructure',
            `Worker ${ctx.worker.name} was unreachable for ${Math.round(d.workerLostMs / 1000)} s`,
          );
        }
        throw new JobFailure('infrastructure', `Worker ${ctx.worker.name}: ${message(err)}`);
      } finally {
        off();
        clearInterval(lostTimer);
        ctx.signal.removeEventListener('abort', onStop);
        client.release(promptId);
      }
    },
  };
}

async function submit(
  d: ComfyRenderDeps,
  client: ComfyClient,
  ctx: JobRunContext<ComfyRenderPayload>,
  api: ApiWorkflow,
  slots: Slot[],
): Promise<{ promptId: string; seed: number }> {
  const p = ctx.job.payload;
  const upload = async (data: Buffer, name: string) => {
    try {
      const uploaded = await client.http.uploadImage(
        { name, data, mimeType: 'image/png' },
        { type: 'input', overwrite: true },
      );
      return uploaded.subfolder ? `${uploaded.subfolder}/${uploaded.name}` : uploaded.name;
    } catch (err) {
      throw new JobFailure('infrastructure', `Uploading the input image failed: ${message(err)}`);
    }
  };
  let imageName: string | null = null;
  let endImageName: string | null = null;
  if (Object.values(api).some((n) => imageClasses.has(n.class_type))) {
    const data = p.inputImageId ? await readImage(d, p.inputImageId) : await testImage();
    imageName = await upload(data, `i2v-${ctx.job.publicId}.png`);
    if (p.endImageId)
      endImageName = await upload(await readImage(d, p.endImageId), `i2v-${ctx.job.publicId}-end.png`);
  }
  const seed = p.seed ?? randomInt(0, 2 ** 48 - 1);
  const graph = buildGraph(api, slots, p.parameters ?? {}, seed, imageName, endImageName);
  try {
    const submitted = await client.submit(graph, {
      jobId: ctx.job.publicId,
      ...(p.sim ? { extraData: { sim: p.sim } } : {}),
      timeoutMs: 15_000,
    });
    return { promptId: submitted.promptId, seed };
  } catch (err) {
    if (err instanceof ComfyError && err.code === 'COMFY_PROMPT_INVALID') {
      const nodes = (err.details.nodeErrors ?? []).map(
        (n) => `node ${n.nodeId} (${n.classType}): ${n.messages.join('; ')}`,
      );
      throw new JobFailure(
        'content',
        `The worker refused the workflow${nodes.length ? ` — ${nodes.slice(0, 3).join(' · ')}` : `: ${err.message}`}`,
      );
    }
    throw new JobFailure('infrastructure', `Submitting to ${ctx.worker!.name} failed: ${message(err)}`);
  }
}

async function readImage(d: ComfyRenderDeps, publicId: string): Promise<Buffer> {
  const [f] = await d.db
    .select({ key: mediaFiles.storageKey })
    .from(mediaFiles)
    .where(eq(mediaFiles.publicId, publicId));
  if (!f) throw new JobFailure('content', `The input image ${publicId} was deleted`);
  return sharp(await d.storage.read(f.key))
    .png()
    .toBuffer();
}

/** Downloads each output into storage under a key fixed by job, prompt and file, so a re-run adds no duplicates. */
async function storeOutputs(
  d: ComfyRenderDeps,
  client: ComfyClient,
  jobPublicId: string,
  promptId: string,
  outputs: Record<string, NodeOutput>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of outputFiles(outputs)) {
    const safe = file.filename
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')
      .replace(/^[^a-z0-9]+/, 'f');
    const key = `jobs/${jobPublicId}/${promptId.toLowerCase().replace(/[^a-z0-9-]/g, '')}/${safe}`;
    const [existing] = await d.db
      .select({ publicId: mediaFiles.publicId })
      .from(mediaFiles)
      .where(eq(mediaFiles.storageKey, key));
    if (existing) {
      ids.push(existing.publicId);
      continue;
    }
    let data: Buffer;
    try {
      data = await client.http.viewBuffer(file, { timeoutMs: 60_000 });
    } catch (err) {
      throw new JobFailure('infrastructure', `Downloading ${file.filename} failed: ${message(err)}`);
    }
    await d.storage.put(key, data);
    const publicId = newPublicId();
    const inserted = await d.db
      .insert(mediaFiles)
      .values({
        publicId,
        storageKey: key,
        sha256: createHash('sha256').update(data).digest('hex'),
        sizeBytes: data.length,
        mimeType: mimeByExt[path.extname(safe)] ?? 'application/octet-stream',
        originalFilename: file.filename.slice(0, 255),
      })
      .onConflictDoNothing()
      .returning({ publicId: mediaFiles.publicId });
    if (inserted[0]) ids.push(inserted[0].publicId);
    else {
      const [again] = await d.db
        .select({ publicId: mediaFiles.publicId })
        .from(mediaFiles)
        .where(eq(mediaFiles.storageKey, key));
      if (again) ids.push(again.publicId);
    }
  }
  return ids;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
