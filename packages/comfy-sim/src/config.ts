// comfy-sim settings and the fault-injection vocabulary shared by server config and per-prompt `extra_data.sim`.

/** Frame defects comfy-sim can render (see `SimFaults.frames`). */
export type SimFrameDefect = 'black' | 'frozen' | 'drift' | 'noface' | 'jump' | 'swap';

/**
 * Faults a prompt can be asked to suffer. Set server-wide with `startComfySim({ faults })`, or per prompt with
 * `extra_data: { sim: { … } }` in `POST /prompt` (per-prompt keys win).
 */
export interface SimFaults {
  /** Raise `execution_error` when this node (by id or class_type) starts. */
  failAt?: string;
  /** Exception text/type for failAt (default a CUDA out-of-memory error). */
  failMessage?: string;
  failType?: string;
  /** Stop progressing in the sampler for this long (ms); `-1` stalls until interrupted. */
  stallMs?: number;
  /** Multiply every simulated duration (2 = twice as slow). */
  slowdown?: number;
  /** Close every WebSocket once the sampler is half done (clients reconnect; the run carries on). */
  dropSocket?: boolean;
  /** Restart the server once the sampler is half done: queue, history and cache are lost. */
  restart?: boolean;
  /**
   * Frame defects in the rendered video: `black` (second half black), `frozen` (no motion), `drift` (colours drift),
   * `noface` (a blurred, hue-rotated clip in which no face can be found), `jump` (mirrored, zoomed and brighter
   * from the first frame: a discontinuous start), `swap` (cross-fades to `swapImage` over the first half).
   */
  frames?: SimFrameDefect;
  /** For `frames: 'swap'`: an input image (uploaded with `/upload/image`) showing another person. */
  swapImage?: string;
  /** Replace the saved video with unreadable bytes (the run still succeeds). */
  corrupt?: boolean;
  /** Delay between execution_success and the history write (#11540). */
  historyDelayMs?: number;
}

export interface SimModels {
  checkpoints: string[];
  loras: string[];
  vae: string[];
  diffusion_models: string[];
  text_encoders: string[];
  clip_vision: string[];
  [folder: string]: string[];
}

export interface SimOptions {
  port?: number;
  host?: string;
  /** Render speed multiplier: 2 = twice as fast as default (a 5 s 16 fps 512² segment takes ~1–2 s at 1). */
  speed?: number;
  gpuName?: string;
  vramTotalBytes?: number;
  /** Where input/, output/ and temp/ live; default a fresh temp dir. */
  dataDir?: string;
  models?: Partial<SimModels>;
  /** Request body limit in bytes (413 above it); default 100 MiB like ComfyUI. */
  maxUploadSize?: number;
  /** `current`: ComfyUI 0.3.64 with the /api alias. `legacy`: bare routes only, no comfyui_version (pre-0.1). */
  profile?: 'current' | 'legacy';
  /** `any` (0.3.64) or `uuid` (newer servers: a prompt_id must be a lower-case UUID). */
  promptIdMode?: 'any' | 'uuid';
  faults?: SimFaults;
  version?: string;
  /** Send JPEG sampler previews (like `--preview-method auto`); a prompt can ask with `extra_data.preview_method`. */
  previews?: boolean;
  /** Called right before each WebSocket text frame is written (tests and benchmarks time delivery with it). */
  tap?: (clientId: string, text: string) => void;
}

export interface SimConfig extends Required<Omit<SimOptions, 'models' | 'faults' | 'dataDir' | 'tap'>> {
  dataDir: string;
  models: SimModels;
  faults: SimFaults;
}

export const DEFAULT_MODELS: SimModels = {
  checkpoints: ['wan2.1_i2v_480p_14B_fp8.safetensors', 'sd_xl_base_1.0.safetensors'],
  loras: ['i2v-motion-v1.safetensors', 'character-style.safetensors'],
  vae: ['wan_2.1_vae.safetensors'],
  diffusion_models: ['wan2.1_i2v_480p_14B_fp8_e4m3fn.safetensors'],
  text_encoders: ['umt5_xxl_fp8_e4m3fn_scaled.safetensors'],
  clip_vision: ['clip_vision_h.safetensors'],
  embeddings: ['easynegative.safetensors'],
  upscale_models: [],
  controlnet: [],
};

export function resolveConfig(options: SimOptions, dataDir: string): SimConfig {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    speed: options.speed ?? 1,
    gpuName: options.gpuName ?? 'NVIDIA GeForce RTX 4090',
    vramTotalBytes: options.vramTotalBytes ?? 24 * 1024 ** 3,
    dataDir,
    models: { ...DEFAULT_MODELS, ...(options.models as Partial<SimModels>) } as SimModels,
    maxUploadSize: options.maxUploadSize ?? 100 * 1024 * 1024,
    profile: options.profile ?? 'current',
    promptIdMode: options.promptIdMode ?? 'any',
    faults: options.faults ?? {},
    version: options.version ?? '0.3.64',
    previews: options.previews ?? false,
  };
}
