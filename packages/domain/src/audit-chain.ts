// The canonical text of an audit event that its hash covers; the chain links each event to the one before.

export interface AuditChainRecord {
  occurredAt: string;
  action: string;
  actorUserId: string | null;
  actorLabel: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  details: unknown;
  ip: string | null;
  requestId: string | null;
}

export const genesisHash = '0'.repeat(64);

/** Stable JSON: object keys sorted at every depth so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHashInput(prevHash: string, record: AuditChainRecord): string {
  return `${prevHash}\n${canonicalJson(record)}`;
}
