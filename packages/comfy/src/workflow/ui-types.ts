// The parts of the UI ("workflow") format that conversion reads; schema 0.4 and schema 1.

export interface UiNodeInput {
  name: string;
  type: string;
  link: number | null;
  widget?: { name: string };
}

export interface UiNodeOutput {
  name: string;
  type: string;
  links?: number[] | null;
}

export interface UiNode {
  id: number | string;
  type: string;
  mode?: number;
  title?: string;
  inputs?: UiNodeInput[];
  outputs?: UiNodeOutput[];
  widgets_values?: unknown[] | Record<string, unknown>;
  properties?: Record<string, unknown>;
  pos?: unknown;
  size?: unknown;
  order?: number;
  flags?: unknown;
}

/** Schema 0.4 link: `[id, origin_id, origin_slot, target_id, target_slot, type]`. */
export type UiLinkArray = [number, number | string, number, number | string, number, string];

/** Schema 1 link object. */
export interface UiLinkObject {
  id: number;
  origin_id: number | string;
  origin_slot: number;
  target_id: number | string;
  target_slot: number;
  type: string;
  parentId?: number;
}

export interface UiWorkflow {
  nodes: UiNode[];
  links?: (UiLinkArray | UiLinkObject)[];
  groups?: unknown[];
  version?: number;
  last_node_id?: number;
  last_link_id?: number;
  extra?: Record<string, unknown>;
  definitions?: { subgraphs?: unknown[] };
  [key: string]: unknown;
}
