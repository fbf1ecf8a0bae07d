import { randomUUID } from 'node:crypto';
import {
  addDays,
  compareDates,
  accusedUnitIds,
  daysBetween,
  decide,
  evolve,
  isWithin,
  jurisdictionPrefix,
  parentJurisdiction,
  type Category,
  type Command,
  type MergedMatter,
  type PetitionEvent,
  type PetitionState,
  type Rating,
  type UnitRef,
} from '@qiao/core';
import type { Deps } from '../context';
import {
  jurisdictions,
  petitionClocks as clocksTable,
  petitionOwners,
  petitionEvents,
  petitioners,
  petitions,
  units,
  users,
} from '../db/schema';
import type { Tx } from '../db/open';
import { encrypt, hashPassword, newTrackingCode, newTrackingSecret, sha256 } from '../lib/crypto';
import { clockRows, eventRow, stateColumns } from '../petitions/repo';
import { petitionerRows } from '../petitions/petitioners';
import { createRng, type Rng } from './random';
import { respondentUnitsOf } from '@qiao/core/text';
import { buildWorld } from './world';
import { generateDemoPetitions } from './timeline';
import type { DemoPetition, Unit, World } from './types';
import { indexPetitions } from '../analysis/indexing';
import { demoOwners, type Leader } from './owners';

export const DEMO_PASSWORD = 'demo';

export interface SeedOptions {
  petitions: number;
  seed?: number;
  /** How far back the demo's petitions reach, in days (default 730: two years). */
  days?: number;
  log?: (line: string) => void;
}

interface Built {
  key: string;
  row: Omit<typeof petitions.$inferInsert, 'trackingSecretHash' | 'trackingSecretEnc' | keyof ReturnType<typeof stateColumns>>;
  secret: string;
  events: PetitionEvent[];
  state: PetitionState;
  people: DemoPetition['facts']['petitioners'];
}

/**
 * Load the demo city: its jurisdictions, units and users (password "demo"), and petitions received over the
 * last two years, each driven through the legal process by the core itself (decide → evolve) up to today, so
 * every state, clock, extension, review and supervision in the demo is one the real rules allow.
 */
