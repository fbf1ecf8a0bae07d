import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { isWithin, maskName, maskPhone, validatePhone } from '@qiao/core';
import { unitsNamedIn } from '@qiao/core/text';
import { cachedRouting } from '../analysis/routing';
import type { z } from 'zod';
import type { BookingBody, ReceptionDayBody } from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { receptionBookings, receptionDays, users } from '../db/schema';
import { encrypt, newTrackingCode, newTrackingSecret, secretMatches, sha256 } from '../lib/crypto';
import { AppError, badRequest, forbidden, notFound } from '../lib/errors';
import { maskTitlesById, viewablePetitions } from '../petitions/read';
import { loadEvents } from '../petitions/repo';
import { summarise } from '../petitions/presenter';
import { openWithSecret } from '../portal/secret';
import { unitNames } from '../units/repo';

type DayRow = typeof receptionDays.$inferSelect;

const dayNotFound = () => notFound({ zh: '该接访日', en: 'reception day' });

/** Leaders publish their own reception days; the petition office publishes them for a leader of its area. */
export async function publishReceptionDay(deps: Deps, actor: SessionUser, body: z.infer<typeof ReceptionDayBody>) {
  if (actor.role !== 'leader' && actor.role !== 'clerk')
    throw forbidden({ zh: '只有领导或信访部门可以发布接访日', en: 'Only leaders or the petition office publish reception days' });
  const leaderId = body.leaderUserId ?? (actor.role === 'leader' ? actor.userId : undefined);
  if (!leaderId)
    throw badRequest('leaderRequired', { zh: 'leaderUserId：请指定接访领导', en: 'leaderUserId: name the receiving leader' }, { field: 'leaderUserId' });
  const [leader] = await deps.db.select().from(users).where(eq(users.id, leaderId));
  if (!leader || leader.role !== 'leader' || !isWithin(leader.jurisdictionCode, actor.jurisdictionCode))
    throw badRequest('unknownLeader', { zh: 'leaderUserId：找不到本辖区的该领导', en: 'leaderUserId: no such leader in your area' }, { field: 'leaderUserId' });
  const today = deps.clockSettings.context(deps.now()).today;
  if (body.date < today)
    throw badRequest('dateInPast', { zh: 'date：接访日不能早于今天', en: 'date: a reception day cannot be in the past' }, { field: 'date' });
  const row: DayRow = {
    id: randomUUID(),
    jurisdictionCode: leader.jurisdictionCode,
    leaderUserId: leader.id,
    leaderName: leader.displayName,
    leaderTitle: body.leaderTitle,
    day: body.date,
    startTime: body.startTime,
    endTime: body.endTime,
    place: body.place,
    topics: body.topics,
    capacity: body.capacity,
    createdBy: actor.userId,
    createdAt: deps.now(),
  };
  await deps.db.insert(receptionDays).values(row);
  return present(row, 0);
}

function present(d: DayRow, booked: number) {
  return {
    id: d.id,
    date: d.day,
    startTime: d.startTime,
    endTime: d.endTime,
    leaderName: d.leaderName,
    leaderTitle: d.leaderTitle,
    place: d.place,
    topics: d.topics,
    capacity: d.capacity,
    remaining: Math.max(0, d.capacity - booked),
    jurisdictionCode: d.jurisdictionCode,
  };
}

/** Upcoming days (today on), with the slots left. `within` limits them to a jurisdiction subtree. */
export async function upcomingDays(deps: Deps, within?: string) {
  const today = deps.clockSettings.context(deps.now()).today;
  const days = await deps.db
    .select()
    .from(receptionDays)
    .where(gte(receptionDays.day, today))
    .orderBy(asc(receptionDays.day), asc(receptionDays.startTime));
  const visible = within ? days.filter((d) => isWithin(d.jurisdictionCode, within)) : days;
  const booked = await bookedCounts(deps, visible.map((d) => d.id));
  return visible.map((d) => present(d, booked.get(d.id) ?? 0));
}

async function bookedCounts(deps: Deps, dayIds: string[]) {
  if (dayIds.length === 0) return new Map<string, number>();
  const rows = await deps.db
    .select({ dayId: receptionBookings.dayId })
    .from(receptionBookings)
    .where(and(inArray(receptionBookings.dayId, dayIds), eq(receptionBookings.status, 'booked')));
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.dayId, (m.get(r.dayId) ?? 0) + 1);
  return m;
}

/**
 * Book a slot. The day row is locked while the free slot is found and taken, so concurrent bookings can never
 * exceed the capacity, on PGlite or on PostgreSQL with many connections.
 */
export async function bookSlot(deps: Deps, dayId: string, body: z.infer<typeof BookingBody>) {
  const phone = validatePhone(body.phone);
  if (!phone.ok)
    throw badRequest('invalidPhone', { zh: 'phone：电话号码格式不正确', en: 'phone: not a valid phone number' }, { field: 'phone' });
  const petition = body.trackingCode ? await openWithSecret(deps, body.trackingCode, body.secret) : undefined;
  if (!petition && !body.summary)
    throw badRequest('summaryRequired', { zh: 'summary：请简要说明要反映的问题，或填写信访件编号', en: 'summary: describe the matter briefly, or give a tracking code' }, { field: 'summary' });
  const cancelSecret = newTrackingSecret();
  const bookingCode = newTrackingCode();
  const today = deps.clockSettings.context(deps.now()).today;
  return deps.db.transaction(async (tx) => {
    const [day] = await tx.select().from(receptionDays).where(eq(receptionDays.id, dayId)).for('update');
    if (!day || day.day < today) throw dayNotFound();
    const taken = await tx
      .select({ slot: receptionBookings.slot })
      .from(receptionBookings)
      .where(and(eq(receptionBookings.dayId, dayId), eq(receptionBookings.status, 'booked')));
    const used = new Set(taken.map((t) => t.slot));
    let slot = 1;
    while (used.has(slot)) slot++;
    if (slot > day.capacity)
      throw new AppError(409, 'fullyBooked', { zh: '该接访日已约满，请选择其他日期', en: 'This reception day is fully booked; choose another day' });
    await tx.insert(receptionBookings).values({
      id: randomUUID(),
      dayId,
      jurisdictionCode: day.jurisdictionCode,
      bookingCode,
      cancelSecretHash: sha256(cancelSecret),
      petitionId: petition?.id ?? null,
      slot,
      nameEnc: encrypt(deps.keys.encryption, body.name),
      phoneEnc: encrypt(deps.keys.encryption, phone.value),
      nameMasked: maskName(body.name),
      phoneMasked: maskPhone(phone.value),
      summary: body.summary ?? null,
      status: 'booked',
      createdAt: deps.now(),
    });
    return { bookingCode, cancelSecret, date: day.day, startTime: day.startTime, place: day.place, slot };
  });
}

