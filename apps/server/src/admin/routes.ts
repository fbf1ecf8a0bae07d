import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HolidayDataError, isValidJurisdictionCode, jurisdictionLevel, parentJurisdiction } from '@qiao/core';
import {
  ClockSettingsView,
  ErrorBody,
  Id,
  JurisdictionBody,
  JurisdictionView,
  UnitAdminView,
  UnitBody,
  UnitPatch,
  UserBody,
  UserPatch,
  UserView,
} from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { jurisdictions, units, users } from '../db/schema';
import { hashPassword } from '../lib/crypto';
import { AppError, badRequest, forbidden, notFound } from '../lib/errors';
import { routingChanged } from '../analysis/routing';
import { isUniqueViolation } from '../petitions/repo';
import { jurisdictionExists } from '../units/repo';
import { refreshDeadlines } from '../settings/refresh-deadlines';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

async function requireAdmin(user: Promise<SessionUser>) {
  const u = await user;
  if (u.role !== 'admin')
    throw forbidden({ zh: '仅系统管理员可以进行此操作', en: 'Only administrators can do this' }, 'adminOnly');
  return u;
}

const conflict = (what: string, en: string) =>
  new AppError(409, 'alreadyExists', { zh: `${what}已存在`, en: `${en} already exists` });

function userView(u: typeof users.$inferSelect) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as z.infer<typeof UserView>['role'],
    unitId: u.unitId,
    jurisdictionCode: u.jurisdictionCode,
    active: u.active,
  };
}

async function checkPlacement(deps: Deps, body: { unitId?: string | null; jurisdictionCode?: string }) {
  if (body.jurisdictionCode !== undefined && !(await jurisdictionExists(deps.db, body.jurisdictionCode)))
    throw badRequest(
      'unknownJurisdiction',
      { zh: `jurisdictionCode：找不到行政区划 ${body.jurisdictionCode}`, en: `jurisdictionCode: no jurisdiction ${body.jurisdictionCode}` },
      { field: 'jurisdictionCode' },
    );
  if (body.unitId) {
    const [u] = await deps.db.select({ id: units.id }).from(units).where(eq(units.id, body.unitId));
    if (!u)
      throw badRequest('unknownUnit', { zh: `unitId：找不到单位 ${body.unitId}`, en: `unitId: no unit ${body.unitId}` }, { field: 'unitId' });
  }
}

