import { describe, expect, it } from 'vitest';
import {
  type ExistingCharacter,
  type FileFacts,
  importTotals,
  mapImportTree,
  normaliseImportPath,
  type PlanContext,
  planImport,
} from './import-plan.js';

const types = [
  { slug: 'casual', name: 'Casual', filePrefix: '' },
  { slug: 'formal', name: 'Formal', filePrefix: 'formal' },
];
const files = (...paths: string[]) => paths.map((path) => ({ path, size: 10 }));

function context(over: Partial<PlanContext> & { facts?: Map<string, FileFacts> } = {}): PlanContext {
  return {
    facts: new Map(),
    existing: new Map(),
    overrides: new Map(),
    checkMetadata: () => [],
    ...over,
  };
}
/** Facts for every image path: a distinct hash per path. */
const imageFacts = (paths: string[]) =>
  new Map<string, FileFacts>(paths.map((p) => [p, { sha256: `sha-${p}` }]));

describe('normaliseImportPath', () => {
  it('accepts relative paths and normalises separators', () => {
    expect(normaliseImportPath('Ava\\source.png')).toEqual({ ok: true, path: 'Ava/source.png' });
    expect(normaliseImportPath('./Ava//formal/a.png')).toEqual({ ok: true, path: 'Ava/formal/a.png' });
  });
  it.each([
    ['../evil.png', 'climbs out of the folder with ..'],
    ['Ava/../../evil.png', 'climbs out of the folder with ..'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:\\Windows\\x.png', 'starts with a drive letter'],
    ['a\0b', 'contains a NUL byte'],
    ['./', 'is empty'],
  ])('refuses %j', (raw, reason) => {
    expect(normaliseImportPath(raw)).toEqual({ ok: false, reason });
  });
});

describe('mapImportTree', () => {
  it('maps character folders, source, variants by file name and by folder, metadata', () => {
    const m = mapImportTree(
      files(
        'Ava/source.png',
        'Ava/formal_01.jpg',
        'Ava/casual.webp',
        'Ava/metadata.json',
        'Bo/formal/one.png',
        'Bo/Bo.png',
        'Bo/notes.txt',
        'readme.txt',
        '.DS_Store',
        'Ava/.hidden.png',
        '__MACOSX/Ava/._source.png',
      ),
      types,
    );
    expect(m.root).toBeNull();
    expect(m.loose).toEqual([
      { path: 'readme.txt', size: 10, role: 'ignored', note: 'is not inside a character folder' },
    ]);
    const [ava, bo] = m.entries;
    expect(ava!.name).toBe('Ava');
    expect(ava!.files.map((f) => [f.path, f.role, f.variantTypeSlug])).toEqual([
      ['Ava/source.png', 'source', undefined],
      ['Ava/formal_01.jpg', 'variant', 'formal'],
      ['Ava/casual.webp', 'variant', 'casual'],
      ['Ava/metadata.json', 'metadata', undefined],
    ]);
    expect(bo!.files.map((f) => [f.path, f.role, f.variantTypeSlug ?? f.note])).toEqual([
      ['Bo/formal/one.png', 'variant', 'formal'],
      ['Bo/Bo.png', 'source', undefined],
      ['Bo/notes.txt', 'ignored', 'is not an image or metadata.json'],
    ]);
  });

  it('looks through one wrapping folder, but not a single character folder', () => {
    expect(mapImportTree(files('onboarding/Ava/source.png', 'onboarding/Bo/source.png'), types).root).toBe(
      'onboarding',
    );
    const deep = mapImportTree(files('a/b/Ava/source.png', 'a/b/Bo/source.png'), types);
    expect([deep.root, deep.entries.map((e) => [e.folder, e.name])]).toEqual([
      'a/b',
      [
        ['a/b/Ava', 'Ava'],
        ['a/b/Bo', 'Bo'],
      ],
    ]);
    const single = mapImportTree(files('Ava/source.png', 'Ava/formal.png'), types);
    expect(single.root).toBeNull();
    expect(single.entries.map((e) => e.name)).toEqual(['Ava']);
  });

  it('takes a lone unnamed image as the source, and ignores unnamed ones when there are several', () => {
    const lone = mapImportTree(files('Ava/portrait.png', 'Ava/formal.png'), types).entries[0]!;
    expect(lone.files.find((f) => f.path === 'Ava/portrait.png')!.role).toBe('source');
    const many = mapImportTree(files('Ava/a.png', 'Ava/b.png'), types).entries[0]!;
    expect(many.files.every((f) => f.role === 'ignored')).toBe(true);
    expect(many.files[0]!.note).toContain('not named source.*');
  });

  it('reports ambiguous sources, unknown variant folders and deep nesting', () => {
    const e = mapImportTree(
      files('Ava/source.png', 'Ava/source_2.png', 'Ava/swimwear/x.png', 'Ava/formal/deep/x.png'),
      types,
    ).entries[0]!;
    expect(e.problems[0]).toContain('several images could be the source image');
    expect(e.files[2]!.note).toContain(
      'folder "swimwear", which is not an image variant type (known: casual, formal)',
    );
    expect(e.files[3]!.note).toContain('nested too deep');
  });
});

describe('planImport', () => {
  const tree = () =>
    mapImportTree(files('Ava/source.png', 'Ava/formal.png', 'Ava/metadata.json', 'Bo/source.png'), types);

  it('creates new characters and counts what they bring', () => {
    const facts = imageFacts(['Ava/source.png', 'Ava/formal.png', 'Bo/source.png']);
    facts.set('Ava/metadata.json', { metadata: { age: 30 } });
    const plan = planImport(tree(), context({ facts }));
    expect(plan.map((p) => [p.name, p.action, p.newImages, p.variants, p.metadata])).toEqual([
      ['Ava', 'create', 2, { formal: 1 }, { age: 30 }],
      ['Bo', 'create', 1, {}, {}],
    ]);
    expect(importTotals(plan)).toMatchObject({ create: 2, newImages: 3, withErrors: 0 });
  });

  it('is idempotent: a re-run over what is already there changes nothing', () => {
    const facts = imageFacts(['Ava/source.png', 'Ava/formal.png', 'Bo/source.png']);
    facts.set('Ava/metadata.json', { metadata: { age: 30 } });
    const existing = new Map<string, ExistingCharacter>([
      [
        'ava',
        {
          name: 'Ava',
          sha256s: new Set(['sha-Ava/source.png', 'sha-Ava/formal.png']),
          metadata: { age: 30 },
        },
      ],
      ['bo', { name: 'Bo', sha256s: new Set(['sha-Bo/source.png']), metadata: {} }],
    ]);
    const plan = planImport(tree(), context({ facts, existing }));
    expect(plan.map((p) => p.action)).toEqual(['unchanged', 'unchanged']);
    existing.set('bo', { name: 'Bo', sha256s: new Set(), metadata: {} });
    expect(planImport(tree(), context({ facts, existing }))[1]).toMatchObject({
      action: 'update',
      newImages: 1,
    });
  });

  it('merges metadata over the existing and reports schema problems as errors naming the file', () => {
    const facts = imageFacts(['Ava/source.png', 'Ava/formal.png', 'Bo/source.png']);
    facts.set('Ava/metadata.json', { metadata: { age: 'old' } });
    const existing = new Map([
      ['ava', { name: 'Ava', sha256s: new Set<string>(), metadata: { city: 'Oslo' } }],
    ]);
    const plan = planImport(
      tree(),
      context({
        facts,
        existing,
        checkMetadata: (m) => (typeof m.age === 'number' ? [] : ['age must be number']),
      }),
    );
    expect(plan[0]!.metadata).toEqual({ city: 'Oslo', age: 'old' });
    expect(plan[0]!.errors).toEqual(['Ava/metadata.json: age must be number']);
  });

  it('turns unreadable files into errors naming them', () => {
    const facts = imageFacts(['Ava/formal.png', 'Bo/source.png']);
    facts.set('Ava/source.png', { problem: 'Ava/source.png is not an image we can read.' });
    facts.set('Ava/metadata.json', { problem: 'Ava/metadata.json is not valid JSON' });
    const plan = planImport(tree(), context({ facts }));
    expect(plan[0]!.errors).toEqual([
      'Ava/source.png is not an image we can read.',
      'Ava/metadata.json is not valid JSON',
    ]);
    expect(importTotals(plan).withErrors).toBe(1);
  });

  it('refuses two folders that would merge into one name until one is renamed or skipped', () => {
    const m2 = mapImportTree(files('Ava/source.png', 'AVA/source.png'), types);
    const facts = imageFacts(['Ava/source.png', 'AVA/source.png']);
    const clash = planImport(m2, context({ facts }));
    expect(clash.every((p) => p.errors[0]?.includes('is also used by'))).toBe(true);
    const renamed = planImport(m2, context({ facts, overrides: new Map([['AVA', { name: 'Ava Two' }]]) }));
    expect(renamed.map((p) => [p.name, p.action, p.errors])).toEqual([
      ['Ava', 'create', []],
      ['Ava Two', 'create', []],
    ]);
    const skipped = planImport(m2, context({ facts, overrides: new Map([['AVA', { skip: true }]]) }));
    expect(skipped.map((p) => [p.folder, p.action])).toEqual([
      ['Ava', 'create'],
      ['AVA', 'skip'],
    ]);
  });

  it('warns about a new character without a source image and about ignored files', () => {
    const m = mapImportTree(files('Ava/formal.png', 'Ava/notes.txt'), types);
    const plan = planImport(m, context({ facts: imageFacts(['Ava/formal.png']) }));
    expect(plan[0]!.warnings).toEqual([
      'Ava/notes.txt is not an image or metadata.json; it is ignored',
      'no source image: the character cannot be generated until one is added',
    ]);
  });
});