export async function seedDemo(deps: Deps, opts: SeedOptions) {
  const log = opts.log ?? (() => undefined);
  const rng = createRng(opts.seed ?? 2026);
  const world = buildWorld();
  const now = deps.now();
  const ctx = deps.clockSettings.context(now);
  const { calendar, settings } = deps.clockSettings.get();

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map(world.users.map((u) => [u.username, randomUUID()]));
  await deps.db.transaction(async (tx) => {
    await tx.insert(jurisdictions).values(
      world.jurisdictions.map((j) => ({ code: j.code, name: j.name, parentCode: j.parentCode, level: j.level })),
    );
    await tx.insert(units).values(world.units.map((u) => ({ ...u, domains: [...u.domains] })));
    await tx.insert(users).values(
      world.users.map((u) => ({ id: userIds.get(u.username)!, ...u, passwordHash })),
    );
  });
  log(`${world.jurisdictions.length} jurisdictions, ${world.units.length} units, ${world.users.length} users`);

  const demo = generateDemoPetitions(rng, world, {
    from: addDays(ctx.today, -(opts.days ?? 730)),
    to: ctx.today,
    count: opts.petitions,
  });
  const sim = new Simulator(rng, world, userIds, ctx.today, calendar, settings);
  const byKey = new Map<string, Built>();
  const built: Built[] = [];
  // Households' petitions the office merges into a collective one are simulated together with that one.
  const mergedInto = new Map<string, DemoPetition[]>();
  for (const p of demo) if (p.merge?.into) mergedInto.set(p.merge.into, [...(mergedInto.get(p.merge.into) ?? []), p]);
  for (const p of demo) {
    if (p.merge?.into) continue;
    if (p.merge) {
      for (const b of sim.runMerge(p, mergedInto.get(p.key) ?? [])) {
        byKey.set(b.key, b);
        built.push(b);
      }
      continue;
    }
    const b = sim.run(p, p.repeatOf ? byKey.get(p.repeatOf) : undefined);
    if (!b) continue;
    byKey.set(p.key, b);
    built.push(b);
  }
  log(`${built.length} petitions simulated through the process`);
  attributeProxySubmissions(world, userIds, built);

  for (let i = 0; i < built.length; i += 250) {
    const chunk = built.slice(i, i + 250);
    await deps.db.transaction(async (tx) => {
      await insertChunk(tx, deps, chunk, ctx);
    });
  }
  const owners = demoOwners(rng, built.map((b) => b.state), leadersOf(world, userIds), ctx.today);
  if (owners.length) await deps.db.insert(petitionOwners).values(owners);
  log(`${owners.length} cases owned by leaders (包案)`);
  const counts = new Map<string, number>();
  for (const b of built) counts.set(b.state.status, (counts.get(b.state.status) ?? 0) + 1);
  log(`by status: ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  return {
    users: world.users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName })),
    petitions: built.length,
  };
}

/**
 * A community's proxy agent submits the proxy-channel petitions of their street or town (the demo's texts do not
 * name the community), so an agent signing in finds the petitions they passed on and their answers. As a real
 * proxy submission, it is registered by the agent, with the resident's consent recorded; the other proxy-channel
 * petitions stay the office's.
 */
function attributeProxySubmissions(world: World, userIds: Map<string, string>, built: Built[]) {
  const agents = world.users.filter((u) => u.role === 'proxyAgent');
  for (const b of built) {
    if (b.row.channel !== 'proxy') continue;
    const agent = agents.find((a) => isWithin(b.row.jurisdictionCode, parentJurisdiction(a.jurisdictionCode) ?? a.jurisdictionCode));
    if (!agent) continue;
    const id = userIds.get(agent.username)!;
    b.row.submittedByUserId = id;
    b.row.consentAt = b.row.registeredAt;
    const registered = b.events[0]!;
    b.events[0] = { ...registered, by: { ...registered.by, userId: id, unitId: agent.unitId } };
  }
}

/** The leaders, the city's first, each assigned by the clerk of the petition office over their area. */
function leadersOf(world: World, userIds: Map<string, string>): Leader[] {
  const clerks = world.users.filter((u) => u.role === 'clerk');
  return world.users
    .filter((u) => u.role === 'leader')
    .sort((a, b) => jurisdictionPrefix(a.jurisdictionCode).length - jurisdictionPrefix(b.jurisdictionCode).length || a.jurisdictionCode.localeCompare(b.jurisdictionCode))
    .flatMap((user) => {
      const clerk = clerks.find((c) => c.jurisdictionCode === user.jurisdictionCode);
      return clerk ? [{ user, id: userIds.get(user.username)!, assignedBy: userIds.get(clerk.username)! }] : [];
    });
}

async function insertChunk(tx: Tx, deps: Deps, chunk: Built[], ctx: ReturnType<Deps['clockSettings']['context']>) {
  await tx.insert(petitions).values(
    chunk.map((b) => ({
      ...b.row,
      trackingSecretHash: sha256(b.secret),
      trackingSecretEnc: encrypt(deps.keys.encryption, b.secret),
      ...stateColumns(b.state, ctx),
    })),
  );
  await tx.insert(petitionEvents).values(chunk.flatMap((b) => b.events.map((e, i) => eventRow(b.state, i + 1, e))));
  const clocks = chunk.flatMap((b) => clockRows(b.state, b.state, ctx));
  if (clocks.length) await tx.insert(clocksTable).values(clocks);
  await tx.insert(petitioners).values(chunk.flatMap((b) => petitionerRows(deps.keys, b.state, b.people)));
  await indexPetitions(tx, deps, chunk.map((b) => b.state.id), { fresh: true }); // duplicate-lookup keys, clusters, alerts
}

/** Drives one demo petition through the process with plausible delays, stopping at today. */
class Simulator {
  private readonly offices: Unit[];
  private readonly unitById: Map<string, Unit>;
  private readonly staff = new Map<string, { handler?: string; head?: string; clerk?: string }>();
  private readonly supervisorId: string;

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly userIds: Map<string, string>,
    private readonly today: string,
    private readonly calendar: ReturnType<Deps['clockSettings']['get']>['calendar'],
    private readonly settings: ReturnType<Deps['clockSettings']['get']>['settings'],
  ) {
    this.offices = world.units.filter((u) => u.kind === 'petitionOffice');
    this.unitById = new Map(world.units.map((u) => [u.id, u]));
    for (const u of world.users) {
      if (!u.unitId) continue;
      const s = this.staff.get(u.unitId) ?? {};
      const id = userIds.get(u.username)!;
      if (u.role === 'handler') s.handler ??= id;
      if (u.role === 'unitHead') s.head ??= id;
      if (u.role === 'clerk') s.clerk ??= id;
      this.staff.set(u.unitId, s);
    }
    const supervisor = world.users.find((u) => u.role === 'supervisor');
    this.supervisorId = userIds.get(supervisor?.username ?? 'admin')!;
  }

  /**
   * A merge (合并, Art. 20): the households' petitions are registered as they come in and, on the day of merging,
   * the office merges them into the first one (`mergeInto` on each, `mergeIn` on it), which then goes through
   * the process as a collective petition. Decided by the core like every other step.
   */
  /** The units a demo petition is against, read as the registration reads them. */
  private against(f: DemoPetition['facts']): string[] {
    return respondentUnitsOf(this.world.units, f.respondent ?? {}, { title: f.title, text: f.text, demands: f.demands }, f.jurisdictionCode).ids;
  }

  runMerge(p: DemoPetition, members: DemoPetition[]): Built[] {
    const on = p.merge!.on;
    const office = this.officeFor(p.facts.jurisdictionCode, p.facts.channel);
    const collective = { id: randomUUID(), trackingCode: newTrackingCode() };
    const f = p.facts;
    const into = {
      ...collective,
      category: f.category,
      respondentUnitId: f.respondent?.unitId ?? null,
      respondentUnitIds: this.against(f),
    };
    const others = members.flatMap((m) => this.run(m, undefined, { office, mergeInto: { collective: into, on } }) ?? []);
    const sources: MergedMatter[] = others
      .filter((b) => b.state.status === 'merged')
      .map((b) => ({
        id: b.state.id,
        trackingCode: b.row.trackingCode,
        headcount: b.state.headcount,
        accusedUnitIds: accusedUnitIds(b.state),
      }));
    const first = this.run(p, undefined, { office, ...collective, mergeIn: sources.length ? { sources, on } : undefined });
    if (!first) throw new Error(`demo: the collective petition ${p.key} could not be registered`);
    return [first, ...others];
  }

  run(
    p: DemoPetition,
    earlier: Built | undefined,
    opts: {
      office?: Unit;
      id?: string;
      trackingCode?: string;
      mergeInto?: { collective: { id: string; trackingCode: string; category: Category; respondentUnitId: string | null; respondentUnitIds: string[] }; on: string };
      mergeIn?: { sources: MergedMatter[]; on: string };
    } = {},
  ): Built | undefined {
    const { rng } = this;
    const f = p.facts;
    const office = opts.office ?? this.officeFor(f.jurisdictionCode, f.channel);
    const id = opts.id ?? randomUUID();
    const events: PetitionEvent[] = [];
    let state: PetitionState | null = null;
    let day = p.receivedOn;

    const actorFor = (unitId: string | null | undefined, role: 'handler' | 'head' | 'clerk' = 'handler') => {
      const s = unitId ? this.staff.get(unitId) : undefined;
      return { userId: s?.[role] ?? s?.handler ?? s?.clerk ?? this.supervisorId, unitId: unitId ?? null };
    };
    /**
     * Apply a command `after` days later; false when that day is after today or the rules refuse it. The last
     * outcome is kept so an optional step the rules refuse (an extension asked for too late) can be skipped
     * instead of leaving the petition stuck for ever.
     */
    let lastOutcome: 'ok' | 'future' | 'refused' = 'ok';
    const step = (after: number, command: Command, role: 'handler' | 'head' | 'clerk' = 'handler', unitId?: string) => {
      const next = addDays(day, after);
      lastOutcome = 'future';
      if (compareDates(next, this.today) > 0) return false;
      const now = new Date(`${next}T02:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
      const actor = actorFor(unitId ?? state?.currentUnit?.id, role);
      const d = decide(state, command, { now, calendar: this.calendar, settings: this.settings, actor });
      lastOutcome = 'refused';
      if (!d.ok) return false;
      state = evolve(state, d.event);
      events.push(d.event);
      day = next;
      lastOutcome = 'ok';
      return true;
    };
    /** An optional step: only a day after today stops the simulation; a refusal just skips the step. */
    const maybe = (after: number, command: Command, role?: 'handler' | 'head' | 'clerk', unitId?: string) =>
      step(after, command, role, unitId) || lastOutcome === 'refused';

    const earlierMatter = earlier && {
      id: earlier.state.id,
      status: earlier.state.status,
      handlingJurisdictionCode: earlier.state.currentUnit?.jurisdictionCode ?? earlier.state.registeringUnit.jurisdictionCode,
      withinLimits: false,
    };
    const register = (repeatOf: typeof earlierMatter | null) =>
      step(
        0,
        {
          type: 'register',
          id,
          registeringUnit: ref(office),
          petition: {
            channel: f.channel,
            category: f.category,
            litigationRelated: f.litigationRelated,
            domain: f.domain,
            jurisdictionCode: f.jurisdictionCode,
            collective: f.collective,
            headcount: f.headcount,
            respondentUnitId: f.respondent?.unitId ?? null,
            respondentUnitIds: this.against(f),
            receivedOn: p.receivedOn,
            repeatOf: repeatOf ?? null,
          },
        },
        'clerk',
        office.id,
      );
    let linked = earlierMatter ?? null;
    if (!register(linked)) {
      linked = null;
      if (!register(null)) return undefined;
    }
    const note = '同一征收补偿事项，多户分别反映，合并为集体信访事项办理';
    const merged =
      opts.mergeInto !== undefined &&
      step(daysBetween(day, opts.mergeInto.on), { type: 'mergeInto', collective: opts.mergeInto.collective, note }, 'clerk', office.id);
    if (opts.mergeIn) {
      const headcount = f.headcount + opts.mergeIn.sources.reduce((n, x) => n + x.headcount, 0);
      const into: Command = { type: 'mergeIn', sources: opts.mergeIn.sources, headcount, representatives: Math.min(3, headcount), note };
      if (!step(daysBetween(day, opts.mergeIn.on), into, 'clerk', office.id))
        throw new Error(`demo: ${p.key} could not take in the petitions merged into it`);
    }
    if (!merged) this.drive(step, maybe, f, office);

    const s = state as unknown as PetitionState;
    return {
      key: p.key,
      state: s,
      events,
      people: f.petitioners,
      secret: newTrackingSecret(),
      row: {
        id,
        jurisdictionCode: f.jurisdictionCode,
        trackingCode: opts.trackingCode ?? newTrackingCode(),
        idempotencyKey: null,
        channel: f.channel,
        category: f.category,
        litigationRelated: f.litigationRelated,
        domain: f.domain,
        title: f.title,
        content: f.text,
        demands: f.demands,
        respondentName: f.respondent?.name ?? null,
        respondentUnitId: f.respondent?.unitId ?? null,
        address: f.address,
        collective: s.collective,
        headcount: s.headcount,
        repeatOf: linked ? linked.id : null,
        registeringUnitId: office.id,
        submittedByUserId: null,
        receivedOn: p.receivedOn,
        registeredAt: new Date(events[0]!.at),
        updatedAt: new Date(events[events.length - 1]!.at),
      },
    };
  }

  /** The legal path with the delays and choices real offices show: most on time, some late, a few reviewed. */
  private drive(
    step: (after: number, c: Command, role?: 'handler' | 'head' | 'clerk', unitId?: string) => boolean,
    maybe: (after: number, c: Command, role?: 'handler' | 'head' | 'clerk', unitId?: string) => boolean,
    f: DemoPetition['facts'],
    office: Unit,
  ) {
    const { rng } = this;
    const chance = (p: number) => rng.chance(p);
    const late = (onTime: [number, number], lateBy: [number, number], pLate: number) =>
      chance(pLate) ? rng.int(lateBy[0], lateBy[1]) : rng.int(onTime[0], onTime[1]);

    if (f.litigationRelated && chance(0.6))
      return void step(rng.int(1, 8), { type: 'divert', to: rng.pick(['litigation', 'reconsideration', 'arbitration'] as const), note: '告知信访人依法通过法定途径解决' }, 'clerk', office.id);
    if (chance(0.03))
      return void step(rng.int(1, 10), { type: 'decline', reason: rng.pick(['notPetitionMatter', 'insufficientInformation'] as const), note: '已书面告知信访人不予受理的理由' }, 'clerk', office.id);

    let target = this.unitById.get(f.suggestedUnitId) ?? this.anyDepartment(f.domain);
    if (target.id === office.id) target = this.anyDepartment(f.domain);
    const mode = chance(0.6) ? 'assign' : 'forward';
    const route = (unit: Unit) =>
      step(late([1, 12], [16, 30], 0.05), mode === 'assign' ? { type: 'assign', unit: ref(unit), ...(chance(0.2) ? { limitDays: 30 } : {}) } : { type: 'forward', unit: ref(unit) }, 'clerk', office.id);
    if (!route(target)) return;

    if (chance(0.03)) {
      if (!step(rng.int(1, 4), { type: 'object', reason: '该事项不属于本单位职权范围，建议转送属地政府处理' })) return;
      const approve = chance(0.6);
      if (!step(rng.int(1, 5), { type: 'decideObjection', approve, note: approve ? '核实同意' : '经核实属于该单位职责' }, 'clerk', office.id)) return;
      if (approve) {
        const other = this.anyDepartment(f.domain, target.id);
        target = other;
        if (!route(other)) return;
      }
    }

    if (f.litigationRelated)
      return void step(rng.int(2, 12), { type: 'divert', to: 'litigation', note: '该事项已经法院判决，告知信访人通过申请再审等法定途径解决' });
    if (chance(0.7) && !maybe(rng.int(1, 6), { type: 'notifyReceipt', note: '已向信访人寄送告知书' })) return;
    if (!step(late([1, 8], [16, 25], 0.04), { type: 'accept', note: '已出具受理告知书' })) return;

    let used = 0;
    if (chance(0.05)) {
      if (!maybe(rng.int(5, 20), { type: 'pause', reason: 'awaitingMaterial', note: '通知信访人补充材料' })) return;
      const paused = rng.int(5, 20);
      if (!maybe(paused, { type: 'resume' })) return;
      used += 5 + paused;
    }
    if (chance(0.1)) {
      const at = rng.int(35, 50);
      if (!maybe(at, { type: 'extend', days: rng.int(15, 30), reason: '情况复杂，需多部门联合调查' }, 'head')) return;
      used += at;
    }
    if (chance(0.08)) {
      const at = rng.int(20, 40);
      const supervisionId = randomUUID();
      const reason = rng.pick(['late', 'evasive'] as const);
      const answerDays = rng.pick([10, 15, 30]);
      if (!maybe(at, { type: 'supervise', supervisionId, reason, note: '请加快办理并书面报告进展', answerDays }, 'clerk', office.id)) return;
      used += at;
      // The unit answers the notice, one in seven after its due day; it is left unanswered (and overdue) only
      // while the petition is still open, as an office would not let a concluded case's notice go unanswered.
      const answerIn = chance(0.15) ? answerDays + rng.int(1, 10) : rng.int(2, Math.min(14, answerDays));
      if (!maybe(answerIn, { type: 'answerSupervision', supervisionId, text: '已成立专班，正在协调解决，预计月底前答复信访人。' })) return;
    }
    const replyIn = Math.max(1, late([10, 55], [62, 90], 0.12) - used);
    const outcome = rng.weighted([['support', 45], ['explain', 30], ['notSupport', 15], ['mediated', 10]] as const);
    if (!step(replyIn, { type: 'reply', outcome, text: replyText(outcome) })) return;
    if (!step(rng.int(0, 5), { type: 'conclude', resolved: outcome === 'support' || outcome === 'mediated' ? chance(0.85) : chance(0.3), report: '已按要求办结，答复意见书已送达信访人。' })) return;

    let rating: Rating | null = null;
    if (chance(0.75)) {
      rating = rng.weighted([['satisfied', outcome === 'notSupport' ? 20 : 60], ['basicallySatisfied', 25], ['dissatisfied', outcome === 'notSupport' ? 55 : 12]] as const);
      if (!maybe(rng.int(1, 15), { type: 'rate', rating })) return;
    }
    if (!chance(rating === 'dissatisfied' ? 0.35 : 0.04)) return;
    if (!step(rng.int(3, 14), { type: 'requestReview', unit: ref(this.levelAbove(target)), reason: '对处理意见不服，请求复查' }, 'clerk', office.id)) return;
    const reviewOutcome = chance(0.8) ? 'uphold' : 'revise';
    if (!step(late([10, 28], [31, 40], 0.08), { type: 'decideReview', outcome: reviewOutcome, text: '经复查，原处理意见认定事实清楚，适用政策正确。' })) return;
    if (!chance(0.3)) return;
    if (!step(rng.int(5, 20), { type: 'requestReReview', unit: ref(this.cityOffice()), reason: '对复查意见仍不服，请求复核' }, 'clerk', office.id)) return;
    if (chance(0.2) && !maybe(rng.int(3, 10), { type: 'pause', reason: 'hearing', note: '组织听证' })) return;
    if (chance(0.2) && !maybe(rng.int(5, 12), { type: 'resume' })) return;
    step(rng.int(10, 28), { type: 'decideReReview', outcome: 'uphold', text: '经复核，维持复查意见。本复核意见为终结意见。' });
  }

  private officeFor(place: string, channel: string): Unit {
    const city = this.offices.find((o) => o.jurisdictionCode === this.world.city.code)!;
    if (channel === 'transfer' || this.rng.chance(0.25)) return city;
    const local = this.offices
      .filter((o) => o.id !== city.id && isWithin(place, o.jurisdictionCode))
      .sort((a, b) => b.jurisdictionCode.length - a.jurisdictionCode.length)[0];
    return local ?? city;
  }

  private cityOffice(): Unit {
    return this.offices.find((o) => o.jurisdictionCode === this.world.city.code)!;
  }

  private anyDepartment(domain: string, not?: string): Unit {
    const fit = this.world.units.filter((u) => u.kind === 'department' && u.id !== not && u.domains.includes(domain as never));
    return fit.length ? this.rng.pick(fit) : this.rng.pick(this.world.units.filter((u) => u.kind === 'department' && u.id !== not));
  }

  /** The review body: the city department of the same field, or the city petition office. */
  private levelAbove(unit: Unit): Unit {
    if (unit.jurisdictionCode !== this.world.city.code) {
      const same = this.world.units.find(
        (u) => u.jurisdictionCode === this.world.city.code && u.kind === unit.kind && u.domains.some((d) => unit.domains.includes(d)),
      );
      if (same) return same;
    }
    return this.cityOffice();
  }
}

function ref(u: Unit): UnitRef {
  return { id: u.id, jurisdictionCode: u.jurisdictionCode };
}

function replyText(outcome: string): string {
  switch (outcome) {
    case 'support':
      return '经调查核实，您反映的问题属实，已责成相关单位限期整改，并依法予以支持。';
    case 'explain':
      return '经调查核实，您的诉求有一定合理性，但缺乏相应政策依据，现就有关政策作出解释说明。';
    case 'notSupport':
      return '经调查核实，您的诉求缺乏事实依据，不符合有关法律法规和政策规定，不予支持。';
    default:
      return '经组织双方调解，达成调解协议，相关款项已于协议约定日期前支付。';
  }
}
