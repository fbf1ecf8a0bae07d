import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { addDays, can, canAssignTo, compareDates, isIsoDate, isWithin, type PetitionScope } from '@qiao/core';
import { keepsLedgers } from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { ledgerEntries, ledgers, petitioners, petitions, units, users } from '../db/schema';
import { normaliseTrackingCode } from '../lib/crypto';
import { AppError, badRequest, forbidden, notFound } from '../lib/errors';
import { cannotOwn, mayOwn, owningLeader } from '../ownership/leaders';
import { maskTitles } from '../petitions/read';
import { scopeColumns, scopeOf } from '../petitions/repo';

type EntryRow = typeof ledgerEntries.$inferSelect;

/** The columns Chinese petition offices use for a backlog ledger, in order. */
export const LEDGER_COLUMNS = [
  '序号',
  '信访件编号',
  '信访人',
  '反映问题',
  '责任单位',
  '包案领导',
  '化解措施',
  '化解时限',
  '进展情况',
  '是否化解',
] as const;

const ledgerNotFound = () => notFound({ zh: '该台账', en: 'ledger' });

function mayEdit(actor: SessionUser) {
  if (!keepsLedgers(actor.role))
    throw forbidden({ zh: '只有信访部门和领导可以管理积案台账', en: 'Only the petition office and leaders manage backlog ledgers' });
}

async function loadLedger(deps: Deps, actor: SessionUser, id: string) {
  const [ledger] = await deps.db.select().from(ledgers).where(eq(ledgers.id, id));
  if (!ledger || !isWithin(ledger.jurisdictionCode, actor.jurisdictionCode) && !isWithin(actor.jurisdictionCode, ledger.jurisdictionCode))
    throw ledgerNotFound();
  return ledger;
}

export async function createLedger(deps: Deps, actor: SessionUser, name: string) {
  mayEdit(actor);
  const row = { id: randomUUID(), jurisdictionCode: actor.jurisdictionCode, name, createdBy: actor.userId, createdAt: deps.now() };
  await deps.db.insert(ledgers).values(row);
  return { id: row.id, name, jurisdictionCode: row.jurisdictionCode, open: 0, resolved: 0 };
}

/** Ledgers in the actor's area; open and resolved count only the entries the actor may view (see `entriesFor`). */
export async function listLedgers(deps: Deps, actor: SessionUser) {
  const rows = (await deps.db.select().from(ledgers).orderBy(asc(ledgers.createdAt))).filter(
    (l) => isWithin(l.jurisdictionCode, actor.jurisdictionCode) || isWithin(actor.jurisdictionCode, l.jurisdictionCode),
  );
  const { shown, withheld } = await entriesFor(deps, actor, rows.map((r) => r.id));
  return rows.map((l) => {
    const mine = shown.filter((e) => e.entry.ledgerId === l.id);
    return {
      id: l.id,
      name: l.name,
      jurisdictionCode: l.jurisdictionCode,
      open: mine.filter((e) => !e.entry.resolved).length,
      resolved: mine.filter((e) => e.entry.resolved).length,
      withheld: withheld.get(l.id) ?? 0,
    };
  });
}

type ShownEntry = { entry: EntryRow; petition: Pick<typeof petitions.$inferSelect, 'id' | 'trackingCode' | 'title'> };

/**
 * The ledgers' entries split by what the actor may see of their petitions (core's `can(actor, 'view')`, as a
 * petition's own page): `shown` in ledger order, with the petition; `withheld` counts, per ledger, the others —
 * except accusations against the actor's unit, which are not even counted: an accused unit must not learn that
 * an accusation against it is on a ledger (for an office, every other petition of its area is in view, so a count
 * would say exactly that). What remains withheld is outside the actor's area or unit.
 */
