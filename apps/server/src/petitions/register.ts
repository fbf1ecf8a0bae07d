import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import {
  can,
  chinaDate,
  decide,
  evolve,
  openDeadlines,
  petitionClocks,
  type ActorRef,
  type EarlierMatter,
  type PetitionStatus,
  type RegisterInput,
} from '@qiao/core';
import type { PetitionIntake } from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { insertJsonRows } from '../db/json-rows';
import { attachments, petitionClocks as clocksTable, petitionEvents, petitioners, petitions } from '../db/schema';
import { decrypt, encrypt, newTrackingCode, newTrackingSecret, sha256 } from '../lib/crypto';
import { AppError, badRequest, forbidden } from '../lib/errors';
import { GroupCommit } from '../lib/group-commit';
import { findUnit, jurisdictionExists, petitionOfficeFor, unitRef, type UnitRow } from '../units/repo';
import { alertRuleFrom, alertRuleSql, checkAlerts, clusterLocksSql, type AlertDeps } from '../analysis/alerts';
import {
  indexEntries,
  indexGeneration,
  indexWrites,
  joinRepeatChains,
  personKeysOf,
  type IndexEntries,
  type IndexSource,
} from '../analysis/indexing';
import { cachedRouting } from '../analysis/routing';
import { respondentUnitsOf } from '@qiao/core/text';
import { rows as sqlRows } from '../analysis/sql';
import { attachmentRows, type CheckedFile } from './attachments';
import { normalisePetitioners, petitionerRows } from './petitioners';
import { clockRows, eventRow, isUniqueViolation, loadPetition, scopeOf, stateColumns, type PetitionRow, type Tx } from './repo';
import { refusalError } from './refusal-error';

export interface Registered {
  created: boolean;
  body: {
    id: string;
    trackingCode: string;
    trackingSecret: string;
    registeringUnitId: string;
    status: PetitionStatus;
    version: number;
    deadlines: Record<string, string>;
  };
}

/** Collective visits send at most five representatives (Art. 20). */
const MAX_VISIT_REPRESENTATIVES = 5;

/** Who registers: the office the petition is registered at, who the history names, and how it came in. */
export interface Registrar {
  office: Pick<UnitRow, 'id' | 'jurisdictionCode'>;
  actor: ActorRef;
  channel: PetitionIntake['channel'];
  submittedByUserId: string | null;
  /** Idempotency keys are scoped: a staff member's own, or the portal's. */
  keyScope: string;
  consentAt: Date | null;
  /** Whether the registrar may link to (and so learn of) an earlier petition. */
  mayLink: (earlier: PetitionRow) => boolean;
  /** Runs inside the registration transaction (e.g. to queue the SMS with the tracking code). */
  afterInsert?: (tx: Tx, petition: { id: string; jurisdictionCode: string; trackingCode: string; secret: string }) => Promise<void>;
}

/** Staff registration: permission, then the registering unit (a proxy agent's goes to the office over them). */
export async function registerPetition(
  deps: Deps,
  actor: SessionUser,
  input: PetitionIntake,
  files: CheckedFile[],
  idempotencyKey: string | undefined,
  consent: boolean,
): Promise<Registered> {
  const permission = can(actor, 'register', null);
  if (!permission.allowed) throw forbidden(permission.message);
  const isAgent = actor.role === 'proxyAgent';
  if (isAgent && !consent)
    throw badRequest(
      'consentRequired',
      {
        zh: 'residentConsent：代理提交须经信访人同意，请确认已取得信访人同意',
        en: 'residentConsent: a proxy submission needs the resident’s consent; confirm you have it',
      },
      { field: 'residentConsent' },
    );
  return registerAs(deps, input, files, idempotencyKey, {
    office: await registeringUnitOf(deps, actor),
    actor: { userId: actor.userId, unitId: actor.unitId },
    channel: isAgent ? 'proxy' : input.channel,
    submittedByUserId: isAgent ? actor.userId : null,
    keyScope: actor.userId,
    consentAt: consent ? deps.now() : null,
    mayLink: (row) => can(actor, 'view', scopeOf(row)).allowed,
  });
}

/**
 * Register a petition from any channel. The petition, its first event, clocks, petitioners (encrypted) and
 * attachments are written in one transaction; the answer is sent only after it commits. With an idempotency
 * key the same request returns the same petition (and the same tracking secret) however often it is retried;
 * the same key with different content is refused.
 */
