// The simulated fleet (I2V_SIM_WORKERS): comfy-sims started in this process at boot, registered as workers
// `sim-1…N` (the same rows across restarts, with their new URLs), stopped at shutdown.
import { ComfyHttp } from '@i2v/comfy';
import type { ComfySim } from '@i2v/comfy-sim';
import { systemContext } from '../../platform/request-context.js';
import type { WorkersService } from './service.js';

export interface SimFleet {
  sims: ComfySim[];
  stop(): Promise<void>;
}

export async function startSimFleet(
  workers: WorkersService,
  count: number,
  log: { warn(obj: object, msg: string): void },
): Promise<SimFleet> {
  // loaded only when sims are wanted: the simulator is not needed by CLI commands or real fleets
  const { startComfySim } = await import('@i2v/comfy-sim');
  const sims: ComfySim[] = [];
  try {
    for (let i = 1; i <= count; i++) {
      const sim = await startComfySim({ port: 0, host: '127.0.0.1' });
      sims.push(sim);
      const info = await new ComfyHttp(sim.url, { timeoutMs: 5000 }).probe();
      const name = `sim-${i}`;
      const saved = await workers.upsertSimulated(systemContext, name, sim.url, info);
      if (!saved)
        log.warn({ name, url: sim.url }, 'a registered worker holds this name; the sim is not used');
    }
  } catch (err) {
    await Promise.all(sims.map((s) => s.stop().catch(() => undefined)));
    throw err;
  }
  return {
    sims,
    stop: async () => {
      await Promise.all(sims.map((s) => s.stop().catch(() => undefined)));
    },
  };
}