async function entriesFor(deps: Deps, actor: SessionUser, ledgerIds: string[]) {
  const withheld = new Map<string, number>();
  if (ledgerIds.length === 0) return { shown: [], withheld };
  const rows = await deps.db
    .select({
      entry: ledgerEntries,
      petition: {
        id: petitions.id,
        trackingCode: petitions.trackingCode,
        title: petitions.title,
        ...scopeColumns,
      },
    })
    .from(ledgerEntries)
    .innerJoin(petitions, eq(petitions.id, ledgerEntries.petitionId))
    .where(inArray(ledgerEntries.ledgerId, ledgerIds))
    .orderBy(asc(ledgerEntries.ledgerId), asc(ledgerEntries.position));
  const shown: ShownEntry[] = [];
  for (const r of rows) {
    const permission = can(actor, 'view', scopeOf(r.petition));
    if (permission.allowed) shown.push(r);
    else if (permission.reason !== 'accused') withheld.set(r.entry.ledgerId, (withheld.get(r.entry.ledgerId) ?? 0) + 1);
  }
  return { shown, withheld };
}

/** An entry of the ledger whose petition the actor may view, or 404 (as the petition itself would be). */
async function visibleEntry(deps: Deps, actor: SessionUser, ledgerId: string, entryId: string) {
  const [row] = await deps.db
    .select({ entry: ledgerEntries, petition: petitions })
    .from(ledgerEntries)
    .innerJoin(petitions, eq(petitions.id, ledgerEntries.petitionId))
    .where(and(eq(ledgerEntries.id, entryId), eq(ledgerEntries.ledgerId, ledgerId)));
  if (!row || !can(actor, 'view', scopeOf(row.petition)).allowed) throw notFound({ zh: '该台账条目', en: 'ledger entry' });
  return { entry: row.entry, scope: scopeOf(row.petition) };
}

export interface EntryInput {
  petitionId: string;
  responsibleUnitId: string;
  ownerLeaderUserId?: string | null;
  measures: string;
  targetOn?: string | null;
  progress?: string;
}

export async function addEntry(deps: Deps, actor: SessionUser, ledgerId: string, input: EntryInput) {
  mayEdit(actor);
  const ledger = await loadLedger(deps, actor, ledgerId);
  const [p] = await deps.db.select().from(petitions).where(eq(petitions.id, input.petitionId));
  if (!p || !can(actor, 'view', scopeOf(p)).allowed)
    throw badRequest('unknownPetition', { zh: 'petitionId：找不到该信访事项', en: 'petitionId: no such petition' }, { field: 'petitionId' });
  await checkRefs(deps, scopeOf(p), input.responsibleUnitId, input.ownerLeaderUserId ?? null);
  const existing = await deps.db.select({ position: ledgerEntries.position, petitionId: ledgerEntries.petitionId }).from(ledgerEntries).where(eq(ledgerEntries.ledgerId, ledger.id));
  if (existing.some((e) => e.petitionId === p.id))
    throw new AppError(409, 'alreadyInLedger', { zh: '该信访事项已在台账中', en: 'This petition is already in the ledger' });
  const today = deps.clockSettings.context(deps.now()).today;
  const row: EntryRow = {
    id: randomUUID(),
    ledgerId: ledger.id,
    jurisdictionCode: p.jurisdictionCode,
    petitionId: p.id,
    position: Math.max(0, ...existing.map((e) => e.position)) + 1,
    responsibleUnitId: input.responsibleUnitId,
    ownerLeaderUserId: input.ownerLeaderUserId ?? null,
    measures: input.measures,
    targetOn: input.targetOn ?? null,
    progress: input.progress ?? '',
    resolved: false,
    resolvedOn: null,
    addedOn: today,
    updatedAt: deps.now(),
  };
  await deps.db.insert(ledgerEntries).values(row);
  return row;
}

export async function updateEntry(
  deps: Deps,
  actor: SessionUser,
  ledgerId: string,
  entryId: string,
  patch: { measures?: string; targetOn?: string | null; progress?: string; resolved?: boolean; responsibleUnitId?: string; ownerLeaderUserId?: string | null },
) {
  mayEdit(actor);
  await loadLedger(deps, actor, ledgerId);
  const { entry, scope } = await visibleEntry(deps, actor, ledgerId, entryId);
  await checkRefs(deps, scope, patch.responsibleUnitId, patch.ownerLeaderUserId ?? null);
  const today = deps.clockSettings.context(deps.now()).today;
  const resolvedOn = patch.resolved === undefined ? entry.resolvedOn : patch.resolved ? (entry.resolvedOn ?? today) : null;
  const next = { ...entry, ...patch, resolvedOn, updatedAt: deps.now() };
  await deps.db.update(ledgerEntries).set(next).where(eq(ledgerEntries.id, entryId));
  return next;
}

