import { expect } from 'vitest';
import type { TestContext } from './app';
import { intake } from './app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Call the API as a seeded user. */
export async function call(
  t: TestContext,
  user: string | null,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const auth: Record<string, string> = user ? { authorization: `Bearer ${await t.token(user)}` } : {};
  return t.app.inject({ method, url, payload: payload as never, headers: { ...auth, ...headers } });
}

export async function register(t: TestContext, overrides: Record<string, unknown> = {}, user = 'clerk') {
  const res = await call(t, user, 'POST', '/api/petitions', intake(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{
    id: string;
    trackingCode: string;
    trackingSecret: string;
    version: number;
    status: string;
    deadlines: Record<string, string>;
  }>();
}

/** Run a command, expecting success; returns the new version. */
export async function command(t: TestContext, user: string, id: string, name: string, body: Record<string, unknown> = {}) {
  const current = await call(t, user, 'GET', `/api/petitions/${id}`);
  expect(current.statusCode, current.body).toBe(200);
  const version = (current.json<{ version: number }>()).version;
  const res = await call(t, user, 'POST', `/api/petitions/${id}/${name}`, { ...body, expectedVersion: version });
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return res.json<{ version: number; status: string; deadlines: Record<string, string> }>();
}
