import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, LoginBody, LoginOptions, LoginResponse } from '@qiao/contracts';
import type { Deps } from '../context';
import { login } from './actor';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; returns a bearer token',
          security: [],
          body: LoginBody,
          response: { 200: LoginResponse, 401: ErrorBody },
        },
      },
      async (req) => login(deps, req.body.username, req.body.password),
    );

    app.get(
      '/options',
      {
        schema: {
          tags: ['auth'],
          summary: 'What the sign-in page may say before anyone signs in (whether this is the demo)',
          security: [],
          response: { 200: LoginOptions },
        },
      },
      async () => ({ demo: deps.demo === true }),
    );
  };
