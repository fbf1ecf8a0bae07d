// /api/analysis: intake suggestions, similar petitions, hotspots, alerts; admin: routing rules, alert rule.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domains } from '@qiao/core';
import type { Deps } from '../context';
import { badRequest } from '../lib/errors';
import { jurisdictionExists, requireUnit } from '../units/repo';
import { ErrorBody } from '@qiao/contracts';
import { alertRule, setAlertRule } from './alerts';
import { mergePetitions } from './merge';
import { deleteRule, effectiveRules, loadRouting, seedDefaultRules, setRule } from './routing';
import {
  AlertQuery,
  AlertRuleBody,
  AlertView,
  HotspotQuery,
  HotspotResponse,
  MergeBody,
  MergeResult,
  RoutingRuleBody,
  RoutingRuleKey,
  RoutingRuleView,
  SimilarResponse,
  SuggestBody,
  SuggestResponse,
} from '@qiao/contracts';
import { errors } from './schemas';
import { alerts, hotspots, requireAdmin, similarTo, suggest } from './service';

const tags = ['analysis'];

export const analysisRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/suggest',
      {
        schema: {
          tags,
          summary: 'Intake suggestions: domain, category and litigation-relatedness with the words that drove them; earlier petitions about the same matter with reasons; territorial and subject units',
          body: SuggestBody,
          response: { 200: SuggestResponse, ...errors },
        },
      },
      async (req) => suggest(deps, await req.user(), req.body),
    );
    app.get(
      '/petitions/:id/similar',
      {
        schema: {
          tags,
          summary: 'Petitions about the same matter as this one (that you may see), ranked, with reasons',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).optional() }),
          response: { 200: SimilarResponse, ...errors },
        },
      },
      async (req) => similarTo(deps, await req.user(), req.params.id, req.query.limit),
    );
    app.post(
      '/petitions/:id/merge',
      {
        schema: {
          tags,
          summary: '合并 Merge single petitions about the same matter into this one as a collective petition (headcount, at most 5 representatives); each merged one ends as merged and keeps its tracking code',
          params: z.object({ id: z.uuid() }),
          body: MergeBody,
          response: { 200: MergeResult, ...errors, 422: ErrorBody },
        },
      },
      async (req) => mergePetitions(deps, await req.user(), req.params.id, req.body),
    );
    app.get(
      '/hotspots',
      {
        schema: {
          tags,
          summary: '热点 Clusters by respondent, place + domain and repeat chain: counts, weekly trend, petitions',
          querystring: HotspotQuery,
          response: { 200: HotspotResponse, ...errors },
        },
      },
      async (req) => hotspots(deps, await req.user(), req.query),
    );
    app.get(
      '/alerts',
      { schema: { tags, summary: '预警 Alerts addressed to your unit or raised in your area', querystring: AlertQuery, response: { 200: z.array(AlertView), ...errors } } },
      async (req) => alerts(deps, await req.user(), req.query.days, req.query.limit),
    );

    // ---- admin ----
    app.get(
      '/alert-rule',
      { schema: { tags, summary: 'The alert rule: cluster size and window', response: { 200: AlertRuleBody, ...errors } } },
      async (req) => {
        await req.user();
        return alertRule(deps.db);
      },
    );
    app.put(
      '/alert-rule',
      { schema: { tags, summary: 'Change the alert rule (admin)', body: AlertRuleBody, response: { 200: AlertRuleBody, ...errors } } },
      async (req) => {
        requireAdmin(await req.user());
        await setAlertRule(deps.db, req.body, deps.now());
        return alertRule(deps.db);
      },
    );
    app.get(
      '/routing-rules',
      {
        schema: {
          tags,
          summary: 'Subject routing (属事) per jurisdiction and domain: admins’ rules and the defaults from units’ fields (admin)',
          response: { 200: z.array(RoutingRuleView), ...errors },
        },
      },
      async (req) => {
        requireAdmin(await req.user());
        return effectiveRules(await loadRouting(deps.db), domains);
      },
    );
    app.put(
      '/routing-rules',
      { schema: { tags, summary: 'Set the subject unit of a domain in a jurisdiction (admin)', body: RoutingRuleBody, response: { 200: z.array(RoutingRuleView), ...errors } } },
      async (req) => {
        const user = await req.user();
        requireAdmin(user);
        const { jurisdictionCode, domain, unitId } = req.body;
        if (!(await jurisdictionExists(deps.db, jurisdictionCode)))
          throw badRequest('unknownJurisdiction', { zh: `jurisdictionCode：找不到行政区划 ${jurisdictionCode}`, en: `jurisdictionCode: no jurisdiction ${jurisdictionCode}` }, { field: 'jurisdictionCode' });
        if (unitId !== null) await requireUnit(deps.db, unitId, 'unitId');
        await setRule(deps.db, jurisdictionCode, domain, unitId, user.userId, deps.now());
        return effectiveRules(await loadRouting(deps.db), domains).filter((r) => r.jurisdictionCode === jurisdictionCode);
      },
    );
    app.delete(
      '/routing-rules/:jurisdictionCode/:domain',
      { schema: { tags, summary: 'Remove a rule (back to the default) (admin)', params: RoutingRuleKey, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        requireAdmin(await req.user());
        await deleteRule(deps.db, req.params.jurisdictionCode, req.params.domain);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/routing-rules/defaults',
      { schema: { tags, summary: 'Write the defaults as explicit rules where none exists (admin)', response: { 200: z.object({ added: z.number().int() }), ...errors } } },
      async (req) => {
        requireAdmin(await req.user());
        return { added: await seedDefaultRules(deps.db, domains, deps.now()) };
      },
    );
  };
