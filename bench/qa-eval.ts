// QA evaluation: a labelled corpus rendered with comfy-sim's fault injection, the sample faces shipped in npm
// packages as characters, measured by the pipeline's own `analyseSegment` and judged by `evaluateGates`. Reports
// recall per defect class, false positives on clean segments, which gate caught what, and checks that the same clip
// gives the same scores. Run alone with
//   node --conditions=@i2v/source --import tsx bench/qa-eval.ts [--profile standard] [--dump scores.json]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderSegment } from '@i2v/comfy-sim';
import {
  evaluateGates,
  type QaProfile,
  type QaVerdict,
  qaProfiles,
  resolveThresholds,
  type SegmentScores,
  type SourceImageProblem,
  sourceImageProblems,
} from '@i2v/domain';
import { createFaceAnalyzer, type FaceAnalyzer, type SampleFace, sampleFaces } from '@i2v/faces';
import sharp from 'sharp';
import { analyseSegment, embedImage } from '../apps/server/src/modules/pipeline/analysis.js';
import type { BenchRow } from './comfy.js';

/** The corpus' labels: a clean segment, or the comfy-sim frame defect it was rendered with. */
export const corpusClasses = ['clean', 'black', 'frozen', 'swap', 'noface', 'jump'] as const;
export type CorpusClass = (typeof corpusClasses)[number];

const classNames: Record<CorpusClass, string> = {
  clean: 'clean',
  black: 'black frames',
  frozen: 'frozen',
  swap: 'drifted identity (swap)',
  noface: 'no face',
  jump: 'discontinuous boundary (jump)',
};

/** The pipeline's default frame size and rate; 33 frames (2 s) rather than 81 keep the whole eval near two minutes. */
export const corpusClip = { width: 512, height: 512, fps: 16, frames: 33 } as const;

interface Character {
  sample: SampleFace;
  /** The cropped face photo: the character's source image and the seed of its segment. */
  image: string;
  /** Shorter side of the source image, px. */
  side: number;
  embedding: number[] | null;
  /** What the studio's source-image QA says about it (PRD-022). */
  problems: SourceImageProblem['code'][];
}

export interface Scored {
  person: string;
  /** Shorter side of the character's source image, px. */
  side: number;
  sourceProblems: SourceImageProblem['code'][];
  cls: CorpusClass;
  scores: SegmentScores;
  verdict: QaVerdict;
}

export interface QaEvaluation {
  profile: QaProfile;
  characters: number;
  scored: Scored[];
  /** The clean set scored a second time gave identical scores. */
  deterministic: boolean;
  /** sha256 of every score, to compare runs. */
  digest: string;
  seconds: number;
}

