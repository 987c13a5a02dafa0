export { buildCatalogue, type Catalogue } from './catalogue.js';
export { DEFAULT_MODELS, type SimConfig, type SimFaults, type SimModels, type SimOptions } from './config.js';
export { Engine } from './engine.js';
export { type RenderSpec, renderArgs, renderSegment } from './render.js';
export { type ComfySim, startComfySim } from './server.js';
export { pyRepr, type Validation, validatePrompt } from './validate.js';
