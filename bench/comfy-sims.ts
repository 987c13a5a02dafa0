// Helper process for bench/comfy.ts: starts N comfy-sims and prints their URLs as one JSON line.
import { startComfySim } from '@i2v/comfy-sim';

const n = Number(process.argv[2] ?? 50);
const sims = await Promise.all(Array.from({ length: n }, () => startComfySim({})));
console.log(JSON.stringify(sims.map((s) => s.url)));
process.on('SIGTERM', () => {
  void Promise.all(sims.map((s) => s.stop())).then(() => process.exit(0));
});
