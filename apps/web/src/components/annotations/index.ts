// On-frame annotation (PRD-070): the drawing overlay, its shape renderer and queries.
export { AnnotationLayer, type AnnotationLayerProps, AnnotationShapes } from './annotation-layer';
export { downloadAnnotatedFrame, fileAnnotationsKey } from './annotation-queries';
