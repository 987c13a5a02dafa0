#!/usr/bin/env node
// `i2v-comfy-sim`: runs the simulated ComfyUI server standalone.
import { parseArgs } from 'node:util';
import { startComfySim } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8188' },
    host: { type: 'string', default: '127.0.0.1' },
    speed: { type: 'string', default: '1' },
    'gpu-name': { type: 'string' },
    'data-dir': { type: 'string' },
    profile: { type: 'string', default: 'current' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'i2v-comfy-sim [--port 8188] [--host 127.0.0.1] [--speed 1] [--gpu-name NAME] [--data-dir DIR] [--profile current|legacy]',
  );
  process.exit(0);
}

const sim = await startComfySim({
  port: Number(values.port),
  host: values.host,
  speed: Number(values.speed),
  gpuName: values['gpu-name'],
  dataDir: values['data-dir'],
  profile: values.profile === 'legacy' ? 'legacy' : 'current',
});
console.log(`comfy-sim ready on ${sim.url} (data in ${sim.config.dataDir})`);
const shutdown = () => {
  void sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
