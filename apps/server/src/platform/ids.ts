import { v7 } from 'uuid';

/** Public ids are UUIDv7: time-ordered, safe to expose in URLs and the external API. */
export const newPublicId = (): string => v7();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => uuidPattern.test(s);
