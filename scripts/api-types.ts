// Generates the web client's API types from the server's OpenAPI document (openapi-typescript).
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const apiTypesPath = path.resolve(import.meta.dirname, '../apps/web/src/api/schema.d.ts');

const banner =
  '// Generated from /api/v1/openapi.json by `npm run gen:api`. Do not edit; a test fails when stale.\n';

export async function renderApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return banner + astToString(ast);
}

export function readCheckedInApiTypes(): string | null {
  return fs.existsSync(apiTypesPath) ? fs.readFileSync(apiTypesPath, 'utf8') : null;
}
