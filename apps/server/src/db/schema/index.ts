export * from './audit.js';
export * from './projects.js';
export * from './users.js';
