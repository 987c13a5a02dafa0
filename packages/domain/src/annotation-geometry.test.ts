import { describe, expect, it } from 'vitest';
import { annotationSvg, normaliseRect, shapePrimitives } from './annotation-geometry.js';

describe('annotation geometry', () => {
  it('scales normalised coordinates to the frame', () => {
    expect(
      shapePrimitives(
        { type: 'rect', x: 0.25, y: 0.5, w: 0.5, h: 0.25, color: '#ff0000', stroke: 0.01 },
        200,
        100,
      ),
    ).toEqual([{ kind: 'rect', x: 50, y: 50, width: 100, height: 25, color: '#ff0000', strokeWidth: 2 }]);
    expect(
      shapePrimitives(
        {
          type: 'pen',
          points: [
            [0, 0],
            [1, 1],
          ],
          color: '#00ff00',
          stroke: 0.005,
        },
        400,
        200,
      )[0],
    ).toMatchObject({ kind: 'polyline', points: '0,0 400,200', strokeWidth: 2 });
  });

  it('draws an arrow as a shaft and a head ending on the point', () => {
    const [shaft, head] = shapePrimitives(
      { type: 'arrow', from: [0, 0.5], to: [1, 0.5], color: '#0000ff', stroke: 0.01 },
      100,
      100,
    );
    expect(shaft).toMatchObject({ kind: 'polyline' });
    expect(head).toMatchObject({ kind: 'polygon' });
    expect((head as { points: string }).points.startsWith('100,50 ')).toBe(true);
  });

  it('normalises a rectangle dragged in any direction', () => {
    expect(normaliseRect([0.8, 0.9], [0.2, 0.1])).toEqual({ x: 0.2, y: 0.1, w: 0.6000000000000001, h: 0.8 });
  });

  it('escapes text in the SVG document', () => {
    const svg = annotationSvg(
      [{ type: 'text', x: 0.1, y: 0.5, text: 'hand <here> & "there"', color: '#ffffff', size: 0.1 }],
      100,
      50,
    );
    expect(svg).toContain('hand &lt;here&gt; &amp; &quot;there&quot;');
    expect(svg).toMatch(/^<svg [^>]*width="100" height="50"/);
  });
});
