// On-frame annotations (PRD-070): shapes stored with coordinates normalised 0–1 to the frame, drawn at any size. The
// same geometry draws the overlay in the browser and the exported PNG on the server, so both look alike.

export type AnnotationPoint = readonly [number, number];

export type AnnotationShapeInput =
  | { type: 'pen'; points: readonly AnnotationPoint[]; color: string; stroke: number }
  | { type: 'arrow'; from: AnnotationPoint; to: AnnotationPoint; color: string; stroke: number }
  | { type: 'rect'; x: number; y: number; w: number; h: number; color: string; stroke: number }
  | { type: 'text'; x: number; y: number; text: string; color: string; size: number };

/** One SVG element to draw, in pixels of a `width × height` frame. */
export type SvgPrimitive =
  | { kind: 'polyline'; points: string; color: string; strokeWidth: number }
  | { kind: 'polygon'; points: string; color: string }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string; strokeWidth: number }
  | { kind: 'text'; x: number; y: number; fontSize: number; color: string; text: string; outline: number };

const round = (n: number) => Math.round(n * 100) / 100;
const pts = (list: readonly (readonly [number, number])[]) =>
  list.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');

/** A rectangle's corners may be given in any order; the stored one is normalised to positive width and height. */
export function normaliseRect(
  a: AnnotationPoint,
  b: AnnotationPoint,
): { x: number; y: number; w: number; h: number } {
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  const x = clamp(Math.min(a[0], b[0]));
  const y = clamp(Math.min(a[1], b[1]));
  return { x, y, w: clamp(Math.max(a[0], b[0])) - x, h: clamp(Math.max(a[1], b[1])) - y };
}

/** The SVG elements of one shape on a `width × height` frame. */
export function shapePrimitives(shape: AnnotationShapeInput, width: number, height: number): SvgPrimitive[] {
  const px = (p: AnnotationPoint): [number, number] => [p[0] * width, p[1] * height];
  switch (shape.type) {
    case 'pen':
      return [
        {
          kind: 'polyline',
          points: pts(shape.points.map(px)),
          color: shape.color,
          strokeWidth: round(shape.stroke * width),
        },
      ];
    case 'rect':
      return [
        {
          kind: 'rect',
          x: round(shape.x * width),
          y: round(shape.y * height),
          width: round(shape.w * width),
          height: round(shape.h * height),
          color: shape.color,
          strokeWidth: round(shape.stroke * width),
        },
      ];
    case 'arrow': {
      const sw = shape.stroke * width;
      const [x1, y1] = px(shape.from);
      const [x2, y2] = px(shape.to);
      const length = Math.hypot(x2 - x1, y2 - y1);
      const head = Math.min(Math.max(sw * 4, width * 0.02), length * 0.6 || sw * 4);
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const spread = Math.PI / 7;
      const left: [number, number] = [
        x2 - head * Math.cos(angle - spread),
        y2 - head * Math.sin(angle - spread),
      ];
      const right: [number, number] = [
        x2 - head * Math.cos(angle + spread),
        y2 - head * Math.sin(angle + spread),
      ];
      // the shaft stops where the head begins, so a thick line does not poke through the point
      const base: [number, number] = [x2 - head * 0.8 * Math.cos(angle), y2 - head * 0.8 * Math.sin(angle)];
      return [
        { kind: 'polyline', points: pts([[x1, y1], base]), color: shape.color, strokeWidth: round(sw) },
        { kind: 'polygon', points: pts([[x2, y2], left, right]), color: shape.color },
      ];
    }
    case 'text': {
      const fontSize = round(shape.size * height);
      return [
        {
          kind: 'text',
          x: round(shape.x * width),
          y: round(shape.y * height),
          fontSize,
          color: shape.color,
          text: shape.text,
          outline: round(Math.max(1, fontSize / 12)),
        },
      ];
    }
  }
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** A standalone SVG document of the shapes on a transparent `width × height` frame. */
export function annotationSvg(
  shapes: readonly AnnotationShapeInput[],
  width: number,
  height: number,
): string {
  const body = shapes
    .flatMap((s) => shapePrimitives(s, width, height))
    .map((p) => {
      switch (p.kind) {
        case 'polyline':
          return `<polyline points="${p.points}" fill="none" stroke="${p.color}" stroke-width="${p.strokeWidth}" stroke-linecap="round" stroke-linejoin="round"/>`;
        case 'polygon':
          return `<polygon points="${p.points}" fill="${p.color}"/>`;
        case 'rect':
          return `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" fill="none" stroke="${p.color}" stroke-width="${p.strokeWidth}" stroke-linejoin="round"/>`;
        default:
          return `<text x="${p.x}" y="${p.y}" font-family="sans-serif" font-weight="bold" font-size="${p.fontSize}" fill="${p.color}" stroke="#000000" stroke-width="${p.outline}" paint-order="stroke">${escapeXml(p.text)}</text>`;
      }
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
