export * from './audit-chain.js';
export * from './lockout.js';
export * from './naming.js';
export * from './password-policy.js';
export * from './permissions.js';
export * from './project-lifecycle.js';
export * from './prompt-template.js';
export * from './scene-matrix.js';
