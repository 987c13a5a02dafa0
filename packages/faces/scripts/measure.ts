// Prints load time, detect time and similarity figures on the sample faces, for choosing QA thresholds.
// Run: node --import tsx packages/faces/scripts/measure.ts
import {
  cosineSimilarity,
  createFaceAnalyzer,
  type DetectedFace,
  loadRgb,
  type RgbImage,
  sampleFaces,
} from '../src/index.js';

const ms = (since: number) => Math.round(performance.now() - since);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (values: number[]) =>
  values.length === 0
    ? 'none'
    : `n=${values.length} min=${Math.min(...values).toFixed(3)} max=${Math.max(...values).toFixed(3)} ` +
      `mean=${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(3)}`;

let started = performance.now();
const analyzer = await createFaceAnalyzer();
console.log(`first createFaceAnalyzer: ${ms(started)} ms`);
started = performance.now();
await (await createFaceAnalyzer()).close();
console.log(`second createFaceAnalyzer: ${ms(started)} ms`);

const samples = sampleFaces();
const square = samples.find((s) => s.region.width === s.region.height && s.region.width >= 512)!;
const image512 = await loadRgb(square.file, 512, square.region);
started = performance.now();
const [face] = await analyzer.detect(image512);
console.log(`first detect ${image512.width}×${image512.height}: ${ms(started)} ms`);
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  started = performance.now();
  await analyzer.detect(image512);
  times.push(performance.now() - started);
}
console.log(
  `detect ${image512.width}×${image512.height}, one face: median of 10 ${Math.round(median(times))} ms`,
);
const group = await loadRgb(samples[0]!.file, 1024);
started = performance.now();
const groupFaces = await analyzer.detect(group);
console.log(`detect ${group.width}×${group.height}, ${groupFaces.length} faces: ${ms(started)} ms`);
console.log(`embedding length: ${face!.embedding.length}`);

const firstFace = async (image: RgbImage): Promise<DetectedFace | undefined> =>
  (await analyzer.detect(image))[0];
const resized: number[] = [];
const cropped: number[] = [];
const described: { person: string; file: string; embedding: number[]; score: number }[] = [];
for (const sample of samples) {
  const base = await firstFace(await loadRgb(sample.file, 512, sample.region));
  if (!base) {
    console.log(`no face in ${sample.person} ${sample.file}`);
    continue;
  }
  described.push({ person: sample.person, file: sample.file, embedding: base.embedding, score: base.score });
  const { x, y, width, height } = sample.region;
  const small = await firstFace(
    await loadRgb(sample.file, Math.round(Math.max(width, height) * 0.5), sample.region),
  );
  if (small) resized.push(cosineSimilarity(base.embedding, small.embedding));
  const dx = Math.round(width * 0.06);
  const dy = Math.round(height * 0.06);
  const tighter = { x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy };
  const crop = await firstFace(await loadRgb(sample.file, 512, tighter));
  if (crop) cropped.push(cosineSimilarity(base.embedding, crop.embedding));
}
const same: number[] = [];
const different: number[] = [];
const differentSamePhoto: number[] = [];
for (const [i, a] of described.entries()) {
  for (const b of described.slice(i + 1)) {
    const similarity = cosineSimilarity(a.embedding, b.embedding);
    if (a.person === b.person) same.push(similarity);
    else (a.file === b.file ? differentSamePhoto : different).push(similarity);
  }
}
console.log(`detector score of the sample faces: ${summary(described.map((d) => d.score))}`);
console.log(`same face, photo at half size: ${summary(resized)}`);
console.log(`same face, photo cropped 6% on each side: ${summary(cropped)}`);
console.log(`same person, other picture: ${summary(same)}`);
console.log(`different persons, same photo: ${summary(differentSamePhoto)}`);
console.log(`different persons, other photos: ${summary(different)}`);
console.log(`different persons, all: ${summary([...different, ...differentSamePhoto])}`);
await analyzer.close();
