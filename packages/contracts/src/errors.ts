// Stable error codes and the RFC 9457 problem+json shape every API error uses.
import { z } from 'zod';

export const errorCodes = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.body_too_large': 413,
  'request.unsupported_media_type': 415,
  'request.rate_limited': 429,
  'route.not_found': 404,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.token_expired': 401,
  'auth.token_invalid': 401,
  'auth.refresh_invalid': 401,
  'auth.refresh_reused': 401,
  'auth.account_locked': 423,
  'auth.account_inactive': 403,
  'auth.forbidden': 403,
  'auth.password_policy': 422,
  'auth.password_incorrect': 422,
  'user.not_found': 404,
  'user.email_taken': 409,
  'user.cannot_modify_self': 409,
  'user.last_admin': 409,
  'audit.not_found': 404,
  'request.version_conflict': 412,
  'project.not_found': 404,
  'project.name_taken': 409,
  'project.locked': 409,
  'project.illegal_transition': 409,
  'project.deleted': 409,
  'project.metadata_schema_invalid': 422,
  'character.metadata_invalid': 422,
  'variant_type.not_found': 404,
  'variant_type.in_use': 409,
  'scene_type.not_found': 404,
  'scene_type.name_taken': 409,
  'scene_type.invalid': 422,
  'character.not_found': 404,
  'character.name_taken': 409,
  'image.missing_file': 400,
  'image.too_large': 413,
  'image.unsupported_format': 415,
  'image.unreadable': 422,
  'image.too_many_pixels': 422,
  'image.duplicate': 409,
  'image.not_found': 404,
  'media.not_found': 404,
  'import.not_found': 404,
  'import.empty': 422,
  'import.unsafe_path': 422,
  'import.archive_invalid': 422,
  'import.too_large': 413,
  'import.too_many_files': 413,
  'import.wrong_state': 409,
  'import.has_errors': 422,
  'import.nothing_to_import': 422,
  'media.link_expired': 403,
  'variant_type.slug_taken': 409,
  'variant_type.default_required': 409,
  'variant_type.default_prefix': 422,
  'variant_type.prefix_required': 422,
  'internal.error': 500,
  'service.unavailable': 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorCodes;

export const fieldErrorSchema = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. `body.email`'),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code'),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
