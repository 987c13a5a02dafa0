import { z } from 'zod';
import { displayNameSchema, passwordInputSchema, userSchema } from './users.js';

export const loginBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, { error: 'must not be empty' }).max(254),
  password: passwordInputSchema,
});
export const sessionSchema = z
  .object({
    accessToken: z.string(),
    expiresIn: z.number().int().describe('Access token lifetime in seconds'),
    user: userSchema,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const updateProfileBodySchema = z.strictObject({ displayName: displayNameSchema });
export const changePasswordBodySchema = z.strictObject({
  currentPassword: passwordInputSchema,
  newPassword: passwordInputSchema,
});
