import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
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
import { petitions } from '../db/schema';
import { decrypt, encrypt, newTrackingCode, newTrackingSecret, sha256 } from '../lib/crypto';
import { AppError, badRequest, forbidden } from '../lib/errors';
import { findUnit, jurisdictionExists, petitionOfficeFor, unitRef, type UnitRow } from '../units/repo';
import { indexPetitions } from '../analysis/indexing';
import { insertAttachments, type CheckedFile } from './attachments';
import { insertPetitioners, normalisePetitioners } from './petitioners';
import { appendEvent, isUniqueViolation, loadPetition, saveClocks, scopeOf, stateColumns, type PetitionRow, type Tx } from './repo';
import { refusalError } from './refusal-error';

export interface Registered {
  created: boolean;
  body: {
    id: string;
    trackingCode: string;
    trackingSecret: string;
    status: PetitionStatus;
    version: number;
    deadlines: Record<string, string>;
  };
}

/** Collective visits send at most five representatives (Art. 20). */
const MAX_VISIT_REPRESENTATIVES = 5;

/** Who registers: the office the petition is registered at, who the history names, and how it came in. */
export interface Registrar {
  office: UnitRow;
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

  const office = who.office;
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
    respondentUnitId: input.respondent?.unitId ?? null,
    receivedOn: input.receivedOn ?? chinaDate(now),
    repeatOf: input.repeatOf ? await earlierMatter(deps, input.repeatOf, who.mayLink) : null,
  };
  const id = randomUUID();
  const decision = decide(
    null,
    { type: 'register', id, registeringUnit: unitRef(office), petition },
    { now, ...deps.clockSettings.get(), actor: who.actor },
  );
  if (!decision.ok) throw refusalError(decision.refusal);
  const state = evolve(null, decision.event);
  const secret = newTrackingSecret();

  for (let attempt = 0; ; attempt++) {
    const trackingCode = newTrackingCode();
    try {
      await deps.db.transaction(async (tx) => {
        const row = { id, jurisdictionCode: input.jurisdictionCode };
        await tx.insert(petitions).values({
          ...row,
          trackingCode,
          trackingSecretHash: sha256(secret),
          trackingSecretEnc: encrypt(deps.keys.encryption, secret),
          idempotencyKey: key,
          idempotencyFingerprint: key ? fingerprint : null,
          consentAt: who.consentAt,
          channel,
          category: input.category,
          litigationRelated: input.litigationRelated,
          domain: input.domain,
          title: input.title,
          content: input.content,
          demands: input.demands ?? null,
          respondentName: input.respondent?.name ?? null,
          respondentUnitId: input.respondent?.unitId ?? null,
          address: input.address ?? null,
          collective: input.collective,
          headcount: input.headcount,
          repeatOf: input.repeatOf ?? null,
          registeringUnitId: office.id,
          submittedByUserId: who.submittedByUserId,
          receivedOn: petition.receivedOn,
          registeredAt: now,
          updatedAt: now,
          ...stateColumns(state, ctx),
        });
        await appendEvent(tx, row, state.version, decision.event);
        await saveClocks(tx, row, state, ctx, { fresh: true });
        await insertPetitioners(tx, deps.keys, row, people);
        await insertAttachments(tx, row, files, now);
        await indexPetitions(tx, deps, [id], { fresh: true }); // duplicate-lookup keys, clusters and alerts (issue 6)
        await who.afterInsert?.(tx, { ...row, trackingCode, secret });
      });
      return {
        created: true,
        body: { id, trackingCode, trackingSecret: secret, status: state.status, version: state.version, deadlines: openDeadlines(state, ctx) },
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
    status: row.state.status,
    version: row.version,
    deadlines: openDeadlines(row.state, ctx),
  };
}

/** Staff register in their own unit; a proxy agent's petitions go to the petition office over their area. */
async function registeringUnitOf(deps: Deps, actor: SessionUser): Promise<UnitRow> {
  const unit = actor.unitId
    ? await findUnit(deps.db, actor.unitId)
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
