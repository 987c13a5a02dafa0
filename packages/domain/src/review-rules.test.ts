import { describe, expect, it } from 'vitest';
import { decisionRefusal, reviewStateOf } from './review-rules.js';

const seg = (status: string, flagged = false) => ({ status, flagged });

describe('review rules', () => {
  it('puts every reviewable segment in exactly one state, a flag first', () => {
    expect(reviewStateOf('qa_pass', false)).toBe('unreviewed');
    expect(reviewStateOf('qa_fail', false)).toBe('unreviewed');
    expect(reviewStateOf('approved', false)).toBe('approved');
    expect(reviewStateOf('rejected', false)).toBe('rejected');
    for (const s of ['qa_pass', 'approved', 'rejected']) expect(reviewStateOf(s, true)).toBe('flagged');
  });

  it('reviews only segments that QA has checked', () => {
    for (const s of ['pending', 'generating', 'failed', 'cancelled']) {
      expect(decisionRefusal('approve', seg(s))).toMatch(/once it is generated and checked/);
      expect(decisionRefusal('flag', seg(s))).not.toBeNull();
    }
    expect(decisionRefusal('approve', seg('generating'))).toContain('still generating');
  });

  it('approves and rejects what is not decided that way yet, or settles a flag', () => {
    expect(decisionRefusal('approve', seg('qa_fail'))).toBeNull();
    expect(decisionRefusal('approve', seg('rejected'))).toBeNull();
    expect(decisionRefusal('approve', seg('approved'))).toBe('This segment is approved already.');
    expect(decisionRefusal('approve', seg('approved', true))).toBeNull();
    expect(decisionRefusal('reject', seg('approved'))).toBeNull();
    expect(decisionRefusal('reject', seg('rejected'))).toContain('rejected already');
    expect(decisionRefusal('reject', seg('rejected'), true)).toBeNull();
  });

  it('flags what is not flagged and unflags what is', () => {
    expect(decisionRefusal('flag', seg('qa_pass'))).toBeNull();
    expect(decisionRefusal('flag', seg('qa_pass', true))).toBe('This segment is flagged already.');
    expect(decisionRefusal('unflag', seg('qa_pass', true))).toBeNull();
    expect(decisionRefusal('unflag', seg('approved'))).toBe('This segment is not flagged.');
  });
});
