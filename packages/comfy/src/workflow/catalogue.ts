// Reading node class specs from an /object_info catalogue: input order, widget inputs, combo options.
import type { InputSpec, NodeClassInfo } from '../types.js';

export interface InputDef {
  name: string;
  spec: InputSpec;
  required: boolean;
}

const PRIMITIVES = new Set(['INT', 'FLOAT', 'STRING', 'BOOLEAN', 'COMBO']);

/** Inputs in widget order: `input_order` where the server gives it, else key order; required then optional. */
export function orderedInputs(info: NodeClassInfo): InputDef[] {
  const out: InputDef[] = [];
  for (const section of ['required', 'optional'] as const) {
    const specs = info.input?.[section] ?? {};
    const order = info.input_order?.[section] ?? Object.keys(specs);
    for (const name of order) {
      const spec = specs[name];
      if (spec) out.push({ name, spec, required: section === 'required' });
    }
  }
  return out;
}

/** A widget (a value typed into the node) rather than a socket fed by a link. */
export function isWidget(spec: InputSpec): boolean {
  const t = spec[0];
  return Array.isArray(t) || (typeof t === 'string' && PRIMITIVES.has(t));
}

export function specOptions(spec: InputSpec): Record<string, unknown> {
  return (spec[1] as Record<string, unknown> | undefined) ?? {};
}

/** The allowed values of a combo input, or null when the input is not a combo. */
export function comboOptions(spec: InputSpec): unknown[] | null {
  if (Array.isArray(spec[0])) return spec[0];
  if (spec[0] === 'COMBO') {
    const o = specOptions(spec).options;
    return Array.isArray(o) ? o : [];
  }
  return null;
}

/** The socket type name of an input (`MODEL`, `IMAGE`, `INT`…; `COMBO` for lists). */
export function specType(spec: InputSpec): string {
  return Array.isArray(spec[0]) ? 'COMBO' : String(spec[0]);
}

/** Socket types match when equal, either is `*`, or one lists the other (`IMAGE,MASK`). */
export function typesCompatible(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const as = a.split(',');
  const bs = b.split(',');
  return as.some((x) => bs.includes(x));
}
