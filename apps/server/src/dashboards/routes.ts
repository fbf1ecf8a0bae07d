import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '@qiao/contracts';
import type { Deps } from '../context';
import { forbidden } from '../lib/errors';
import { publicStats } from './public';
import { AnnualQuery, AnnualReport, PublicQuery, PublicStats, RebuildResult, Summary, SummaryQuery } from './schemas';
import { annualReport, dashboardSummary } from './summary';
import { syncDashboards } from './sync';
import { annualWorkbook, summaryWorkbook } from './xlsx';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cockpit's API: live figures over the petitions the user may see, each with its drill-down filter. */
export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/summary',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'KPI tiles with last year, monthly trend, breakdowns, jurisdiction and unit rankings (by received month)',
          querystring: SummaryQuery,
          response: { 200: Summary, ...errors },
        },
      },
      async (req) => dashboardSummary(deps, await req.user(), req.query),
    );

    app.get(
      '/summary.xlsx',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'The same view as an Excel workbook',
          querystring: SummaryQuery,
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const s = await dashboardSummary(deps, await req.user(), req.query);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="dashboard-${s.period.from}-${s.period.to}.xlsx"`)
          .send(await summaryWorkbook(s));
      },
    );

    app.get(
      '/annual-report',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'Figures of the annual report (Art. 41): totals by domain, most-petitioned units, routing, supervision, suggestions adopted',
          querystring: AnnualQuery,
          response: { 200: AnnualReport, ...errors },
        },
      },
      async (req) => annualReport(deps, await req.user(), req.query.year, req.query.jurisdiction ?? null),
    );

    app.get(
      '/annual-report.xlsx',
      { schema: { tags: ['dashboards'], summary: 'The annual report figures as an Excel workbook', querystring: AnnualQuery, produces: [XLSX] } },
      async (req, reply) => {
        const r = await annualReport(deps, await req.user(), req.query.year, req.query.jurisdiction ?? null);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="annual-report-${r.year}.xlsx"`)
          .send(await annualWorkbook(r));
      },
    );

    app.post(
      '/rebuild',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'Recompute every rollup from the petitions (administrators; after importing data by hand)',
          response: { 200: RebuildResult, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        if (user.role !== 'admin') throw forbidden({ zh: '仅系统管理员可以重建统计', en: 'Only administrators may rebuild the statistics' });
        return syncDashboards(deps, { rebuild: true });
      },
    );
  };

/** Public figures for the portal: no login, no personal data, small cells suppressed. */
export const publicStatsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/stats',
      {
        schema: {
          tags: ['portal'],
          summary: 'Public figures: monthly volumes, domains, on-time and satisfaction rates by county (cells under 5 withheld)',
          security: [],
          querystring: PublicQuery,
          response: { 200: PublicStats, 400: ErrorBody },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return publicStats(deps, req.query);
      },
    );
  };
