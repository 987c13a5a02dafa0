export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './errors.js';
export * from './health.js';
export * from './image-variant-types.js';
export * from './projects.js';
export * from './users.js';
