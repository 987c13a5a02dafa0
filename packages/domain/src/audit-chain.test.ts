import { describe, expect, it } from 'vitest';
import { type AuditChainRecord, auditHashInput, canonicalJson, genesisHash } from './audit-chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });

  it('is the same for the same content in any key order', () => {
    expect(canonicalJson({ x: 1, y: 'two' })).toBe(canonicalJson({ y: 'two', x: 1 }));
  });
});

describe('auditHashInput', () => {
  const record: AuditChainRecord = {
    occurredAt: '2026-11-25T10:00:00.000Z',
    action: 'user.created',
    actorUserId: '1',
    actorLabel: 'admin@studio.test',
    entityType: 'user',
    entityId: 'abc',
    summary: 'Created creator ada@studio.test',
    details: { role: 'creator' },
    ip: '127.0.0.1',
    requestId: 'r1',
  };

  it('links to the previous hash, so reordering or changing a row changes the input', () => {
    expect(auditHashInput(genesisHash, record).startsWith(`${genesisHash}\n`)).toBe(true);
    expect(auditHashInput('f'.repeat(64), record)).not.toBe(auditHashInput(genesisHash, record));
    expect(auditHashInput(genesisHash, { ...record, summary: 'x' })).not.toBe(
      auditHashInput(genesisHash, record),
    );
  });
});
