export * from './audit-chain.js';
export * from './lockout.js';
export * from './password-policy.js';
export * from './permissions.js';
