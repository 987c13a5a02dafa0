// Helper process for the benchmarks: starts N comfy-sims and prints their URLs as one JSON line. An optional second
// argument is the sims' options as JSON (`SimOptions`, e.g. '{"speed":0.2}' or '{"faults":{"slowdown":4}}').
import { type SimOptions, startComfySim } from '@i2v/comfy-sim';

const n = Number(process.argv[2] ?? 50);
const options = JSON.parse(process.argv[3] ?? '{}') as SimOptions;
const sims = await Promise.all(Array.from({ length: n }, () => startComfySim(options)));
console.log(JSON.stringify(sims.map((s) => s.url)));
process.on('SIGTERM', () => {
  void Promise.all(sims.map((s) => s.stop())).then(() => process.exit(0));
});
