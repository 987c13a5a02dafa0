export {
  comboOptions,
  type InputDef,
  isWidget,
  orderedInputs,
  specType,
  typesCompatible,
} from './catalogue.js';
export { type Conversion, convertUiToApi } from './convert.js';
export { detectWorkflow, type NotWorkflowReason, type WorkflowDetection } from './detect.js';
export { discoverParameters, type ParameterCategory, type ParameterSlot } from './discover.js';
export { consumers, findCycle, isLink } from './graph.js';
export { isPng, readPngText } from './png.js';
export type { UiLinkArray, UiLinkObject, UiNode, UiNodeInput, UiNodeOutput, UiWorkflow } from './ui-types.js';
export { modelFolderOf, type ValidateOptions, validateWorkflow } from './validate.js';