export async function registerAs(
  deps: Deps,
  input: PetitionIntake,
  files: CheckedFile[],
  idempotencyKey: string | undefined,
  who: Registrar,
): Promise<Registered> {
  const key = idempotencyKey ? `${who.keyScope}:${idempotencyKey}` : null;
  const fingerprint = sha256(JSON.stringify([input, files.map((f) => sha256(f.content))]));
  if (key) {
    const existing = await findByKey(deps, key);
    if (existing) return replayed(deps, existing, fingerprint);
  }

  const channel = who.channel;
  if (channel === 'visit' && input.collective && input.petitioners.length > MAX_VISIT_REPRESENTATIVES)
    throw badRequest(
      'tooManyRepresentatives',
      {
        zh: `petitioners：集体访推选代表不超过 ${MAX_VISIT_REPRESENTATIVES} 人（《信访工作条例》第二十条）`,
        en: `petitioners: a collective visit sends at most ${MAX_VISIT_REPRESENTATIVES} representatives (Art. 20)`,
      },
      { field: 'petitioners' },
    );
  const people = normalisePetitioners(input.petitioners);
  if (!(await jurisdictionExists(deps.db, input.jurisdictionCode)))
    throw badRequest(
      'unknownJurisdiction',
      { zh: `jurisdictionCode：找不到行政区划 ${input.jurisdictionCode}`, en: `jurisdictionCode: no jurisdiction ${input.jurisdictionCode}` },
      { field: 'jurisdictionCode' },
    );
  if (input.respondent?.unitId && !(await findUnit(deps.db, input.respondent.unitId)))
    throw badRequest(
      'unknownUnit',
      { zh: `respondent.unitId：找不到单位 ${input.respondent.unitId}`, en: `respondent.unitId: no unit ${input.respondent.unitId}` },
      { field: 'respondent.unitId' },
    );

  const routing = await cachedRouting(deps.db);
  // Every unit it is against (an accusation is kept from each), and the one it names as the respondent.
  const against = respondentUnitsOf(routing.units, input.respondent ?? {}, { title: input.title, text: input.content, demands: input.demands }, input.jurisdictionCode);
  const respondentUnitIds = against.ids;
  const respondentUnitId =
    input.respondent?.unitId ??
    against.typedUnitId ??
    // An accusation's own words name it when the respondent names no unit (one it may be several of shows none).
    (input.category === 'accusation' && against.given.length === 0 ? (against.inWords[0] ?? null) : null);

  // An accusation against the unit it would be registered at (and held by) goes to the nearest petition office over
  // that unit it does not accuse (Art. 30): the portal and proxy agents pick the office by place, a clerk registers in
  // their own. With no such office, the core refuses it.
  const accused = input.category === 'accusation' ? respondentUnitIds : [];
  const office = accused.includes(who.office.id)
    ? ((await petitionOfficeFor(deps.db, who.office.jurisdictionCode, { not: accused })) ?? who.office)
    : who.office;
  const now = deps.now();
  const ctx = deps.clockSettings.context(now);
  const petition: RegisterInput = {
    channel,
    category: input.category,
    litigationRelated: input.litigationRelated,
    domain: input.domain,
    jurisdictionCode: input.jurisdictionCode,
    collective: input.collective,
    headcount: input.headcount,
    respondentUnitId,
    respondentUnitIds,
    receivedOn: input.receivedOn ?? chinaDate(now),
    repeatOf: input.repeatOf ? await earlierMatter(deps, input.repeatOf, who.mayLink) : null,
  };
  const id = randomUUID();
  const decision = decide(
    null,
    { type: 'register', id, registeringUnit: unitRef(office), petition },
    { now, ...deps.clockSettings.get(), actor: who.actor },
  );
  if (!decision.ok) {
    if (decision.refusal.code === 'accusedRegistrar' && !against.given.includes(office.id)) {
      // Read from the petition's words, not its respondent: say which office and how the words can say otherwise.
      const name = routing.unitById.get(office.id)?.name ?? office.id;
      const m = decision.refusal.message;
      throw new AppError(422, 'accusedRegistrar', {
        zh: `${m.zh}。标题、正文或诉求中对“${name}”的表述被视为检举控告该机关；若该机关只是抄送、转来信件或信访人反映过的机关，请照实写明（如“抄送：”“经……转来”“到……反映”）`,
        en: `${m.en}. The title, text or demands read as accusing ${name}; if it is only copied in, passed the letter on, or where the petitioner went to petition, say so in those words (抄送：…, 经…转来, 到…反映)`,
      });
    }
    throw refusalError(decision.refusal);
  }
  const state = evolve(null, decision.event);
  const secret = newTrackingSecret();

  // Everything the transaction writes is computed before it starts: the CPU work (encryption, the text's
  // fingerprint) holds no connection and no lock.
  const row = { id, jurisdictionCode: input.jurisdictionCode };
  const personal = petitionerRows(deps.keys, row, people);
  const source: IndexSource = {
    id,
    jurisdictionCode: input.jurisdictionCode,
    receivedOn: petition.receivedOn,
    domain: input.domain,
    category: input.category,
    respondentUnitId,
    title: input.title,
    content: input.content,
    demands: input.demands ?? null,
    respondentName: input.respondent?.name ?? null,
    address: input.address ?? null,
    repeatOf: input.repeatOf ?? null,
  };
  const rows: RegistrationRows = {
    petition: {
      ...row,
      trackingCode: '',
      trackingSecretHash: sha256(secret),
      trackingSecretEnc: encrypt(deps.keys.encryption, secret),
      idempotencyKey: key,
      idempotencyFingerprint: key ? fingerprint : null,
      consentAt: who.consentAt,
      channel,
      category: source.category,
      litigationRelated: input.litigationRelated,
      domain: source.domain,
      title: source.title,
      content: source.content,
      demands: source.demands,
      respondentName: source.respondentName,
      respondentUnitId: source.respondentUnitId,
      address: source.address,
      collective: input.collective,
      headcount: input.headcount,
      repeatOf: source.repeatOf,
      registeringUnitId: office.id,
      submittedByUserId: who.submittedByUserId,
      receivedOn: petition.receivedOn,
      registeredAt: now,
      updatedAt: now,
      ...stateColumns(state, ctx),
    },
    event: eventRow(row, state.version, decision.event),
    clocks: clockRows(row, state, ctx),
    petitioners: personal,
    attachments: attachmentRows(row, files, now),
    source,
    index: indexEntries([source], new Map([[id, personKeysOf(personal)]]), now),
  };

  for (let attempt = 0; ; attempt++) {
    const trackingCode = newTrackingCode();
    try {
      const afterInsert = who.afterInsert;
      const pending: PendingRegistration = {
        rows: { ...rows, petition: { ...rows.petition, trackingCode } },
        afterInsert: afterInsert && ((tx) => afterInsert(tx, { ...row, trackingCode, secret })),
      };
      // A petition with files goes in a transaction of its own: its bytes would hold up the group.
      if (files.length) await writePending(deps, [pending]);
      else await intakeGroup(deps).submit(pending);
      return {
        created: true,
        body: {
          id,
          trackingCode,
          trackingSecret: secret,
          registeringUnitId: office.id,
          status: state.status,
          version: state.version,
          deadlines: openDeadlines(state, ctx),
        },
      };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The same idempotency key committed first in a concurrent request: answer with that petition.
      if (key) {
        const existing = await findByKey(deps, key);
        if (existing) return replayed(deps, existing, fingerprint);
      }
      if (attempt >= 3) throw err; // a tracking-code collision four times running is not chance
    }
  }
}