export async function cancelBooking(deps: Deps, bookingCode: string, secret: string | undefined) {
  const code = bookingCode.trim().toUpperCase();
  const [b] = await deps.db.select().from(receptionBookings).where(eq(receptionBookings.bookingCode, code));
  if (!b || !secretMatches(secret, b.cancelSecretHash) || b.status !== 'booked')
    throw notFound({ zh: '该预约（或取消码不正确）', en: 'booking, or the cancel secret is wrong' });
  await deps.db
    .update(receptionBookings)
    .set({ status: 'cancelled', cancelledAt: deps.now() })
    .where(eq(receptionBookings.id, b.id));
}

/** A day the receiving leader, a leader over its area or the petition office of its area may see; else 404. */
async function visibleDay(deps: Deps, actor: SessionUser, dayId: string) {
  const [day] = await deps.db.select().from(receptionDays).where(eq(receptionDays.id, dayId));
  if (!day) throw dayNotFound();
  const mayView =
    (actor.role === 'leader' && (day.leaderUserId === actor.userId || isWithin(day.jurisdictionCode, actor.jurisdictionCode))) ||
    (actor.role === 'clerk' && isWithin(day.jurisdictionCode, actor.jurisdictionCode));
  if (!mayView) throw dayNotFound();
  return day;
}

/** One day (past ones too) with its slots left, for the staff page of its list. */
export async function receptionDay(deps: Deps, actor: SessionUser, dayId: string) {
  const day = await visibleDay(deps, actor, dayId);
  const booked = await bookedCounts(deps, [day.id]);
  return present(day, booked.get(day.id) ?? 0);
}

/** The leaders a reception day may be published for: a leader only for themself, the petition office for its area's. */
export async function receptionLeaders(deps: Deps, actor: SessionUser) {
  if (actor.role !== 'leader' && actor.role !== 'clerk')
    throw forbidden({ zh: '只有领导或信访部门可以发布接访日', en: 'Only leaders or the petition office publish reception days' });
  const rows = await deps.db
    .select({ id: users.id, name: users.displayName, jurisdictionCode: users.jurisdictionCode })
    .from(users)
    .where(and(eq(users.role, 'leader'), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return rows.filter((l) => (actor.role === 'leader' ? l.id === actor.userId : isWithin(l.jurisdictionCode, actor.jurisdictionCode)));
}

/**
 * The day's list for the receiving leader or the petition office: who booked (masked) and each matter's history.
 * A booking about a petition is listed only to a user who may view that petition (core's `can`), so an
 * accusation, and who brought it, never reaches the unit it accuses even when that unit organises the day. Such a
 * booking is left out whole (no slot, code, name, phone, summary or status): the day's view still counts it as a
 * slot taken, which the portal shows everyone anyway. A booking whose petition is missing is left out too.
 */
export async function dayBookings(deps: Deps, actor: SessionUser, dayId: string) {
  await visibleDay(deps, actor, dayId);
  const rows = await deps.db
    .select()
    .from(receptionBookings)
    .where(eq(receptionBookings.dayId, dayId))
    .orderBy(asc(receptionBookings.slot), asc(receptionBookings.createdAt));
  const viewable = await maskTitlesById(deps.db, deps.keys, await viewablePetitions(deps.db, actor, rows.flatMap((b) => (b.petitionId ? [b.petitionId] : []))));
  // A new matter (no petition yet) told in the resident's words has no category to check: a summary naming the
  // reader's own unit (江屿区信访局的接访人员…) may be a complaint about it, so it is kept from that unit as an
  // accusation is, and counted among the slots taken but not listed.
  const units = actor.unitId ? (await cachedRouting(deps.db)).units : [];
  const namesOwnUnit = (summary: string | null) => summary !== null && unitsNamedIn(units, summary).some((u) => u.id === actor.unitId);
  const out = [];
  for (const b of rows) {
    if (!b.petitionId && namesOwnUnit(b.summary)) continue;
    let petition = null;
    if (b.petitionId) {
      const p = viewable.get(b.petitionId);
      if (!p) continue;
      const events = await loadEvents(deps.db, p.id);
      const names = await unitNames(deps.db, events.map((e) => e.actorUnitId).concat(p.state.involvedUnitIds));
      petition = {
        id: p.id,
        trackingCode: p.trackingCode,
        title: p.title,
        status: p.status,
        history: events.map((e) => ({ on: e.event.on, summary: summarise(e.event, names) })),
      };
    }
    out.push({
      slot: b.slot,
      bookingCode: b.bookingCode,
      name: b.nameMasked,
      phone: b.phoneMasked,
      summary: b.summary,
      status: b.status,
      petition,
    });
  }
  return out;
}
