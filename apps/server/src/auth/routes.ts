import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, LoginBody, LoginResponse } from '@qiao/contracts';
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
  };
