// Poster frames of characters and scenes (PRD-096).
export { PosterControl, type PosterControlProps } from './poster-control';
export { type PosterOwner, posterKey, usePoster, usePosterActions } from './poster-queries';
