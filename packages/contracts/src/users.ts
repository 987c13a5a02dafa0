import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';

export const roles = ['admin', 'creator', 'reviewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .email({ error: 'must be an email address' })
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const displayNameSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(120);
/** Length only here; the full policy (PRD-003) is checked by the domain with a precise message. */
export const passwordInputSchema = z.string().min(1, { error: 'must not be empty' }).max(256);

export const userSchema = z
  .object({
    id: publicIdSchema,
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: isoDateTime.nullable(),
    lastLoginAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.strictObject({
  ...pageQueryShape,
  q: z.string().trim().max(200).optional().describe('Matches email or display name'),
  role: roleSchema.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
});
export const userPageSchema = pageSchema(userSchema).meta({ id: 'UserPage' });

export const createUserBodySchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordInputSchema
    .optional()
    .describe('Initial password; when omitted a random one is generated and returned once'),
});
export const createUserResponseSchema = z.object({
  user: userSchema,
  temporaryPassword: z.string().nullable().describe('Shown once; null when a password was supplied'),
});

export const updateUserBodySchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'at least one field is required' });

export const resetPasswordResponseSchema = z.object({
  temporaryPassword: z.string().describe('Shown once; the user must change it at next login'),
});
