import { describe, expect, it } from 'vitest';
import { segmentCountFor } from './segment-count.js';

describe('segmentCountFor', () => {
  it('rounds up to whole segments and lets the tolerance save a segment', () => {
    expect(segmentCountFor(15, 5, 0)).toBe(3);
    expect(segmentCountFor(16, 5, 0)).toBe(4);
    expect(segmentCountFor(16, 5, 1.5)).toBe(3);
    expect(segmentCountFor(0.3 * 3, 0.3, 0)).toBe(3);
    expect(segmentCountFor(5, 5, 4.9)).toBe(1);
  });

  it('refuses durations that cannot make a chain', () => {
    expect(() => segmentCountFor(10, 0, 0)).toThrow(RangeError);
    expect(() => segmentCountFor(10, 5, -1)).toThrow(RangeError);
  });
});
