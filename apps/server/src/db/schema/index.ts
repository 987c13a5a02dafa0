export * from './audit.js';
export * from './characters.js';
export * from './imports.js';
export * from './projects.js';
export * from './scene-types.js';
export * from './scenes.js';
export * from './tags.js';
export * from './users.js';