/** A registration waiting to be written, with what the registrar writes in the same transaction. */
interface PendingRegistration {
  rows: RegistrationRows;
  afterInsert?: (tx: Tx) => Promise<void>;
}

const intakeGroups = new WeakMap<Deps, GroupCommit<PendingRegistration>>();

/**
 * Registrations are group-committed: those that arrive while one is being written are written together, in one
 * transaction (one statement for all their rows, one alert check, one commit), and each request is answered
 * only after that transaction commits. A registration that fails the group is written again alone (GroupCommit).
 */
function intakeGroup(deps: Deps): GroupCommit<PendingRegistration> {
  let group = intakeGroups.get(deps);
  if (!group) {
    // One group at a time: two at once insert the same hot index keys and wait on each other's cluster locks,
    // which cost the database more CPU (measured: about 3 ms a registration instead of 2) than the overlap of
    // one group's commit with the next group's work saves; meanwhile the next group grows.
    group = new GroupCommit<PendingRegistration>((items) => writePending(deps, items), { lanes: 1, maxGroup: 64 });
    intakeGroups.set(deps, group);
  }
  return group;
}

function writePending(deps: Deps, items: readonly PendingRegistration[]) {
  return deps.db.transaction(async (tx) => {
    await writeRegistrations(tx, deps, items.map((i) => i.rows));
    for (const i of items) await i.afterInsert?.(tx);
  });
}

/** What registering one petition writes, all computed before the transaction. */
export interface RegistrationRows {
  petition: typeof petitions.$inferInsert;
  event: typeof petitionEvents.$inferInsert;
  clocks: (typeof clocksTable.$inferInsert)[];
  petitioners: (typeof petitioners.$inferInsert)[];
  attachments: (typeof attachments.$inferInsert)[];
  source: IndexSource;
  /** Its duplicate-lookup keys, fingerprint and clusters (repeat chains are joined in the transaction). */
  index: IndexEntries;
}

/**
 * Write registered petitions in the caller's transaction: the petitions, their first events, clocks,
 * petitioners, attachments, index keys, fingerprints and cluster memberships in one statement (data-modifying
 * CTEs), which also reads the alert rule and takes the joined clusters' locks; then the alert check (a later
 * statement, so it counts every member committed before the locks). Two round trips instead of one a table.
 */
