import type { z } from 'zod';
import type { RateMeasure } from '@qiao/core';
import type { AnnualReport as AnnualReportSchema, DashboardSummary, DrillFilter, HotspotResponse } from '@qiao/contracts';
import { request } from './api';

/** The cockpit's calls: /api/dashboards (figures, exports, annual report) and /api/analysis/hotspots. */

export type Summary = z.infer<typeof DashboardSummary>;
export type Tile = Summary['tiles'][number];
export type Breakdown = Summary['byDomain'][number];
export type TrendPoint = Summary['trend'][number];
export type JurisdictionRow = Summary['jurisdictions'][number];
export type UnitRow = Summary['units'][number];
export type AnnualReport = z.infer<typeof AnnualReportSchema>;
export type Drill = z.infer<typeof DrillFilter>;

export interface CockpitFilter {
  /** YYYY-MM */
  from: string;
  /** YYYY-MM */
  to: string;
  /** A GB/T 2260 code, or undefined for everything the user may see. */
  jurisdiction?: string | undefined;
}

/** GET /api/analysis/hotspots. */
export type Hotspots = z.infer<typeof HotspotResponse>;

const query = (f: CockpitFilter) => ({ from: f.from, to: f.to, jurisdiction: f.jurisdiction });

export const cockpitApi = {
  summary: (f: CockpitFilter) => request<Summary>('GET', '/dashboards/summary', { query: query(f) }),
  summaryXlsx: (f: CockpitFilter) =>
    request<Blob>('GET', '/dashboards/summary.xlsx', { query: query(f), raw: true }),
  annualReport: (year: number, jurisdiction?: string) =>
    request<AnnualReport>('GET', '/dashboards/annual-report', { query: { year, jurisdiction } }),
  annualReportXlsx: (year: number, jurisdiction?: string) =>
    request<Blob>('GET', '/dashboards/annual-report.xlsx', { query: { year, jurisdiction }, raw: true }),
  /** The hotspots of the cockpit's period and jurisdiction (always within what the user may see). */
  hotspots: (f: CockpitFilter, minSize: number, limit = 10) =>
    request<Hotspots>('GET', '/analysis/hotspots', { query: { ...query(f), minSize, limit } }),
};

/** The petition list behind a figure: the inbox's "all" tab with the figure's filters in the URL. */
export const drillPath = (d: Drill) => `/inbox/all${d.query ? `?${d.query}` : ''}`;

/** A group's petitions narrowed to those a rate counts (a unit's row, then its on-time rate). */
export function withMeasure(d: Drill, measure: RateMeasure): Drill {
  const params = { ...d.params, measure };
  return { params, query: new URLSearchParams(params).toString() };
}

/** Saves a downloaded file under a name (the browser's ordinary download). */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
