// How worker facts read: "24 GiB", "18.2 / 24 GiB (76 %)", "71 °C".
import type { Worker } from '@/api/types';

export function formatGib(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  const gib = bytes / 2 ** 30;
  return `${gib >= 10 ? Math.round(gib) : gib.toFixed(1)} GiB`;
}

export function formatVram(worker: Worker): string {
  const used = worker.vitals?.vramUsedBytes;
  const total = worker.vitals?.vramTotalBytes ?? worker.vramTotalBytes;
  if (used == null || !total) return formatGib(total);
  return `${formatGib(used)} / ${formatGib(total)} (${Math.round((used / total) * 100)} %)`;
}

export function formatTemperature(c: number | null | undefined): string {
  return c == null ? '—' : `${Math.round(c)} °C`;
}

export const adminStateLabels: Record<Worker['adminState'], string> = {
  enabled: 'Enabled',
  draining: 'Draining',
  disabled: 'Disabled',
  decommissioned: 'Decommissioned',
};

export const healthLabels: Record<Worker['health'], string> = {
  unknown: 'Not checked yet',
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
};

/** ComfyUI names devices like `cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync`; people read the model. */
export function formatGpuName(name: string | null): string {
  if (!name) return '—';
  return name.replace(/^\w+:\d+\s+/, '').replace(/\s+:\s+\S+$/, '');
}

/** Capability tags as the server takes them: lower-case words, optionally `key:value`, e.g. `gpu:24gb`. */
export const capabilityTagPattern = /^[a-z0-9][a-z0-9._-]{0,31}(:[a-z0-9][a-z0-9._-]{0,31})?$/;
