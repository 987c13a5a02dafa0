// The frame-accurate player (PRD-083) and the lockstep that drives several players with one transport.
export { CinemaMode, type CinemaModeProps } from './cinema';
export { proxyUrlOf, spriteUrlOf } from './media-urls';
export { playerKeys } from './player-keys';
export { createLockstep, type Lockstep, type LockstepOptions } from './sync';
export { type PlayerHandle, VideoPlayer, type VideoPlayerProps } from './video-player';
