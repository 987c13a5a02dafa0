import { describe, expect, it } from 'vitest';
import { argon2Hasher, generatePassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with Argon2id and verifies only the right password', async () => {
    const h = await argon2Hasher.hash('violet-harbour-71');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await argon2Hasher.verify(h, 'violet-harbour-71')).toBe(true);
    expect(await argon2Hasher.verify(h, 'violet-harbour-72')).toBe(false);
    expect(await argon2Hasher.verify('not-a-hash', 'x')).toBe(false);
  });

  it('generates distinct 20-character passwords without ambiguous characters', () => {
    const all = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(all.size).toBe(200);
    for (const p of all) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
  });
});