export async function writeRegistrations(tx: Tx, deps: AlertDeps, list: readonly RegistrationRows[]) {
  if (list.length === 0) return;
  const sources = list.map((r) => r.source);
  const index: IndexEntries = {
    keyRows: list.flatMap((r) => r.index.keyRows),
    fpRows: list.flatMap((r) => r.index.fpRows),
    memberRows: list.flatMap((r) => r.index.memberRows),
    joined: list.flatMap((r) => r.index.joined),
  };
  // A repeat joins its chain: read (and for a chain never indexed, named) here, before the writes.
  if (sources.some((s) => s.repeatOf))
    await joinRepeatChains(
      tx,
      [...sources].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id)),
      index,
    );
  const many = <T>(pick: (r: RegistrationRows) => T[]) => list.flatMap(pick);
  const clocks = many((r) => r.clocks);
  const people = many((r) => r.petitioners);
  const files = many((r) => r.attachments);
  const writes: SQL[] = [
    insertJsonRows(petitions, list.map((r) => r.petition)),
    insertJsonRows(petitionEvents, list.map((r) => r.event)),
    ...(clocks.length ? [insertJsonRows(clocksTable, clocks)] : []),
    ...(people.length ? [insertJsonRows(petitioners, people)] : []),
    // Files go as binary parameters.
    ...(files.length ? [tx.insert(attachments).values(files).getSQL()] : []),
    ...indexWrites(index),
  ];
  const ctes = sql.join(
    writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`),
    sql`, `,
  );
  const locks = index.joined.length ? clusterLocksSql(index.joined) : sql`0`;
  const [prepared] = await sqlRows<{ rule: unknown }>(tx, sql`with ${ctes} select ${alertRuleSql()} as rule, ${locks} as locked`);
  indexGeneration.value += list.length;
  await checkAlerts(tx, deps, index.joined, { rule: alertRuleFrom(prepared?.rule), locked: true });
}

function replayed(deps: Deps, row: PetitionRow, fingerprint: string): Registered {
  if (row.idempotencyFingerprint !== null && row.idempotencyFingerprint !== fingerprint)
    throw new AppError(409, 'idempotencyKeyReused', {
      zh: 'Idempotency-Key 已用于另一份不同内容的提交，请为新的提交使用新的键',
      en: 'This Idempotency-Key was already used for a different submission; use a new key for a new one',
    });
  return { created: false, body: present(deps, row) };
}

async function findByKey(deps: Deps, key: string) {
  const [row] = await deps.db.select().from(petitions).where(eq(petitions.idempotencyKey, key));
  return row;
}

function present(deps: Deps, row: PetitionRow): Registered['body'] {
  const ctx = deps.clockSettings.context(deps.now());
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    trackingSecret: decrypt(deps.keys.encryption, row.trackingSecretEnc),
    registeringUnitId: row.registeringUnitId,
    status: row.state.status,
    version: row.version,
    deadlines: openDeadlines(row.state, ctx),
  };
}

/**
 * Staff register in their own unit (read with the user when the request was authenticated); a proxy agent's
 * petitions go to the petition office over their area.
 */
async function registeringUnitOf(deps: Deps, actor: SessionUser): Promise<Pick<UnitRow, 'id' | 'jurisdictionCode'>> {
  const unit = actor.unitId
    ? actor.unitJurisdictionCode !== null
      ? { id: actor.unitId, jurisdictionCode: actor.unitJurisdictionCode }
      : undefined
    : actor.role === 'proxyAgent'
      ? await petitionOfficeFor(deps.db, actor.jurisdictionCode)
      : undefined;
  if (!unit)
    throw new AppError(403, 'noUnit', {
      zh: '您的账号没有所属单位，不能登记信访事项',
      en: 'Your account belongs to no unit, so it cannot register petitions',
    });
  return unit;
}

/** What the core needs to know about the earlier petition a new one repeats. */
async function earlierMatter(deps: Deps, id: string, mayLink: Registrar['mayLink']): Promise<EarlierMatter> {
  const row = await loadPetition(deps.db, id);
  if (!row || !mayLink(row))
    throw badRequest(
      'unknownPetition',
      { zh: `repeatOf：找不到信访事项 ${id}`, en: `repeatOf: no petition ${id}` },
      { field: 'repeatOf' },
    );
  const ctx = deps.clockSettings.context(deps.now());
  return {
    id: row.id,
    status: row.state.status,
    handlingJurisdictionCode: row.state.currentUnit?.jurisdictionCode ?? row.state.registeringUnit.jurisdictionCode,
    withinLimits: petitionClocks(row.state, ctx).some((c) => c.status !== 'ended'),
  };
}
