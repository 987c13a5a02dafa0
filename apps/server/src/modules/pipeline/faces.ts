// The face detector for QA, loaded once per process on first use (about a second) and shared by every QA job.
import { createFaceAnalyzer, type FaceAnalyzer } from '@i2v/faces';
import type { FastifyBaseLogger } from 'fastify';

/** A loader for the shared detector; null when face QA is off or the models cannot load (logged once). */
export function faceAnalyzer(enabled: boolean, log: FastifyBaseLogger): () => Promise<FaceAnalyzer | null> {
  let loading: Promise<FaceAnalyzer | null> | null = null;
  return () => {
    if (!enabled) return Promise.resolve(null);
    loading ??= createFaceAnalyzer().catch((err: unknown) => {
      log.error({ err }, 'the face detector could not load: face and likeness gates are skipped');
      return null;
    });
    return loading;
  };
}
