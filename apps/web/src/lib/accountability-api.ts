import type { SupervisionReason } from '@qiao/core';
import { ApiError, request, type Detail } from './api';

// Supervision and accountability (issue 5): supervision drafts, leader ownership (包案), backlog ledgers
// (积案台账), official documents and in-app notifications. The server's zod schemas for these live with its
// routes (apps/server/src/ownership, ledgers, documents, notifications); the shapes below mirror them.

/** A supervision notice the deadline sweep drafted for the petition office (GET /api/supervision-drafts). */
export interface SupervisionDraft {
  id: string;
  petitionId: string;
  trackingCode: string;
  title: string;
  /** The petition's version now: issuing needs it (a stale one is a 409). */
  version: number;
  unitId: string;
  unitName: string;
  clock: string;
  dueOn: string;
  note: string;
  /** The reason the notice gives unless the office chooses another (unrouted for the routing deadline). */
  reason: SupervisionReason;
  /** The reasons a notice may give on the petition now (未按规定转送、交办 only while it waits to be routed). */
  reasons: SupervisionReason[];
  status: string;
  /** Whether the core would accept `supervise` for it today; if not, why (the petition moved on): dismiss it. */
  applicable: boolean;
  notApplicable: { zh: string; en: string } | null;
}
export type { SupervisionReason } from '@qiao/core';
export interface SweepResult {
  ran: boolean;
  examined: number;
  sent: Record<string, number>;
  drafts: number;
  /** Of those, drafted for the caller's office (the sweep covers every office). */
  yours: number;
  /** Open drafts set aside because their petition moved on. */
  lapsed: number;
}

export interface PlanStep {
  text: string;
  due: string | null;
  done: boolean;
}
/** The leader who owns a case (包案), the plan and its progress (GET /api/petitions/{id}/owner). */
export interface Ownership {
  petitionId: string;
  leader: { id: string; name: string };
  assignedAt: string;
  plan: { steps: PlanStep[] };
  targetOn: string | null;
  progress: { on: string; text: string; by: string }[];
  status: 'active' | 'resolved';
}
export interface LeaderRef {
  id: string;
  name: string;
}
export interface LedgerSummary {
  id: string;
  name: string;
  jurisdictionCode: string;
  /** Of the entries you may view. */
  open: number;
  resolved: number;
  /** Entries on the ledger you may not view (another area or unit): not listed, counted or exported for you. */
  withheld: number;
}
export interface LedgerEntry {
  id: string;
  position: number;
  petitionId: string;
  trackingCode: string;
  /** Masked (张*), as on the exported sheet. */
  petitioner: string;
  matter: string;
  responsibleUnit: { id: string; name: string };
  ownerLeader: { id: string; name: string } | null;
  measures: string;
  targetOn: string | null;
  progress: string;
  resolved: boolean;
  resolvedOn: string | null;
}
export interface LedgerDetail {
  id: string;
  name: string;
  /** Only the entries you may view; the burndown counts those. */
  entries: LedgerEntry[];
  /** How many other entries are on the ledger, outside what you may view (see LedgerSummary.withheld). */
  withheld: number;
  burndown: { on: string; open: number }[];
}
export interface EntryInput {
  petitionId: string;
  responsibleUnitId: string;
  ownerLeaderUserId?: string | null;
  measures: string;
  targetOn?: string | null;
  progress?: string;
}
export interface EntryPatch {
  responsibleUnitId?: string;
  ownerLeaderUserId?: string | null;
  measures?: string;
  targetOn?: string | null;
  progress?: string;
  resolved?: boolean;
}
export interface RejectedRow {
  row: number;
  column: string;
  message: { zh: string; en: string };
}
export type ImportResult = { ok: true; added: number; updated: number };

