// HTTP for user management (admin) and the signed-in user's profile.
import {
  changePasswordBodySchema,
  createUserBodySchema,
  createUserResponseSchema,
  idParamsSchema,
  resetPasswordResponseSchema,
  updateProfileBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
} from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/guards.js';
import { noContent, problems } from '../../platform/http/responses.js';
import { toUser } from './dto.js';
import type { UsersService } from './service.js';

const security = [{ bearer: [] }];

export const meRoutes =
  (users: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['me'], security };
    app.get(
      '/me',
      {
        config: { guard: 'authenticated' },
        schema: { ...base, summary: 'The signed-in user', response: { 200: userSchema, ...problems } },
      },
      async (req) => toUser(req.user!),
    );
    app.patch(
      '/me',
      {
        config: { guard: 'profile.manage' },
        schema: {
          ...base,
          summary: 'Update your profile',
          body: updateProfileBodySchema,
          response: { 200: userSchema, ...problems },
        },
      },
      async (req) => users.updateProfile(contextOf(req), req.body.displayName),
    );
    app.post(
      '/me/password',
      {
        config: { guard: 'profile.manage' },
        schema: {
          ...base,
          summary: 'Change your password',
          body: changePasswordBodySchema,
          response: { 204: noContent, ...problems },
        },
      },
      async (req, reply) => {
        await users.changePassword(contextOf(req), req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send();
      },
    );
  };

export const userRoutes =
  (users: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { guard: 'users.manage' as const };
    const base = { tags: ['users'], security };
    app.get(
      '/users',
      {
        config,
        schema: {
          ...base,
          summary: 'List users',
          querystring: userListQuerySchema,
          response: { 200: userPageSchema, ...problems },
        },
      },
      async (req) => users.list(req.query),
    );
    app.post(
      '/users',
      {
        config,
        schema: {
          ...base,
          summary: 'Create a user',
          description:
            'Without a password a random one is generated, returned once, and must be changed at first sign-in.',
          body: createUserBodySchema,
          response: { 201: createUserResponseSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await users.create(contextOf(req), req.body)),
    );
    app.get(
      '/users/:id',
      {
        config,
        schema: {
          ...base,
          summary: 'Get a user',
          params: idParamsSchema,
          response: { 200: userSchema, ...problems },
        },
      },
      async (req) => users.get(req.params.id),
    );
    app.patch(
      '/users/:id',
      {
        config,
        schema: {
          ...base,
          summary: 'Change a user: display name, role, or active (deactivate / reactivate)',
          description:
            'Deactivating ends all of the user’s sessions at once. The last active admin cannot be demoted.',
          params: idParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userSchema, ...problems },
        },
      },
      async (req) => users.update(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/users/:id/reset-password',
      {
        config,
        schema: {
          ...base,
          summary: 'Reset a user’s password',
          description:
            'Generates a temporary password (returned once), ends the user’s sessions and clears a lockout.',
          params: idParamsSchema,
          response: { 200: resetPasswordResponseSchema, ...problems },
        },
      },
      async (req) => users.resetPassword(contextOf(req), req.params.id),
    );
  };