/** The face of a sample photo cut out as the character's source image (longer side ≤ 768, never enlarged). */
async function writeCharacterImage(sample: SampleFace, file: string): Promise<number> {
  const { x, y, width, height } = sample.region;
  const info = await sharp(sample.file)
    .rotate()
    .extract({ left: x, top: y, width, height })
    .resize(768, 768, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .png()
    .toFile(file);
  return Math.min(info.width, info.height);
}

/** The character a swapped clip turns into: the next sample in the list that shows somebody else. */
function swapPartner(characters: Character[], i: number): Character {
  for (let k = 1; k < characters.length; k++) {
    const other = characters[(i + k) % characters.length]!;
    if (other.sample.person !== characters[i]!.sample.person) return other;
  }
  throw new Error('the swap class needs two people at least');
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const clipName = (i: number, cls: CorpusClass) => `c${String(i).padStart(2, '0')}-${cls}.mp4`;

async function scoreClip(
  faces: FaceAnalyzer,
  character: Character,
  file: string,
  profile: QaProfile,
): Promise<{ scores: SegmentScores; verdict: QaVerdict }> {
  const analysis = await analyseSegment(
    {
      file,
      seedImage: fs.readFileSync(character.image),
      expected: {
        width: corpusClip.width,
        height: corpusClip.height,
        fps: corpusClip.fps,
        frameCount: corpusClip.frames,
      },
      characterEmbedding: character.embedding,
      // the first segment of a scene: its own start is the drift baseline
      sceneBaseline: null,
    },
    // as segment.qa does: a character whose source image shows no face is not held to the face gates
    character.embedding ? faces : null,
  );
  return { scores: analysis.scores, verdict: evaluateGates(analysis.scores, resolveThresholds(profile)) };
}

/** Renders the corpus (every sample face × every class), scores every clip and applies the gates of `profile`. */
export async function evaluateQa(profile: QaProfile = 'standard'): Promise<QaEvaluation> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-qa-eval-'));
  const faces = await createFaceAnalyzer();
  try {
    const samples = sampleFaces();
    if (samples.length < 2)
      throw new Error('no sample faces installed (@vladmandic/human, @vladmandic/face-api)');
    const characters: Character[] = [];
    for (const [i, sample] of samples.entries()) {
      const image = path.join(dir, `character-${String(i).padStart(2, '0')}.png`);
      const side = await writeCharacterImage(sample, image);
      // the likeness baseline as the pipeline computes it (`characterEmbedding` → `embedImage` of the source image)
      const e = await embedImage(faces, fs.readFileSync(image));
      const problems = sourceImageProblems({
        width: e.quality.width as number,
        height: e.quality.height as number,
        faceFound: Boolean(e.embedding),
        faceScore: e.score,
        sharpness: e.quality.sharpness as number,
      }).map((p) => p.code);
      characters.push({ sample, image, side, embedding: e.embedding, problems });
    }
    const clips = characters.flatMap((c, i) => corpusClasses.map((cls) => ({ c, i, cls })));
    // each clip is rendered (an ffmpeg child process) then scored (face detection on this thread): three at a time
    // keep both cores busy, one rendering while the other detects faces
    const scored = await mapLimit(clips, 3, async ({ c, i, cls }): Promise<Scored> => {
      const file = path.join(dir, clipName(i, cls));
      await renderSegment({
        startImage: c.image,
        frames: corpusClip.frames,
        fps: corpusClip.fps,
        width: corpusClip.width,
        height: corpusClip.height,
        container: 'mp4',
        out: file,
        ...(cls === 'clean' ? {} : { defect: cls }),
        ...(cls === 'swap' ? { swapImage: swapPartner(characters, i).image } : {}),
      });
      const { scores, verdict } = await scoreClip(faces, c, file, profile);
      return { person: c.sample.person, side: c.side, sourceProblems: c.problems, cls, scores, verdict };
    });
    // same input, same scores: the clean set scored once more, compared number for number
    const again = await mapLimit(
      clips.filter((x) => x.cls === 'clean'),
      2,
      async ({ c, i }) => (await scoreClip(faces, c, path.join(dir, clipName(i, 'clean')), profile)).scores,
    );
    const first = scored.filter((s) => s.cls === 'clean').map((s) => s.scores);
    return {
      profile,
      characters: characters.length,
      scored,
      deterministic: JSON.stringify(first) === JSON.stringify(again),
      digest: createHash('sha256')
        .update(JSON.stringify(scored.map((s) => s.scores)))
        .digest('hex')
        .slice(0, 16),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await faces.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

function tally(counts: Map<string, number>): string {
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return parts.map(([gate, n]) => `${gate} ${n}`).join(', ') || '—';
}

export interface ClassSummary {
  cls: CorpusClass;
  name: string;
  n: number;
  /** Verdict `fail` (a hard gate). For clean clips these are the false positives. */
  failed: Scored[];
  /** Verdict `flag` (soft gates only). */
  flagged: Scored[];
  /** Hard / soft gates that fired, with counts, over the class' clips. */
  hardGates: string;
  softGates: string;
}

export function summarise(scored: Scored[]): ClassSummary[] {
  return corpusClasses.map((cls) => {
    const mine = scored.filter((s) => s.cls === cls);
    const hard = new Map<string, number>();
    const soft = new Map<string, number>();
    for (const s of mine) {
      for (const r of s.verdict.reasons) {
        const m = r.severity === 'hard' ? hard : soft;
        m.set(r.gate, (m.get(r.gate) ?? 0) + 1);
      }
    }
    return {
      cls,
      name: classNames[cls],
      n: mine.length,
      failed: mine.filter((s) => s.verdict.verdict === 'fail'),
      flagged: mine.filter((s) => s.verdict.verdict === 'flag'),
      hardGates: tally(hard),
      softGates: tally(soft),
    };
  });
}

/** The evaluation as bench rows: recall per defect class (≥ 98 %), false positives on clean (≤ 3 %), determinism. */
export function qaRows(e: QaEvaluation): BenchRow[] {
  const rows: BenchRow[] = [];
  const summary = summarise(e.scored);
  for (const s of summary) {
    if (s.cls === 'clean') continue;
    rows.push({
      measure: `QA recall: ${s.name} (${s.n} clips of ${e.characters} sample-face characters, ${e.profile} profile)`,
      target: '≥ 98 %',
      measured: `${pct(s.failed.length, s.n)} (${s.failed.length} of ${s.n} fail; hard gates: ${s.hardGates})`,
      ok: s.n > 0 && s.failed.length / s.n >= 0.98,
    });
  }
  const clean = summary.find((s) => s.cls === 'clean')!;
  const hardOf = (s: Scored) =>
    s.verdict.reasons
      .filter((r) => r.severity === 'hard')
      .map((r) => r.gate)
      .join(' + ');
  const fp = clean.failed.map((s) => `${s.person}, ${s.side} px source: ${hardOf(s)}`).join('; ');
  rows.push({
    measure: `QA false positives on clean segments (${clean.n} clips, ${e.profile} profile)`,
    target: '≤ 3 %',
    measured: `${pct(clean.failed.length, clean.n)} fail${fp ? ` (${fp})` : ''}; ${pct(clean.flagged.length, clean.n)} flagged for review (${clean.softGates})`,
    ok: clean.n > 0 && clean.failed.length / clean.n <= 0.03,
  });
  rows.push({
    measure: 'QA scores deterministic (clean set scored twice)',
    target: 'identical',
    measured: `${e.deterministic ? 'identical' : 'DIFFERENT'} (digest of all scores ${e.digest}; eval took ${e.seconds.toFixed(0)} s)`,
    ok: e.deterministic,
  });
  return rows;
}

/** For `npm run bench`. */
export async function benchQaEval(): Promise<BenchRow[]> {
  try {
    return qaRows(await evaluateQa('standard'));
  } catch (err) {
    return [
      { measure: 'QA evaluation', target: '-', measured: `not run: ${(err as Error).message}`, ok: false },
    ];
  }
}

// ---------------------------------------------------------------- run alone

const rangeKeys = [
  'continuity',
  'facePresence',
  'likeness',
  'likenessDrift',
  'blackFrames',
  'frozenFrames',
] as const;

function range(scored: Scored[], key: (typeof rangeKeys)[number]): string {
  const v = scored.map((s) => s.scores[key]).filter((x): x is number => x !== null);
  return v.length ? `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}` : 'n/a';
}

function printReport(e: QaEvaluation): void {
  const c = corpusClip;
  const summary = summarise(e.scored);
  console.log(
    `corpus: ${e.characters} characters (sample faces) × ${corpusClasses.length} classes, ${c.width}×${c.height}, ${c.frames} frames at ${c.fps} fps; ${e.profile} profile\n`,
  );
  console.log(
    '| class | n | detected (fail) | recall / FP rate | flagged only | hard gates that fired | soft gates that fired |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const s of summary) {
    const rate = s.cls === 'clean' ? `FP ${pct(s.failed.length, s.n)}` : pct(s.failed.length, s.n);
    console.log(
      `| ${s.name} | ${s.n} | ${s.failed.length} | ${rate} | ${s.flagged.length} | ${s.hardGates} | ${s.softGates} |`,
    );
  }
  console.log(`\n| class | ${rangeKeys.join(' | ')} |`);
  console.log(`|---|${rangeKeys.map(() => '---').join('|')}|`);
  for (const cls of corpusClasses) {
    const mine = e.scored.filter((s) => s.cls === cls);
    console.log(`| ${classNames[cls]} | ${rangeKeys.map((k) => range(mine, k)).join(' | ')} |`);
  }
  const small = e.scored.filter((s) => s.sourceProblems.includes('low_resolution'));
  console.log(
    `\nsource images flagged low_resolution by source-image QA: ${new Set(small.map((s) => `${s.person} (${s.side} px)`)).size} characters`,
  );
  for (const s of summary) {
    const wrong =
      s.cls === 'clean' ? s.failed : e.scored.filter((x) => x.cls === s.cls && x.verdict.verdict !== 'fail');
    for (const w of wrong) {
      const why = w.verdict.reasons
        .map((r) => `${r.severity} ${r.gate} ${r.value?.toFixed(3) ?? ''}`)
        .join(', ');
      const source = `${w.side} px${w.sourceProblems.length ? `, ${w.sourceProblems.join('/')}` : ''}`;
      console.log(
        `${s.cls === 'clean' ? 'false positive' : `missed ${s.cls}`}: ${w.person} (${source}): ${why || 'no gate'}`,
      );
    }
  }
  console.log('');
  for (const r of qaRows(e)) console.log(`${r.measure} | ${r.target} | ${r.measured} | ${r.ok ? '✔' : '✘'}`);
}

if (process.argv[1] === import.meta.filename) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const profile = (arg('--profile') ?? 'standard') as QaProfile;
  if (!qaProfiles.includes(profile)) throw new Error(`--profile must be one of ${qaProfiles.join(', ')}`);
  const e = await evaluateQa(profile);
  printReport(e);
  const dump = arg('--dump');
  if (dump) fs.writeFileSync(dump, JSON.stringify(e.scored, null, 1));
  console.log(`QA evaluation took ${e.seconds.toFixed(1)} s`);
}
