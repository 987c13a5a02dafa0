import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProject } from '../src/modules/demo/seed.js';
import { systemContext } from '../src/platform/request-context.js';
import { startTestStudio, type TestStudio } from './harness.js';

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio();
});
afterAll(() => studio.close());

describe('demo project', () => {
  it('seeds three characters with heroes and three scene types, so every matrix cell is ready', async () => {
    const id = await seedDemoProject(studio.services, systemContext);
    expect(id).not.toBeNull();
    const chars = await studio.services.characters.list(id!, { limit: 50 });
    expect(chars.items.map((c) => [c.name, c.heroCount, c.thumbnailUrl !== null])).toEqual([
      ['Ada', 2, true],
      ['Bruno', 2, true],
      ['Chloe', 2, true],
    ]);
    const matrix = await studio.services.scenes.matrix(id!, { limit: 200 });
    expect(matrix.columns.map((c) => c.fileName)).toEqual([
      'walk.mp4',
      'formal_walk.mp4',
      'wave.mp4',
      'turn_to_formal.mp4',
    ]);
    expect(matrix.totals).toEqual({ cells: 12, created: 0, ready: 12 });
    const sceneTypes = await studio.services.sceneTypes.list(id!, undefined);
    expect(
      sceneTypes.map((t) => [t.name, t.workflow?.workflowName, t.transitionWorkflow?.workflowName]),
    ).toEqual([
      ['Walk', 'Image to video', undefined],
      ['Wave', 'Image to video', undefined],
      ['Turn', 'Image to video', 'Image to video — transition'],
    ]);
    const detail = await studio.services.characters.get(chars.items[0]!.id);
    expect(detail.sourceImage?.file).toMatchObject({ width: 512, height: 768, mimeType: 'image/png' });
  });

  it('is added only to a studio without projects', async () => {
    expect(await seedDemoProject(studio.services, systemContext)).toBeNull();
  });
});
