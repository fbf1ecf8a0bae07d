/** The dashboard endpoints' shapes live in the shared contracts (the cockpit page uses them); the names the server uses. */
export {
  AnnualReportQuery as AnnualQuery,
  AnnualReport,
  PublicStatsQuery as PublicQuery,
  PublicStats,
  DashboardRebuildResult as RebuildResult,
  DashboardSummary as Summary,
  DashboardSummaryQuery as SummaryQuery,
} from '@qiao/contracts';