/** An accusation's 责任单位 is never the unit it accuses (Art. 30), as the core never assigns it there. */
const accusedResponsible = {
  zh: '检举控告类事项的责任单位不得是被检举控告的单位（《信访工作条例》第三十条）',
  en: 'the responsible unit of an accusation may not be the unit it accuses (Art. 30)',
};

/** The responsible unit exists and is not the accused; the 包案领导 may own the petition (as PUT …/owner asks). */
async function checkRefs(deps: Deps, scope: PetitionScope, unitId: string | undefined, leaderId: string | null) {
  if (unitId !== undefined) {
    const [u] = await deps.db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!u) throw badRequest('unknownUnit', { zh: `responsibleUnitId：找不到单位 ${unitId}`, en: `responsibleUnitId: no unit ${unitId}` }, { field: 'responsibleUnitId' });
    if (!canAssignTo(scope, unitId))
      throw new AppError(
        422,
        'accusedUnit',
        { zh: `responsibleUnitId：${accusedResponsible.zh}`, en: `responsibleUnitId: ${accusedResponsible.en}` },
        { field: 'responsibleUnitId' },
      );
  }
  if (leaderId) await owningLeader(deps.db, leaderId, scope, 'ownerLeaderUserId');
}

/**
 * The ledger with the entries the actor may view (petitioner masked), how many others are withheld from them, and
 * the burndown of the entries shown: open entries at the end of each week.
 */
export async function ledgerDetail(deps: Deps, actor: SessionUser, ledgerId: string) {
  const ledger = await loadLedger(deps, actor, ledgerId);
  const { rows, withheld } = await entryRows(deps, actor, ledger.id);
  const today = deps.clockSettings.context(deps.now()).today;
  return { id: ledger.id, name: ledger.name, entries: rows, withheld, burndown: burndown(rows.map((r) => r.entry), today) };
}

/** Open entries at the end of each week from the first entry to today ("清仓见底": down to zero). */
export function burndown(entries: Pick<EntryRow, 'addedOn' | 'resolvedOn'>[], today: string) {
  if (entries.length === 0) return [];
  const first = entries.map((e) => e.addedOn).sort()[0]!;
  const out: { on: string; open: number }[] = [];
  for (let d = first; compareDates(d, today) <= 0; d = addDays(d, 7)) out.push({ on: d, open: openOn(entries, d) });
  if (out[out.length - 1]?.on !== today) out.push({ on: today, open: openOn(entries, today) });
  return out;
}

function openOn(entries: Pick<EntryRow, 'addedOn' | 'resolvedOn'>[], d: string) {
  return entries.filter((e) => compareDates(e.addedOn, d) <= 0 && (e.resolvedOn === null || compareDates(e.resolvedOn, d) > 0)).length;
}

async function entryRows(deps: Deps, actor: SessionUser, ledgerId: string) {
  const { shown, withheld } = await entriesFor(deps, actor, [ledgerId]);
  return { rows: await presentEntries(deps, shown), withheld: withheld.get(ledgerId) ?? 0 };
}

