import fs from 'node:fs';
import path from 'node:path';
import { type ComfySim, startComfySim } from '@i2v/comfy-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workers } from '../src/db/schema/index.js';
import { seedExampleWorkflows } from '../src/modules/workflows/examples.js';
import { newPublicId } from '../src/platform/ids.js';
import { type SignedIn, startStudioWithTeam } from './factories.js';
import { startTestStudio, type TestStudio } from './harness.js';

const examples = path.resolve(import.meta.dirname, '../../../examples/workflows');
const readExample = (f: string) => fs.readFileSync(path.join(examples, f), 'utf8');
const apiExample = JSON.parse(readExample('i2v.api.json'));
const uiText = readExample('i2v.ui.json');

let studio: TestStudio;
let admin: SignedIn;
let creator: SignedIn;
let reviewer: SignedIn;
let good: ComfySim;
let noModels: ComfySim;
let failing: ComfySim;
const workerIds = { good: '', noModels: '', failing: '', down: '' };

beforeAll(async () => {
  ({ studio, admin, creator, reviewer } = await startStudioWithTeam());
  [good, noModels, failing] = await Promise.all([
    startComfySim({ port: 0, speed: 50 }),
    startComfySim({ port: 0, speed: 50, models: { checkpoints: ['other.safetensors'] } }),
    startComfySim({ port: 0, speed: 50, faults: { failAt: 'KSampler', failMessage: 'CUDA out of memory' } }),
  ]);
  const rows = [
    ['good', 'Sim A', good.url],
    ['noModels', 'Sim B (no Wan)', noModels.url],
    ['failing', 'Sim C (faulty)', failing.url],
    ['down', 'Sim D (down)', 'http://127.0.0.1:9'],
  ] as const;
  for (const [key, name, url] of rows) {
    workerIds[key] = newPublicId();
    await studio.database.db
      .insert(workers)
      .values({ publicId: workerIds[key], name, url, health: key === 'down' ? 'down' : 'healthy' });
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([good?.stop(), noModels?.stop(), failing?.stop()]);
  await studio.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, who: SignedIn, payload?: unknown) =>
  studio.app.inject({ method, url, headers: who.auth, payload: payload as object });

/** multipart/form-data with text fields and one `file` part. */
function upload(
  who: SignedIn,
  url: string,
  data: Buffer | string,
  fields: Record<string, string> = {},
  filename = 'wf.json',
) {
  const boundary = `----wf${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`,
    ),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return studio.app.inject({
    method: 'POST',
    url,
    headers: { ...who.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  });
}

let n = 0;
/** The API example with a different seed, so each import is distinct content. */
const variant = (change: (wf: typeof apiExample) => void = () => {}) => {
  const wf = structuredClone(apiExample);
  wf['7'].inputs.seed = 1000 + ++n;
  change(wf);
  return wf;
};

let uiWorkflowId = '';
let uiVersionId = '';

describe('workflow import', () => {
  it('imports a UI-format file: converted with the bundled catalogue to exactly the API example, slots discovered', async () => {
    const res = await upload(
      creator,
      '/api/v1/workflows/upload',
      uiText,
      { description: 'From the editor' },
      'i2v.ui.json',
    );
    expect(res.statusCode).toBe(201);
    const { workflow, version } = res.json();
    expect(workflow).toMatchObject({ name: 'i2v', description: 'From the editor', versionCount: 1 });
    expect(version).toMatchObject({
      number: 1,
      sourceFormat: 'ui',
      hasUiJson: true,
      nodeCount: 10,
      productionReady: false,
    });
    expect(version.apiJson).toEqual(apiExample);
    const keys = version.parameters.map((s: { key: string }) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'seed',
        'steps',
        'cfg',
        'positive_prompt',
        'negative_prompt',
        'input_image',
        'frame_count',
        'fps',
        'checkpoint',
      ]),
    );
    expect(version.parameters.find((s: { key: string }) => s.key === 'seed')).toMatchObject({
      nodeId: '7',
      input: 'seed',
      category: 'generation',
      value: 424242,
      label: 'Seed',
      source: 'discovered',
    });
    uiWorkflowId = workflow.id;
    uiVersionId = version.id;
    const audit = (await api('GET', `/api/v1/audit-events?entityId=${workflow.id}`, admin)).json();
    expect(audit.items[0].action).toBe('workflow.imported');
  });

  it('refuses identical content with 409 naming the existing workflow and version, unless allowDuplicate', async () => {
    const res = await api('POST', '/api/v1/workflows', creator, { name: 'Copy', content: apiExample });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('workflow.duplicate');
    expect(res.json().detail).toContain(uiWorkflowId);
    expect(res.json().detail).toContain(uiVersionId);
    expect(res.json().errors[0].field).toBe('body.content');
    const again = await api('POST', '/api/v1/workflows', creator, {
      name: 'Copy',
      content: apiExample,
      allowDuplicate: true,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().version.sourceFormat).toBe('api');
  });

  it('imports API format from a JSON body, as an object or as text, and refuses a taken name', async () => {
    const res = await api('POST', '/api/v1/workflows', creator, {
      name: 'Walk i2v',
      content: JSON.stringify(variant()),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toMatchObject({ sourceFormat: 'api', hasUiJson: false, nodeCount: 10 });
    const taken = await api('POST', '/api/v1/workflows', creator, { name: 'walk I2V', content: variant() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('workflow.name_taken');
  });

  it('refuses what is not a workflow with a reason naming the field or node', async () => {
    const notJson = await upload(creator, '/api/v1/workflows/upload', '{ "nodes": [', { name: 'Bad 1' });
    expect(notJson.statusCode).toBe(422);
    expect(notJson.json()).toMatchObject({ code: 'workflow.invalid', errors: [{ field: 'file' }] });
    expect(notJson.json().errors[0].message).toContain('not_json');

    const notWorkflow = await api('POST', '/api/v1/workflows', creator, {
      name: 'Bad 2',
      content: { hello: 'world' },
    });
    expect(notWorkflow.statusCode).toBe(422);
    expect(notWorkflow.json().errors[0]).toMatchObject({ field: 'body.content' });
    expect(notWorkflow.json().detail).toContain('not a ComfyUI workflow');

    const dangling = await api('POST', '/api/v1/workflows', creator, {
      name: 'Bad 3',
      content: variant((wf) => {
        wf['7'].inputs.model = ['99', 0];
      }),
    });
    expect(dangling.statusCode).toBe(422);
    expect(dangling.json().errors[0]).toMatchObject({ field: 'nodes.7.inputs.model' });
    expect(dangling.json().errors[0].message).toContain('dangling_link');

    const cycle = await api('POST', '/api/v1/workflows', creator, {
      name: 'Bad 4',
      content: variant((wf) => {
        wf['2'].inputs.model = ['7', 0];
      }),
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().detail).toContain('cycle');

    const ui = JSON.parse(uiText);
    ui.nodes[0].type = 'NoSuchCustomNode';
    const unknown = await upload(creator, '/api/v1/workflows/upload', JSON.stringify(ui), { name: 'Bad 5' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().detail).toContain('NoSuchCustomNode');
    expect(unknown.json().errors[0].field).toMatch(/^nodes\.\d+/);

    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    const tooLarge = await upload(creator, '/api/v1/workflows/upload', big, { name: 'Bad 6' });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('workflow.too_large');

    const unknownField = await upload(creator, '/api/v1/workflows/upload', uiText, { colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].field).toBe('body.colour');
  });

  it('lists by name with search and pagination', async () => {
    const first = (await api('GET', '/api/v1/workflows?limit=2', reviewer)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await api('GET', `/api/v1/workflows?limit=2&cursor=${first.nextCursor}`, reviewer)
    ).json();
    expect(second.items[0].name).not.toBe(first.items[1].name);
    const found = (await api('GET', '/api/v1/workflows?q=walk', reviewer)).json();
    expect(found.items.map((w: { name: string }) => w.name)).toEqual(['Walk i2v']);
    expect(found.items[0].latestVersion).toMatchObject({ number: 1, nodeCount: 10, productionReady: false });
  });
});

describe('versions and diff', () => {
  it('adds versions (JSON and upload), refuses identical content, and diffs two versions', async () => {
    const v2 = await api('POST', `/api/v1/workflows/${uiWorkflowId}/versions`, creator, {
      content: variant((wf) => {
        wf['7'].inputs.seed = 424242;
        wf['7'].inputs.steps = 30;
        delete wf['2'];
        wf['7'].inputs.model = ['1', 0];
        wf['3'].inputs.clip = ['1', 1];
        wf['4'].inputs.clip = ['1', 1];
      }),
      notes: 'No LoRA, more steps',
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json().version).toMatchObject({ number: 2, notes: 'No LoRA, more steps', latestNumber: 2 });
    const v2Id = v2.json().version.id;
    const same = await api('POST', `/api/v1/workflows/${uiWorkflowId}/versions`, creator, {
      content: v2.json().version.apiJson,
    });
    expect(same.statusCode).toBe(409);
    const v3 = await upload(
      creator,
      `/api/v1/workflows/${uiWorkflowId}/versions/upload`,
      JSON.stringify(variant()),
      { notes: 'Seed' },
    );
    expect(v3.statusCode).toBe(201);
    expect(v3.json().version.number).toBe(3);

    const diff = await api(
      'GET',
      `/api/v1/workflows/${uiWorkflowId}/diff?from=${uiVersionId}&to=${v2Id}`,
      reviewer,
    );
    expect(diff.statusCode).toBe(200);
    const d = diff.json();
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([{ nodeId: '2', classType: 'LoraLoader' }]);
    expect(d.changed.find((c: { nodeId: string }) => c.nodeId === '7').inputs).toEqual([
      { input: 'model', from: ['2', 0], to: ['1', 0] },
      { input: 'steps', from: 20, to: 30 },
    ]);
    expect(d.slotsRemoved).toEqual(['lora_name', 'lora_strength']);
    expect(d.identical).toBe(false);

    const detail = (await api('GET', `/api/v1/workflows/${uiWorkflowId}`, reviewer)).json();
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(detail.latestVersion.number).toBe(3);

    const foreign = await api(
      'GET',
      `/api/v1/workflows/${uiWorkflowId}/diff?from=${uiVersionId}&to=${newPublicId()}`,
      reviewer,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0].field).toBe('query.to');
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${uiWorkflowId}&action=workflow.version_added`, admin)
    ).json();
    expect(audit.items).toHaveLength(2);
  });
});

describe('parameter slots', () => {
  it('marks an input by hand, renames and recategorises, removes; refuses unknown nodes and links', async () => {
    const v = (await api('GET', `/api/v1/workflow-versions/${uiVersionId}`, reviewer)).json();
    const slots = v.parameters
      .filter((s: { key: string }) => s.key !== 'scheduler')
      .map((s: { key: string; nodeId: string; input: string; category: string }) => ({
        key: s.key === 'cfg' ? 'guidance' : s.key,
        nodeId: s.nodeId,
        input: s.input,
        category: s.key === 'cfg' ? 'generation' : s.category,
      }));
    slots.push({
      key: 'clip_strength',
      label: 'CLIP strength',
      nodeId: '2',
      input: 'strength_clip',
      category: 'model',
    });
    const res = await api('PATCH', `/api/v1/workflow-versions/${uiVersionId}/parameters`, creator, {
      parameters: slots,
    });
    expect(res.statusCode).toBe(200);
    const after = res.json().parameters;
    expect(after.find((s: { key: string }) => s.key === 'clip_strength')).toMatchObject({
      label: 'CLIP strength',
      value: 0.8,
      classType: 'LoraLoader',
      source: 'manual',
    });
    expect(after.find((s: { key: string }) => s.key === 'guidance')).toMatchObject({
      category: 'generation',
      value: 6,
      source: 'discovered',
    });
    expect(after.some((s: { key: string }) => s.key === 'scheduler' || s.key === 'cfg')).toBe(false);

    const badNode = await api('PATCH', `/api/v1/workflow-versions/${uiVersionId}/parameters`, creator, {
      parameters: [{ key: 'x', nodeId: '77', input: 'seed', category: 'generation' }],
    });
    expect(badNode.statusCode).toBe(422);
    expect(badNode.json()).toMatchObject({
      code: 'workflow.slots_invalid',
      errors: [{ field: 'body.parameters.0.nodeId' }],
    });
    const link = await api('PATCH', `/api/v1/workflow-versions/${uiVersionId}/parameters`, creator, {
      parameters: [{ key: 'model', nodeId: '7', input: 'model', category: 'model' }],
    });
    expect(link.statusCode).toBe(422);
    expect(link.json().errors[0].field).toBe('body.parameters.0.input');
    const badKey = await api('PATCH', `/api/v1/workflow-versions/${uiVersionId}/parameters`, creator, {
      parameters: [{ key: 'Not Snake', nodeId: '7', input: 'seed', category: 'generation' }],
    });
    expect(badKey.statusCode).toBe(400);
    const audit = (
      await api(
        'GET',
        `/api/v1/audit-events?entityId=${uiWorkflowId}&action=workflow.parameters_changed`,
        admin,
      )
    ).json();
    expect(audit.items[0].details).toMatchObject({
      added: ['guidance', 'clip_strength'],
      removed: ['cfg', 'scheduler'],
    });
  });
});

describe('validation and dry run on workers', () => {
  it('lists the workers it can target', async () => {
    const res = (await api('GET', '/api/v1/workflows/workers', reviewer)).json();
    expect(res.items.map((w: { name: string }) => w.name)).toEqual([
      'Sim A',
      'Sim B (no Wan)',
      'Sim C (faulty)',
      'Sim D (down)',
    ]);
  });

  it('validates on every worker: a matrix of pass/fail with problems; not production ready before a dry run', async () => {
    const res = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/validate`, creator, {});
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(
      res.json().validation.map((v: { workerName: string }) => [v.workerName, v]),
    );
    expect(byName['Sim A']).toMatchObject({ workerId: workerIds.good, ok: true, error: null });
    expect(byName['Sim A'].problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
    expect(byName['Sim B (no Wan)'].ok).toBe(false);
    expect(byName['Sim B (no Wan)'].problems[0]).toMatchObject({
      code: 'missing_model',
      nodeId: '1',
      input: 'ckpt_name',
    });
    expect(byName['Sim D (down)']).toMatchObject({ ok: false, problems: [] });
    expect(byName['Sim D (down)'].error).toContain('could not be asked');
    expect(res.json().productionReady).toBe(false);
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${uiWorkflowId}&action=workflow.validated`, admin)
    ).json();
    expect(audit.items[0].summary).toContain('passed on 2 of 4');
  }, 30_000);

  it('a passing dry run makes it production ready; a failing one (execution error) takes it back', async () => {
    const ok = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/dry-run`, creator, {
      workerId: workerIds.good,
      timeoutSeconds: 60,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().dryRun).toMatchObject({
      workerId: workerIds.good,
      ok: true,
      outcome: 'success',
      error: null,
    });
    expect(ok.json().dryRun.durationMs).toBeGreaterThan(0);
    expect(ok.json().productionReady).toBe(true);
    const listed = (await api('GET', '/api/v1/workflows?q=i2v', reviewer)).json();
    expect(
      listed.items.find((w: { id: string }) => w.id === uiWorkflowId).latestVersion.productionReady,
    ).toBe(false);

    const failed = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/dry-run`, creator, {
      workerId: workerIds.failing,
      timeoutSeconds: 60,
    });
    expect(failed.json().dryRun).toMatchObject({ ok: false, outcome: 'failed' });
    expect(failed.json().dryRun.error).toContain('Node 7 (KSampler)');
    expect(failed.json().dryRun.error).toContain('CUDA out of memory');
    expect(failed.json().productionReady).toBe(false);
  }, 60_000);

  it('a dry run the worker refuses records its node_errors as a clear message', async () => {
    const res = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/dry-run`, creator, {
      workerId: workerIds.noModels,
      timeoutSeconds: 30,
    });
    const run = res.json().dryRun;
    expect(run).toMatchObject({ ok: false, outcome: 'rejected' });
    expect(run.nodeErrors[0]).toMatchObject({ nodeId: '1', classType: 'CheckpointLoaderSimple' });
    expect(run.error).toContain('node 1 (CheckpointLoaderSimple)');
    const down = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/dry-run`, creator, {
      workerId: workerIds.down,
    });
    expect(down.json().dryRun).toMatchObject({ ok: false, outcome: 'unreachable' });
    const unknown = await api('POST', `/api/v1/workflow-versions/${uiVersionId}/dry-run`, creator, {
      workerId: newPublicId(),
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'workflow.worker_unavailable',
      errors: [{ field: 'body.workerId' }],
    });
  }, 60_000);

  it('converts a UI file with the chosen worker’s catalogue', async () => {
    const ui = JSON.parse(uiText);
    ui.nodes.find((x: { type: string }) => x.type === 'KSampler').widgets_values[0] = 777;
    const res = await upload(creator, '/api/v1/workflows/upload', JSON.stringify(ui), {
      name: 'Via worker',
      workerId: workerIds.good,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().version.apiJson['7'].inputs.seed).toBe(777);
  });

  it("pulls a workflow from a worker's history: the UI format when it was sent along, else the API graph", async () => {
    // two prompts ran on the worker: one carrying its UI workflow (as the ComfyUI front end sends it), one bare
    const ui = JSON.parse(uiText);
    ui.nodes.find((x: { type: string }) => x.type === 'KSampler').widgets_values[0] = 4242;
    const api2 = structuredClone(apiExample);
    api2['7'].inputs.seed = 4343;
    const submit = async (prompt: unknown, extra: Record<string, unknown>) => {
      const r = await fetch(`${good.url}/prompt`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt, extra_data: extra }),
      });
      return ((await r.json()) as { prompt_id: string }).prompt_id;
    };
    const image = await fetch(`${good.url}/upload/image`, {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.append(
          'image',
          new Blob([
            Buffer.from(
              'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
              'base64',
            ),
          ]),
          'start.png',
        );
        return f;
      })(),
    });
    expect(image.status).toBe(200);
    const withUi = structuredClone(apiExample);
    withUi['7'].inputs.seed = 4242;
    const uiPrompt = await submit(withUi, { extra_pnginfo: { workflow: ui } });
    const barePrompt = await submit(api2, {});
    const deadline = Date.now() + 20_000;
    let prompts: { promptId: string; hasUiWorkflow: boolean; nodeCount: number }[] = [];
    while (Date.now() < deadline) {
      const res = await api('GET', `/api/v1/workflows/workers/${workerIds.good}/prompts`, reviewer);
      expect(res.statusCode, res.body).toBe(200);
      prompts = res.json().items;
      if ([uiPrompt, barePrompt].every((id) => prompts.some((p) => p.promptId === id))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(prompts.find((p) => p.promptId === uiPrompt)).toMatchObject({
      hasUiWorkflow: true,
      nodeCount: 10,
    });
    expect(prompts.find((p) => p.promptId === barePrompt)).toMatchObject({ hasUiWorkflow: false });

    const pulled = await api('POST', '/api/v1/workflows/pull', creator, {
      workerId: workerIds.good,
      promptId: uiPrompt,
      name: 'Pulled with UI',
    });
    expect(pulled.statusCode, pulled.body).toBe(201);
    expect(pulled.json().version).toMatchObject({
      sourceFormat: 'ui',
      notes: `Pulled from Sim A (prompt ${uiPrompt})`,
    });
    expect(pulled.json().version.apiJson['7'].inputs.seed).toBe(4242);
    const bare = await api('POST', '/api/v1/workflows/pull', creator, {
      workerId: workerIds.good,
      promptId: barePrompt,
      name: 'Pulled bare',
    });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json().version.sourceFormat).toBe('api');

    const missing = await api('POST', '/api/v1/workflows/pull', creator, {
      workerId: workerIds.good,
      promptId: 'no-such-prompt',
      name: 'Nothing',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0].field).toBe('body.promptId');
    const down = await api('GET', `/api/v1/workflows/workers/${workerIds.down}/prompts`, reviewer);
    expect(down.statusCode).toBe(422);
    expect(down.json().code).toBe('workflow.worker_unavailable');
    expect(
      (
        await api('POST', '/api/v1/workflows/pull', reviewer, {
          workerId: workerIds.good,
          promptId: uiPrompt,
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('scene types pin a version and bind slots', () => {
  let varType = '';
  const sceneBody = (extra: Record<string, unknown>) => ({
    name: `Pinned ${++n}`,
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 5,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [varType] },
    ...extra,
  });
  let sceneId = '';

  it('pins a version with slot bindings; responses name the workflow, version and readiness', async () => {
    varType = (await api('GET', '/api/v1/image-variant-types', creator)).json().items[0].id;
    const res = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneBody({
        workflowVersionId: uiVersionId,
        slotBindings: { steps: 25, positive_prompt: 'a walk', clip_strength: 0.5 },
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      workflowVersionId: uiVersionId,
      workflow: {
        workflowId: uiWorkflowId,
        workflowName: 'i2v',
        versionNumber: 1,
        latestVersionNumber: 3,
        productionReady: false,
      },
      transitionWorkflow: null,
      slotBindings: { steps: 25, positive_prompt: 'a walk', clip_strength: 0.5 },
    });
    sceneId = res.json().id;
  });

  it('refuses unknown versions, unknown slots, bindings without a pin, and values that are not scalars', async () => {
    const missing = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneBody({ workflowVersionId: newPublicId() }),
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('body.workflowVersionId');
    const slot = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneBody({ workflowVersionId: uiVersionId, slotBindings: { scheduler: 'simple' } }),
    );
    expect(slot.statusCode).toBe(422);
    expect(slot.json().errors[0].field).toBe('body.slotBindings.scheduler');
    const unpinned = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneBody({ slotBindings: { steps: 1 } }),
    );
    expect(unpinned.json().errors[0].field).toBe('body.slotBindings');
    const object = await api(
      'POST',
      '/api/v1/scene-types',
      creator,
      sceneBody({ workflowVersionId: uiVersionId, slotBindings: { steps: { a: 1 } } }),
    );
    expect(object.statusCode).toBe(400);
    // upgrading to v2 keeps bindings only when the new version has those slots (v2 has no LoRA)
    const detail = (await api('GET', `/api/v1/workflows/${uiWorkflowId}`, reviewer)).json();
    const v2 = detail.versions.find((v: { number: number }) => v.number === 2).id;
    const upgrade = await api('PATCH', `/api/v1/scene-types/${sceneId}`, creator, { workflowVersionId: v2 });
    expect(upgrade.statusCode).toBe(422);
    expect(upgrade.json().errors[0].field).toBe('body.slotBindings.clip_strength');
    const ok = await api('PATCH', `/api/v1/scene-types/${sceneId}`, creator, {
      workflowVersionId: v2,
      slotBindings: { steps: 25 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().workflow.versionNumber).toBe(2);
  });

  it('refuses removing a bound slot, and deleting a workflow while a scene type pins it', async () => {
    const detail = (await api('GET', `/api/v1/workflows/${uiWorkflowId}`, reviewer)).json();
    const v2 = detail.versions.find((v: { number: number }) => v.number === 2).id;
    const version = (await api('GET', `/api/v1/workflow-versions/${v2}`, reviewer)).json();
    const without = version.parameters
      .filter((s: { key: string }) => s.key !== 'steps')
      .map((s: { key: string; nodeId: string; input: string; category: string }) => ({
        key: s.key,
        nodeId: s.nodeId,
        input: s.input,
        category: s.category,
      }));
    const removing = await api('PATCH', `/api/v1/workflow-versions/${v2}/parameters`, creator, {
      parameters: without,
    });
    expect(removing.statusCode).toBe(409);
    expect(removing.json().detail).toContain('"steps"');

    const refused = await api('DELETE', `/api/v1/workflows/${uiWorkflowId}`, creator);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('workflow.in_use');
    expect(refused.json().detail).toContain('Pinned');
    await api('PATCH', `/api/v1/scene-types/${sceneId}`, creator, {
      workflowVersionId: null,
      slotBindings: {},
    });
    const deleted = await api('DELETE', `/api/v1/workflows/${uiWorkflowId}`, creator);
    expect(deleted.statusCode).toBe(204);
    expect((await api('GET', `/api/v1/workflows/${uiWorkflowId}`, reviewer)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/workflow-versions/${uiVersionId}`, reviewer)).statusCode).toBe(404);
    const pin = await api('PATCH', `/api/v1/scene-types/${sceneId}`, creator, {
      workflowVersionId: uiVersionId,
    });
    expect(pin.json().errors[0].field).toBe('body.workflowVersionId');
    const audit = (
      await api('GET', `/api/v1/audit-events?entityId=${uiWorkflowId}&action=workflow.deleted`, admin)
    ).json();
    expect(audit.items).toHaveLength(1);
    // duplicates are looked for among live workflows only: the copy imported earlier is named now
    const again = await upload(creator, '/api/v1/workflows/upload', uiText, { name: 'i2v' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('"Copy"');
  });
});

describe('permissions', () => {
  it('readers read; only content writers import, edit, validate and dry-run', async () => {
    expect((await api('GET', '/api/v1/workflows', reviewer)).statusCode).toBe(200);
    expect(
      (await api('POST', '/api/v1/workflows', reviewer, { name: 'No', content: variant() })).statusCode,
    ).toBe(403);
    expect((await upload(reviewer, '/api/v1/workflows/upload', uiText)).statusCode).toBe(403);
    const any = (await api('GET', '/api/v1/workflows?limit=1', reviewer)).json().items[0];
    const vid = any.latestVersion.id;
    expect((await api('POST', `/api/v1/workflow-versions/${vid}/validate`, reviewer, {})).statusCode).toBe(
      403,
    );
    expect(
      (await api('POST', `/api/v1/workflow-versions/${vid}/dry-run`, reviewer, { workerId: workerIds.good }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('PATCH', `/api/v1/workflow-versions/${vid}/parameters`, reviewer, { parameters: [] }))
        .statusCode,
    ).toBe(403);
    expect((await api('DELETE', `/api/v1/workflows/${any.id}`, reviewer)).statusCode).toBe(403);
    expect((await studio.app.inject({ url: '/api/v1/workflows' })).statusCode).toBe(401);
  });
});

describe('examples in a fresh studio', () => {
  it('are imported once when there is no workflow; validation without workers uses the bundled catalogue', async () => {
    const fresh = await startTestStudio();
    try {
      expect(await seedExampleWorkflows(fresh.services.workflows)).toBe(3);
      expect(await seedExampleWorkflows(fresh.services.workflows)).toBe(0);
      const list = await fresh.services.workflows.list({ limit: 10 });
      expect(list.items.map((w) => w.name)).toEqual([
        'Image to image — variant',
        'Image to video',
        'Image to video — transition',
      ]);
      const i2v = await fresh.services.workflows.getVersion(
        list.items.find((w) => w.name === 'Image to video')!.latestVersion!.id,
      );
      expect(i2v).toMatchObject({ sourceFormat: 'ui', nodeCount: 10 });
      expect(i2v.apiJson).toEqual(apiExample);
      const validated = await fresh.services.workflows.validate(
        { actor: null, ip: null, userAgent: null, requestId: null },
        i2v.id,
      );
      expect(validated.validation).toEqual([expect.objectContaining({ workerId: null, ok: true })]);
      expect(validated.productionReady).toBe(false);
      // the image-to-image example validates too
      const i2i = list.items.find((w) => w.name === 'Image to image — variant')!;
      const checked = await fresh.services.workflows.validate(
        { actor: null, ip: null, userAgent: null, requestId: null },
        i2i.latestVersion!.id,
      );
      expect(checked.validation).toEqual([expect.objectContaining({ ok: true })]);
    } finally {
      await fresh.close();
    }
  });
});
