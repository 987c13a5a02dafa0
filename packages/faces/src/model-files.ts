// Loads tfjs graph models from local files: the wasm backend has no file:// loader of its own, and the studio
// must never fetch models from the network.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Tf from '@tensorflow/tfjs-core';

type TfIo = typeof Tf.io;
const routed = new WeakSet<TfIo>();

/** `file://…/` base URL for a folder of `model.json` + `.bin` files; trailing slash included. */
export function folderUrl(folder: string): string {
  const url = pathToFileURL(folder).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/** Reads a graph model (`model.json` and its weight shards) from disk. */
export function fileModelHandler(io: TfIo, modelUrl: string): Tf.io.IOHandler {
  return {
    load: async () => {
      const jsonPath = fileURLToPath(modelUrl);
      const modelJson = JSON.parse(await readFile(jsonPath, 'utf8')) as Tf.io.ModelJSON;
      return io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const dir = path.dirname(jsonPath);
        const shards = await Promise.all(
          manifest.flatMap((group) => group.paths).map((p) => readFile(path.join(dir, p))),
        );
        const joined = Buffer.concat(shards);
        const weightData = joined.buffer.slice(
          joined.byteOffset,
          joined.byteOffset + joined.byteLength,
        ) as ArrayBuffer;
        return [io.getWeightSpecs(manifest), weightData];
      });
    },
  };
}

/** Routes `file://` model URLs to {@link fileModelHandler}; registered once per tfjs instance. */
export function routeModelFiles(io: TfIo): void {
  if (routed.has(io)) return;
  routed.add(io);
  // tfjs types a router as always returning a handler, but treats null as "not mine" (its own routers do that)
  const notMine = null as unknown as Tf.io.IOHandler;
  io.registerLoadRouter((url) =>
    typeof url === 'string' && url.startsWith('file://') ? fileModelHandler(io, url) : notMine,
  );
}
