export { createFaceAnalyzer, FACE_MODEL } from './analyzer.js';
export { loadRgb } from './image.js';
export { type SampleFace, sampleFaces } from './samples.js';
export { cosineSimilarity, normalize } from './similarity.js';
export type { DetectedFace, FaceAnalyzer, FaceAnalyzerOptions, FaceBox, RgbImage } from './types.js';
export { EMBEDDING_LENGTH } from './types.js';
