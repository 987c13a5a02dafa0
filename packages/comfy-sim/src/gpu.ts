// Simulated GPU vitals: utilisation, temperature and VRAM drift toward busy or idle levels over time.
export interface GpuSample {
  utilization: number;
  temperature: number;
  vramUsed: number;
}

export class GpuVitals {
  private temperature = 38;
  private vramUsed: number;
  private last = Date.now();
  busy = false;

  constructor(
    private readonly vramTotal: number,
    private readonly random: () => number = Math.random,
  ) {
    this.vramUsed = vramTotal * 0.06;
  }

  sample(now = Date.now()): GpuSample {
    const dt = Math.max(0, (now - this.last) / 1000);
    this.last = now;
    const targetTemp = this.busy ? 76 : 38;
    const targetVram = this.vramTotal * (this.busy ? 0.72 : 0.06);
    const k = 1 - Math.exp(-dt / 4);
    this.temperature += (targetTemp - this.temperature) * k + (this.random() - 0.5) * 0.6;
    this.vramUsed += (targetVram - this.vramUsed) * Math.min(1, k * 3);
    const utilization = this.busy ? 92 + this.random() * 7 : this.random() * 3;
    return {
      utilization: Math.round(utilization),
      temperature: Math.round(this.temperature * 10) / 10,
      vramUsed: Math.round(this.vramUsed),
    };
  }
}