/** Jurisdictions, units, users and the clock settings. Reading the directory is open to all staff. */
export const adminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // ----- directory (any signed-in user: pickers need it) -----
    app.get(
      '/jurisdictions',
      { schema: { tags: ['directory'], summary: 'The jurisdiction tree (flat, with parents)', response: { 200: z.array(JurisdictionView), ...errors } } },
      async (req) => {
        await req.user();
        return deps.db.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
      },
    );
    app.get(
      '/units',
      { schema: { tags: ['directory'], summary: 'All units', response: { 200: z.array(UnitAdminView), ...errors } } },
      async (req) => {
        await req.user();
        const rows = await deps.db.select().from(units).orderBy(asc(units.jurisdictionCode), asc(units.id));
        return rows.map((u) => ({ ...u, kind: u.kind as z.infer<typeof UnitBody>['kind'], domains: u.domains as never }));
      },
    );

    // ----- jurisdictions -----
    app.post(
      '/jurisdictions',
      { schema: { tags: ['admin'], summary: 'Add a jurisdiction', body: JurisdictionBody, response: { 201: JurisdictionView, ...errors } } },
      async (req, reply) => {
        await requireAdmin(req.user());
        const { code, name } = req.body;
        if (!isValidJurisdictionCode(code))
          throw badRequest('invalidJurisdictionCode', { zh: `code：${code} 不是有效的行政区划代码`, en: `code: ${code} is not a valid GB/T 2260 code` }, { field: 'code' });
        const parentCode = req.body.parentCode ?? parentJurisdiction(code);
        if (parentCode && !(await jurisdictionExists(deps.db, parentCode)) && req.body.parentCode)
          throw badRequest('unknownJurisdiction', { zh: `parentCode：找不到上级区划 ${parentCode}`, en: `parentCode: no jurisdiction ${parentCode}` }, { field: 'parentCode' });
        const row = { code, name, parentCode: parentCode && (await jurisdictionExists(deps.db, parentCode)) ? parentCode : null, level: jurisdictionLevel(code) };
        try {
          await deps.db.insert(jurisdictions).values(row);
          routingChanged();
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict(`行政区划 ${code} `, `Jurisdiction ${code}`);
          throw e;
        }
        return reply.code(201).send(row);
      },
    );
    app.patch(
      '/jurisdictions/:code',
      {
        schema: {
          tags: ['admin'],
          summary: 'Rename a jurisdiction',
          params: z.object({ code: z.string() }),
          body: z.object({ name: z.string().trim().min(1).max(100) }),
          response: { 200: JurisdictionView, ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        const [row] = await deps.db.update(jurisdictions).set({ name: req.body.name }).where(eq(jurisdictions.code, req.params.code)).returning();
        routingChanged();
        if (!row) throw notFound({ zh: '该行政区划', en: 'jurisdiction' });
        return row;
      },
    );

    // ----- units -----
    app.post(
      '/units',
      { schema: { tags: ['admin'], summary: 'Add a unit', body: UnitBody, response: { 201: UnitAdminView, ...errors } } },
      async (req, reply) => {
        await requireAdmin(req.user());
        await checkPlacement(deps, { jurisdictionCode: req.body.jurisdictionCode });
        try {
          const [row] = await deps.db.insert(units).values({ ...req.body, createdAt: deps.now() }).returning();
          routingChanged();
          return reply.code(201).send({ ...req.body, active: row?.active ?? true });
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict(`单位 ${req.body.id} `, `Unit ${req.body.id}`);
          throw e;
        }
      },
    );
    app.patch(
      '/units/:id',
      { schema: { tags: ['admin'], summary: 'Change or deactivate a unit', params: z.object({ id: z.string() }), body: UnitPatch, response: { 200: UnitAdminView, ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        await checkPlacement(deps, { jurisdictionCode: req.body.jurisdictionCode });
        if (Object.keys(req.body).length === 0) throw badRequest('emptyPatch', { zh: '没有要修改的内容', en: 'Nothing to change' });
        const [row] = await deps.db.update(units).set(req.body).where(eq(units.id, req.params.id)).returning();
        routingChanged();
        if (!row) throw notFound({ zh: '该单位', en: 'unit' });
        return { ...row, kind: row.kind as never, domains: row.domains as never };
      },
    );

    // ----- users -----
    app.get(
      '/users',
      { schema: { tags: ['admin'], summary: 'All users', response: { 200: z.array(UserView), ...errors } } },
      async (req) => {
        await requireAdmin(req.user());
        return (await deps.db.select().from(users).orderBy(asc(users.username))).map(userView);
      },
    );
    app.post(
      '/users',
      { schema: { tags: ['admin'], summary: 'Add a user', body: UserBody, response: { 201: UserView, ...errors } } },
      async (req, reply) => {
        await requireAdmin(req.user());
        await checkPlacement(deps, req.body);
        const { password, ...rest } = req.body;
        try {
          const [row] = await deps.db
            .insert(users)
            .values({ id: randomUUID(), ...rest, unitId: rest.unitId ?? null, passwordHash: await hashPassword(password), createdAt: deps.now() })
            .returning();
          return reply.code(201).send(userView(row!));
        } catch (e) {
          if (isUniqueViolation(e)) throw conflict(`用户名 ${req.body.username} `, `Username ${req.body.username}`);
          throw e;
        }
      },
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change a user: role, unit, password, or deactivate (ends their sessions)',
          params: z.object({ id: Id }),
          body: UserPatch,
          response: { 200: UserView, ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        await checkPlacement(deps, req.body);
        const { password, ...rest } = req.body;
        const set: Partial<typeof users.$inferInsert> = { ...rest };
        if (password) set.passwordHash = await hashPassword(password);
        // A new password or a deactivation invalidates every token issued before.
        const [row] = await deps.db
          .update(users)
          .set({ ...set, tokenGeneration: password || rest.active === false ? sql`${users.tokenGeneration} + 1` : undefined })
          .where(eq(users.id, req.params.id))
          .returning();
        if (!row) throw notFound({ zh: '该用户', en: 'user' });
        return userView(row);
      },
    );

    // ----- clock settings -----
    const clockView = () => {
      const { calendar, settings } = deps.clockSettings.get();
      return { dayCounting: settings.dayCounting, years: calendar.years(), provisionalYears: calendar.provisionalYears() };
    };
    app.get(
      '/settings/clocks',
      { schema: { tags: ['admin'], summary: 'Day counting and the years the holiday calendar knows', response: { 200: ClockSettingsView, ...errors } } },
      async (req) => {
        await req.user();
        return clockView();
      },
    );
    app.put(
      '/settings/clocks',
      {
        schema: {
          tags: ['admin'],
          summary: 'Count the law’s days as calendar days (default) or working days',
          body: z.object({ dayCounting: z.enum(['calendar', 'working']) }),
          response: { 200: ClockSettingsView, ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        await deps.clockSettings.setDayCounting(req.body.dayCounting);
        await refreshDeadlines(deps);
        return clockView();
      },
    );
    app.get(
      '/settings/holidays',
      { schema: { tags: ['admin'], summary: 'The holiday calendar in use (shipped + imported)' } },
      async (req) => {
        await req.user();
        return deps.clockSettings.holidays();
      },
    );
    app.post(
      '/settings/holidays',
      {
        schema: {
          tags: ['admin'],
          summary: 'Import the State Council’s holiday arrangement: {years: {YYYY: {holidays, workdays}}}',
          body: z.unknown(),
          response: { 200: z.object({ imported: z.array(z.number().int()) }), ...errors },
        },
      },
      async (req) => {
        await requireAdmin(req.user());
        try {
          const imported = await deps.clockSettings.importHolidays(req.body);
          await refreshDeadlines(deps);
          return { imported };
        } catch (e) {
          if (e instanceof HolidayDataError) throw badRequest('invalidHolidayData', { zh: `节假日数据有误：${e.message}`, en: e.message });
          throw e;
        }
      },
    );
  };

