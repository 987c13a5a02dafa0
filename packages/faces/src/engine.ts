// Loads `@vladmandic/human` on the tfjs wasm backend, fully offline: wasm binaries and models come from the
// installed npm packages.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Tf from '@tensorflow/tfjs-core';
import type { Config, Human } from '@vladmandic/human';
import { folderUrl, routeModelFiles } from './model-files.js';

const require = createRequire(import.meta.url);

/** Root folder of the installed `@vladmandic/human`. Its `exports` keys for the dist files lack the leading `./`,
 * so Node cannot resolve `dist/human.node-wasm.js` by name: go through the main entry (resolved, never loaded, as
 * it needs tfjs-node). */
export const HUMAN_ROOT = path.resolve(path.dirname(require.resolve('@vladmandic/human')), '..');
const HUMAN_ENTRY = path.join(HUMAN_ROOT, 'dist/human.node-wasm.js');
/** The models shipped inside `@vladmandic/human`. */
export const MODELS_DIR = path.join(HUMAN_ROOT, 'models');
/** Folder of the `.wasm` binaries; the backend wants a trailing slash. */
export const WASM_DIR = `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}${path.sep}`;

interface HumanModule {
  Human: new (config?: Partial<Config>) => Human;
}

export type HumanEngine = Human & { tf: typeof Tf };

/** Face detector + face mesh (alignment, face score) + FaceRes description; everything else off. */
export function humanConfig(maxFaces: number, minScore: number): Partial<Config> {
  const off = { enabled: false };
  return {
    backend: 'wasm',
    wasmPath: WASM_DIR,
    wasmPlatformFetch: false,
    modelBasePath: folderUrl(MODELS_DIR),
    cacheModels: false,
    validateModels: false,
    debug: false,
    async: true,
    warmup: 'none',
    // results from an earlier call must never stand in for this one: scores must depend on the image alone
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false, return: false },
    gesture: off,
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        // straighten the face before describing it: same-person similarity rises by a few hundredths
        rotation: true,
        maxDetected: maxFaces,
        // Human reads 0 as "unset" and then demands 1, which would drop every face
        minConfidence: Math.max(minScore, 0.001),
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      attention: off,
      iris: off,
      emotion: off,
      antispoof: off,
      liveness: off,
      description: { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0, minConfidence: 0 },
    } as Partial<Config['face']> as Config['face'],
    body: off,
    hand: off,
    object: off,
    segmentation: off,
  } as Partial<Config>;
}

/** A loaded Human. Its models live in module scope inside the library, so later instances reuse them. */
export async function loadHuman(config: Partial<Config>): Promise<HumanEngine> {
  const restoreListeners = keepProcessListeners();
  let human: HumanEngine;
  try {
    const { Human: HumanClass } = require(HUMAN_ENTRY) as HumanModule;
    human = new HumanClass(config) as HumanEngine;
    routeModelFiles(human.tf.io);
    await human.load();
  } finally {
    restoreListeners();
  }
  const wanted = ['blazeface', 'faceres', ...(human.config.face.mesh?.enabled ? ['facemesh'] : [])];
  const missing = wanted.filter((name) => !human.models.models[name]);
  if (missing.length > 0)
    throw new Error(`face models failed to load from ${MODELS_DIR}: ${missing.join(', ')}`);
  return human;
}

// The emscripten glue of the wasm backend adds process-wide `uncaughtException` / `unhandledRejection` listeners
// that rethrow, which would override the host's own handling; take back whatever loading added.
function keepProcessListeners(): () => void {
  const uncaught = new Set(process.listeners('uncaughtException'));
  const unhandled = new Set(process.listeners('unhandledRejection'));
  return () => {
    for (const listener of process.listeners('uncaughtException')) {
      if (!uncaught.has(listener)) process.removeListener('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!unhandled.has(listener)) process.removeListener('unhandledRejection', listener);
    }
  };
}