async function presentEntries(deps: Deps, shown: ShownEntry[]) {
  if (shown.length === 0) return [];
  const entries = shown.map((s) => s.entry);
  const ids = entries.map((e) => e.petitionId);
  const ps = await maskTitles(deps.db, deps.keys, shown.map((s) => s.petition));
  const people = await deps.db
    .select({ petitionId: petitioners.petitionId, name: petitioners.nameMasked })
    .from(petitioners)
    .where(and(inArray(petitioners.petitionId, ids), eq(petitioners.position, 0)));
  const unitRows = await deps.db.select({ id: units.id, name: units.name }).from(units);
  const leaderRows = await deps.db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.role, 'leader'));
  const pById = new Map(ps.map((p) => [p.id, p]));
  const person = new Map(people.map((p) => [p.petitionId, p.name]));
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const leaderName = new Map(leaderRows.map((u) => [u.id, u.name]));
  // Numbered as shown: the stored positions of entries the reader may not view would leave gaps that tell.
  return entries.map((e, i) => ({
    entry: e,
    id: e.id,
    position: i + 1,
    petitionId: e.petitionId,
    trackingCode: pById.get(e.petitionId)?.trackingCode ?? '',
    petitioner: person.get(e.petitionId) ?? '',
    matter: pById.get(e.petitionId)?.title ?? '',
    responsibleUnit: { id: e.responsibleUnitId, name: unitName.get(e.responsibleUnitId) ?? e.responsibleUnitId },
    ownerLeader: e.ownerLeaderUserId ? { id: e.ownerLeaderUserId, name: leaderName.get(e.ownerLeaderUserId) ?? '' } : null,
    measures: e.measures,
    targetOn: e.targetOn,
    progress: e.progress,
    resolved: e.resolved,
    resolvedOn: e.resolvedOn,
  }));
}

/**
 * The ledger as .xlsx with the offices' columns; the petitioner appears masked. Only the entries the actor may view
 * (as the detail): an import of the edited sheet leaves the others as they are.
 */
