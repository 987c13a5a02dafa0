import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.js';

describe('checkPasswordPolicy', () => {
  it('accepts a long, unrelated password', () => {
    expect(checkPasswordPolicy('violet-harbour-71', { email: 'ada@studio.test' })).toEqual([]);
  });

  it('requires the minimum length, counting characters not bytes', () => {
    expect(checkPasswordPolicy('short-pw')).toContain('must be at least 12 characters');
    expect(checkPasswordPolicy('ÿÿÿÿÿÿabcdef')).toEqual([]);
    expect(checkPasswordPolicy('abcdefgh', {}, { minLength: 8, maxLength: 256 })).toEqual([]);
  });

  it('refuses over-long, padded, repetitive and common passwords', () => {
    expect(checkPasswordPolicy('a1'.repeat(200))).toContain('must be at most 256 characters');
    expect(checkPasswordPolicy(' padded-password ')).toContain('must not start or end with spaces');
    expect(checkPasswordPolicy('aaaaaaaaaaaaaaab')).toContain('must use more than two different characters');
    expect(checkPasswordPolicy('Password1234')).toContain('is a commonly used password');
  });

  it('refuses passwords containing the email name or display name', () => {
    expect(checkPasswordPolicy('margaret-2026!!', { email: 'margaret@studio.test' })).toContain(
      'must not contain your email name',
    );
    expect(checkPasswordPolicy('i-am-Grace-Hopper', { displayName: 'Grace' })).toContain(
      'must not contain your name',
    );
    // very short names would reject too much
    expect(checkPasswordPolicy('the-bob-password', { email: 'bob@studio.test' })).toEqual([]);
  });
});