export const documentKinds = [
  'receiptNotice',
  'declineNotice',
  'opinion',
  'reviewOpinion',
  'reReviewOpinion',
  'supervisionNotice',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** The event in a petition's history that makes each document issuable (as the server decides). */
export const documentBasis: Record<DocumentKind, string> = {
  receiptNotice: 'accepted',
  declineNotice: 'declined',
  opinion: 'replied',
  reviewOpinion: 'reviewDecided',
  reReviewOpinion: 'reReviewDecided',
  supervisionNotice: 'supervised',
};

export interface AppNotification {
  id: number;
  petitionId: string | null;
  template: string;
  text: string;
  createdAt: string;
  read: boolean;
}

export const accountabilityApi = {
  drafts: () => request<SupervisionDraft[]>('GET', '/supervision-drafts'),
  runSweep: () => request<SweepResult>('POST', '/supervision-drafts/sweep'),
  issueDraft: (d: SupervisionDraft, body: { reason: SupervisionReason; note: string; answerDays?: number }) =>
    /** One transaction on the server; `repeated` when the draft had already been issued (a retry). */
    request<{ ok: boolean; version: number; supervisionId: string; repeated: boolean }>(
      'POST',
      `/supervision-drafts/${d.id}/issue`,
      {
        body: { ...body, expectedVersion: d.version },
      },
    ),
  dismissDraft: (id: string) => request<{ ok: boolean }>('POST', `/supervision-drafts/${id}/dismiss`),

  owner: (petitionId: string) => request<Ownership | null>('GET', `/petitions/${petitionId}/owner`),
  ownerCandidates: (petitionId: string) =>
    request<LeaderRef[]>('GET', `/petitions/${petitionId}/owner/candidates`),
  makeOwner: (petitionId: string, body: { leaderUserId?: string; targetOn?: string; steps?: PlanStep[] }) =>
    request<Ownership>('PUT', `/petitions/${petitionId}/owner`, { body }),
  writePlan: (petitionId: string, body: { steps: PlanStep[]; targetOn: string | null }) =>
    request<Ownership>('PUT', `/petitions/${petitionId}/owner/plan`, { body }),
  recordProgress: (petitionId: string, body: { text: string; resolved: boolean }) =>
    request<Ownership>('POST', `/petitions/${petitionId}/owner/progress`, { body }),

  ledgers: () => request<LedgerSummary[]>('GET', '/ledgers'),
  createLedger: (name: string) => request<LedgerSummary>('POST', '/ledgers', { body: { name } }),
  ledger: (id: string) => request<LedgerDetail>('GET', `/ledgers/${id}`),
  addEntry: (ledgerId: string, body: EntryInput) =>
    request<{ id: string; position: number }>('POST', `/ledgers/${ledgerId}/entries`, { body }),
  updateEntry: (ledgerId: string, entryId: string, body: EntryPatch) =>
    request<{ id: string; resolved: boolean; resolvedOn: string | null }>(
      'PATCH',
      `/ledgers/${ledgerId}/entries/${entryId}`,
      { body },
    ),
  exportLedger: (ledgerId: string) => request<Blob>('GET', `/ledgers/${ledgerId}/export.xlsx`, { raw: true }),
  /** All rows or none: a sheet with any bad row is refused (422) with the rejected rows. */
  importLedger: (ledgerId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ImportResult>('POST', `/ledgers/${ledgerId}/import`, { form });
  },

  /** The server's clock for the printed page's head (GET /api/petitions/{id}/print). */
  printHead: (petitionId: string) =>
    request<{ printedAt: string; today: string }>('GET', `/petitions/${petitionId}/print`),
  /** `supervisionId`: which supervision notice (the latest without one). */
  document: (petitionId: string, kind: DocumentKind, supervisionId?: string) =>
    request<Blob>('GET', `/petitions/${petitionId}/documents/${kind}`, { raw: true, query: supervisionId ? { supervisionId } : {} }),

  notifications: () => request<{ unread: number; items: AppNotification[] }>('GET', '/notifications'),
  markRead: (ids: number[]) => request<{ updated: number }>('POST', '/notifications/read', { body: { ids } }),
};

/** The rows an import refused, from its 422 answer (empty for any other error). */
export function rejectedRows(e: unknown): RejectedRow[] {
  if (!(e instanceof ApiError) || e.status !== 422) return [];
  const rows = (e.body as unknown as { rejected?: unknown }).rejected;
  return Array.isArray(rows) ? (rows as RejectedRow[]) : [];
}

/** Save a fetched file under a name, through a temporary link. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The documents this petition has reached, and that this user may issue (petitioner-addressed ones need a role that may see the petitioner). */
export function documentsReady(detail: Detail, me: { role: string; unitId: string | null }): DocumentKind[] {
  const happened = new Set(detail.timeline.map((e) => e.type));
  const mayNamePetitioner =
    me.role === 'clerk' ||
    me.role === 'leader' ||
    me.role === 'proxyAgent' ||
    ((me.role === 'handler' || me.role === 'unitHead') &&
      me.unitId !== null &&
      detail.currentUnit?.id === me.unitId);
  return documentKinds.filter(
    (k) => happened.has(documentBasis[k]) && (k === 'supervisionNotice' || mayNamePetitioner),
  );
}