export async function exportLedger(deps: Deps, actor: SessionUser, ledgerId: string): Promise<{ name: string; buffer: Buffer }> {
  const ledger = await loadLedger(deps, actor, ledgerId);
  const { rows } = await entryRows(deps, actor, ledger.id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('积案台账');
  ws.addRow([...LEDGER_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow([
      r.position,
      r.trackingCode,
      r.petitioner,
      r.matter,
      r.responsibleUnit.name,
      r.ownerLeader?.name ?? '',
      r.measures,
      r.targetOn ?? '',
      r.progress,
      r.resolved ? '是' : '否',
    ]);
  ws.columns.forEach((c, i) => (c.width = [6, 16, 10, 36, 24, 10, 36, 12, 36, 8][i] ?? 12));
  return { name: ledger.name, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export interface RejectedRow {
  row: number;
  column: string;
  message: { zh: string; en: string };
}

/**
 * Import an edited ledger: each row is matched by 信访件编号 to an entry (updated) or to a petition (added).
 * Every row is validated first; if any is rejected nothing is written and the report lists them all.
 */
export async function importLedger(deps: Deps, actor: SessionUser, ledgerId: string, file: Buffer) {
  mayEdit(actor);
  const ledger = await loadLedger(deps, actor, ledgerId);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('invalidXlsx', { zh: '文件不是有效的 Excel（.xlsx）文件', en: 'The file is not a valid .xlsx workbook' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('invalidXlsx', { zh: '工作簿中没有工作表', en: 'The workbook has no sheet' });
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v));
  const col = new Map(header.map((h, i) => [h, i + 1]));
  const missing = LEDGER_COLUMNS.filter((c) => c !== '序号' && c !== '信访人' && !col.has(c));
  if (missing.length)
    throw badRequest('missingColumns', { zh: `缺少列：${missing.join('、')}`, en: `Missing columns: ${missing.join(', ')}` });

  const unitRows = await deps.db.select({ id: units.id, name: units.name }).from(units);
  const leaderRows = await deps.db.select().from(users).where(eq(users.role, 'leader'));
  const unitByName = new Map(unitRows.map((u) => [u.name, u.id]));
  const leaderByName = new Map(leaderRows.map((u) => [u.displayName, u]));
  const existing = await deps.db.select().from(ledgerEntries).where(eq(ledgerEntries.ledgerId, ledger.id));
  const entryByPetition = new Map(existing.map((e) => [e.petitionId, e]));

  const rejected: RejectedRow[] = [];
  const planned: { petitionId: string; entry?: EntryRow; values: Omit<EntryInput, 'petitionId'> & { resolved: boolean } }[] = [];
  const reject = (row: number, column: string, zh: string, en: string) => rejected.push({ row, column, message: { zh, en } });
  const seen = new Set<string>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (c: string) => (col.has(c) ? cellText(row.getCell(col.get(c)!).value) : '');
    const code = normaliseTrackingCode(get('信访件编号'));
    if (!code && !get('反映问题') && !get('化解措施')) continue; // a blank line
    const before = rejected.length;
    const [p] = code ? await deps.db.select().from(petitions).where(eq(petitions.trackingCode, code)) : [];
    const scope = p && can(actor, 'view', scopeOf(p)).allowed ? scopeOf(p) : null;
    if (!p || !scope) reject(r, '信访件编号', `找不到信访件 ${code || '（空）'}`, `no petition ${code || '(empty)'}`);
    else if (seen.has(p.id)) reject(r, '信访件编号', '同一信访件重复出现', 'the same petition appears twice');
    const unitId = unitByName.get(get('责任单位'));
    if (!unitId) reject(r, '责任单位', `找不到单位“${get('责任单位')}”`, `no unit "${get('责任单位')}"`);
    else if (scope && !canAssignTo(scope, unitId)) reject(r, '责任单位', accusedResponsible.zh, accusedResponsible.en);
    const leaderName = get('包案领导');
    const leader = leaderName ? leaderByName.get(leaderName) : null;
    const leaderId = leader?.id ?? null;
    if (leaderName && !leader) reject(r, '包案领导', `找不到领导“${leaderName}”`, `no leader "${leaderName}"`);
    else if (leader && scope && !mayOwn(leader, scope))
      reject(r, '包案领导', `领导“${leaderName}”${cannotOwn.zh}`, `leader "${leaderName}" ${cannotOwn.en}`);
    const measures = get('化解措施');
    if (!measures) reject(r, '化解措施', '化解措施不能为空', 'measures cannot be empty');
    const target = get('化解时限');
    const targetIsDate: boolean = isIsoDate(target);
    if (target && !targetIsDate) reject(r, '化解时限', `“${target}”不是有效日期（YYYY-MM-DD）`, `"${target}" is not a date (YYYY-MM-DD)`);
    const done = get('是否化解');
    if (done && !['是', '否'].includes(done)) reject(r, '是否化解', '只能填“是”或“否”', 'must be 是 or 否');
    if (rejected.length > before || !p) continue;
    seen.add(p.id);
    planned.push({
      petitionId: p.id,
      entry: entryByPetition.get(p.id),
      values: { responsibleUnitId: unitId!, ownerLeaderUserId: leaderId ?? null, measures, targetOn: target || null, progress: get('进展情况'), resolved: done === '是' },
    });
  }
  if (rejected.length) return { ok: false as const, rejected };

  const today = deps.clockSettings.context(deps.now()).today;
  let added = 0;
  let updated = 0;
  await deps.db.transaction(async (tx) => {
    let position = Math.max(0, ...existing.map((e) => e.position));
    for (const plan of planned) {
      const v = plan.values;
      if (plan.entry) {
        const resolvedOn = v.resolved ? (plan.entry.resolvedOn ?? today) : null;
        await tx.update(ledgerEntries).set({ ...v, resolvedOn, updatedAt: deps.now() }).where(eq(ledgerEntries.id, plan.entry.id));
        updated++;
      } else {
        const [p] = await tx.select({ jurisdictionCode: petitions.jurisdictionCode }).from(petitions).where(eq(petitions.id, plan.petitionId));
        await tx.insert(ledgerEntries).values({
          id: randomUUID(),
          ledgerId: ledger.id,
          jurisdictionCode: p!.jurisdictionCode,
          petitionId: plan.petitionId,
          position: ++position,
          responsibleUnitId: v.responsibleUnitId,
          ownerLeaderUserId: v.ownerLeaderUserId ?? null,
          measures: v.measures,
          targetOn: v.targetOn ?? null,
          progress: v.progress ?? '',
          resolved: v.resolved,
          resolvedOn: v.resolved ? today : null,
          addedOn: today,
          updatedAt: deps.now(),
        });
        added++;
      }
    }
  });
  return { ok: true as const, added, updated };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('').trim();
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
