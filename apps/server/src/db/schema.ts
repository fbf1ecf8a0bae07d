import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PetitionEvent, PetitionState } from '@qiao/core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** GB/T 2260 administrative divisions: city → county → town → village. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    level: text('level').notNull(),
  },
  (t) => [index('jurisdictions_parent_idx').on(t.parentCode)],
);

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    kind: text('kind').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('units_jurisdiction_idx').on(t.jurisdictionCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: text('unit_id'),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    active: boolean('active').notNull().default(true),
    /** Bumped to invalidate every token issued before (password change, deactivation). */
    tokenGeneration: integer('token_generation').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
);

/** One row a petition: the current state (folded from its events) plus the columns lists filter on. */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    trackingCode: text('tracking_code').notNull(),
    trackingSecretHash: text('tracking_secret_hash').notNull(),
    /** Kept (encrypted) so a retried intake can answer with the same secret it lost the first time. */
    trackingSecretEnc: text('tracking_secret_enc').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** A hash of the request an idempotency key first came with: the same key with other content is refused. */
    idempotencyFingerprint: text('idempotency_fingerprint'),
    /** When the resident consented to the processing of their personal data (portal and proxy submissions). */
    consentAt: ts('consent_at'),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    litigationRelated: boolean('litigation_related').notNull(),
    domain: text('domain').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    demands: text('demands'),
    respondentName: text('respondent_name'),
    respondentUnitId: text('respondent_unit_id'),
    /** Every unit of ours it is against, the respondent unit included (core respondentUnitIdsOf): an accusation is kept from each. */
    respondentUnitIds: text('respondent_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    address: text('address'),
    collective: boolean('collective').notNull(),
    headcount: integer('headcount').notNull(),
    repeatOf: uuid('repeat_of'),
    registeringUnitId: text('registering_unit_id').notNull(),
    currentUnitId: text('current_unit_id'),
    involvedUnitIds: text('involved_unit_ids').array().notNull(),
    /** The units with a supervision notice to answer on it (core supervisedUnitIdsOf): each one's to-do tab. */
    supervisedUnitIds: text('supervised_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    submittedByUserId: uuid('submitted_by_user_id'),
    receivedOn: day('received_on').notNull(),
    registeredAt: ts('registered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** The earliest running obligation of the unit holding it (core nextDue): "overdue" is next_due_on < today. */
    nextDueOn: day('next_due_on'),
    state: jsonb('state').$type<PetitionState>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    // text_pattern_ops: equality (the portal's and the ledger's look-ups, uniqueness) and also the text search's
    // LIKE '7K3M-Q9%' on a code's start, which the default operator class serves only under the C collation.
    uniqueIndex('petitions_tracking_code_idx').on(t.trackingCode.op('text_pattern_ops')),
    uniqueIndex('petitions_idempotency_key_idx').on(t.idempotencyKey),
    index('petitions_jurisdiction_received_idx').on(t.jurisdictionCode, t.receivedOn),
    index('petitions_jurisdiction_prefix_idx').on(t.jurisdictionCode.op('text_pattern_ops')),
    index('petitions_current_unit_idx').on(t.currentUnitId, t.status),
    index('petitions_next_due_idx').on(t.nextDueOn),
    // Open petitions only, with every column the overdue counts and the visibility rule read: the cockpit's
    // "overdue now" is an index-only scan instead of a visit to each overdue petition's row.
    index('petitions_open_due_idx')
      .on(t.nextDueOn, t.jurisdictionCode, t.currentUnitId, t.registeringUnitId, t.category, t.respondentUnitIds, t.submittedByUserId, t.involvedUnitIds)
      .where(sql`${t.nextDueOn} is not null`),
    index('petitions_status_idx').on(t.status),
    index('petitions_received_idx').on(t.receivedOn, t.id),
    index('petitions_involved_idx').using('gin', t.involvedUnitIds),
    index('petitions_supervised_idx').using('gin', t.supervisedUnitIds),
    index('petitions_repeat_of_idx').on(t.repeatOf),
    // The unit scorecard's drill-down (?handlingUnit=) lists a unit's petitions newest first from this.
    index('petitions_handling_unit_idx').on(sql`coalesce(${t.state} -> 'reply' ->> 'unitId', ${t.currentUnitId})`, t.receivedOn),
  ],
);

/**
 * core's `handlingUnitId` as SQL text, on a table or alias (`petitions`, `p`): the unit that issued the written
 * opinion, else the unit holding the petition. The index petitions_handling_unit_idx is on the same expression.
 */
export const handlingUnitExpr = (alias = 'petitions') => `coalesce(${alias}.state -> 'reply' ->> 'unitId', ${alias}.current_unit_id)`;

/** Every clock of every petition, so "due within N days" on any clock is an indexed range query. */
/**
 * Petitions whose stored state a migration found out of step with what folding their history gives now (notices
 * stored before they named their unit): folded again from their events at start-up (petitions/refold.ts), then
 * removed from here.
 */
export const petitionRefolds = pgTable('petition_refolds', {
  petitionId: uuid('petition_id').primaryKey(),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  why: text('why').notNull(),
});

export const petitionClocks = pgTable(
  'petition_clocks',
  {
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    startOn: day('start_on').notNull(),
    dueOn: day('due_on').notNull(),
    status: text('status').notNull(),
    endedOn: day('ended_on'),
    late: boolean('late').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.name] }),
    index('petition_clocks_due_idx').on(t.status, t.dueOn),
  ],
);

/** The append-only history. `seq` equals the petition version the event produced. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUnitId: text('actor_unit_id'),
    event: jsonb('event').$type<PetitionEvent>().notNull(),
  },
  (t) => [uniqueIndex('petition_events_seq_idx').on(t.petitionId, t.seq)],
);

/** Personal data, encrypted field by field (AES-256-GCM); masked copies for display; keyed hashes to match. */
export const petitioners = pgTable(
  'petitioners',
  {
    id: uuid('id').primaryKey(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    position: integer('position').notNull(),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc'),
    idCardEnc: text('id_card_enc'),
    addressEnc: text('address_enc'),
    /** Given through Open311 (or any channel that takes it); never returned to integrators. */
    emailEnc: text('email_enc'),
    nameMasked: text('name_masked').notNull(),
    phoneMasked: text('phone_masked'),
    idCardMasked: text('id_card_masked'),
    addressMasked: text('address_masked'),
    emailMasked: text('email_masked'),
    phoneHash: text('phone_hash'),
    idCardHash: text('id_card_hash'),
  },
  (t) => [index('petitioners_petition_idx').on(t.petitionId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('attachments_petition_idx').on(t.petitionId)],
);

/** Every read of personal data: who, when, which petition, why. */
export const auditReads = pgTable(
  'audit_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    userId: uuid('user_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    fields: text('fields').array().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('audit_reads_petition_idx').on(t.petitionId, t.at)],
);

/** Instance settings (clock counting mode, imported holiday data). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Notifications waiting to be delivered, written in the same transaction as the change that causes them.
 * Recipient and body are encrypted: an SMS may carry a tracking secret.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    petitionId: uuid('petition_id'),
    channel: text('channel').notNull(),
    /** A user id for in-app notices; encrypted phone or address otherwise. */
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    bodyEnc: text('body_enc').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

/** Wrong tracking secrets per code, to lock a code for a while after repeated failures. */
export const trackingFailures = pgTable('tracking_failures', {
  trackingCode: text('tracking_code').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: ts('first_failure_at').notNull(),
  lockedUntil: ts('locked_until'),
});

/** A leader's public reception day (领导接访日): residents book one of `capacity` slots. */
export const receptionDays = pgTable(
  'reception_days',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    leaderUserId: uuid('leader_user_id'),
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title').notNull(),
    day: day('day').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    place: text('place').notNull(),
    topics: text('topics').array().notNull(),
    capacity: integer('capacity').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('reception_days_day_idx').on(t.day)],
);

/** A booked slot (约访). The resident's name and phone are personal data: encrypted, masked for display. */
export const receptionBookings = pgTable(
  'reception_bookings',
  {
    id: uuid('id').primaryKey(),
    dayId: uuid('day_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    bookingCode: text('booking_code').notNull(),
    cancelSecretHash: text('cancel_secret_hash').notNull(),
    petitionId: uuid('petition_id'),
    slot: integer('slot').notNull(),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    nameMasked: text('name_masked').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    summary: text('summary'),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    uniqueIndex('reception_bookings_code_idx').on(t.bookingCode),
    index('reception_bookings_day_idx').on(t.dayId, t.status),
  ],
);

/** Reminders and escalations already sent: one row per petition, clock, stage and due date (idempotent sweeps). */
export const reminders = pgTable(
  'reminders',
  {
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    clock: text('clock').notNull(),
    stage: text('stage').notNull(),
    dueOn: day('due_on').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.clock, t.stage, t.dueOn] })],
);

/** A leader's personal ownership of a hard case (包案), with the resolution plan and its progress. */
export const petitionOwners = pgTable(
  'petition_owners',
  {
    petitionId: uuid('petition_id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    leaderUserId: uuid('leader_user_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: ts('assigned_at').notNull(),
    plan: jsonb('plan').$type<{ steps: { text: string; due: string | null; done: boolean }[] }>().notNull(),
    targetOn: day('target_on'),
    progress: jsonb('progress').$type<{ on: string; text: string; by: string }[]>().notNull(),
    status: text('status').notNull(),
  },
  (t) => [index('petition_owners_leader_idx').on(t.leaderUserId, t.status)],
);

// ---- Text analysis (issue 6): duplicate lookup keys, stored fingerprints, clusters, alerts, routing rules ----

/**
 * Candidate keys of each petition for near-duplicate lookup: LSH band keys (`v1:<band>:<hash>`), respondent
 * (`r:`), place (`p:`) and petitioner (`h:<keyed hash>`) keys. Looked up by key equality, most recent first.
 */
export const analysisKeys = pgTable(
  'analysis_keys',
  {
    key: text('key').notNull(),
    receivedOn: day('received_on').notNull(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.receivedOn, t.petitionId] })],
);

/** What similarity needs of a petition, without re-reading its text: hashed shingles, entities, person hashes. */
export const analysisFingerprints = pgTable(
  'analysis_fingerprints',
  {
    petitionId: uuid('petition_id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    receivedOn: day('received_on').notNull(),
    domain: text('domain').notNull(),
    shingles: integer('shingles').array().notNull(),
    respondents: text('respondents').array().notNull(),
    places: text('places').array().notNull(),
    subjects: text('subjects').array().notNull(),
    /**
     * Concrete facts (core text/facts.ts: `a:38600`, `d:2024-01-09`, `u:1203` …) that add to or, for different
     * flats, take from a pair's score. NULL in rows indexed before they were kept: `qiao index --backfill` fills them.
     */
    facts: text('facts').array(),
    /**
     * How the fingerprint was made (core text/stored.ts FINGERPRINT_VERSION; 1 for rows from before the column):
     * rows of an older version compare poorly with new ones until `qiao index --backfill` re-indexes them.
     */
    version: smallint('fingerprint_version').notNull().default(1),
    /** Keyed hashes (HMAC) of the petitioners' phone and ID numbers: equal means the same person. */
    persons: text('persons').array().notNull(),
    /** The candidate keys written to analysis_keys for this petition (to replace them on re-indexing). */
    keys: text('keys').array().notNull(),
    indexedAt: ts('indexed_at').notNull(),
  },
  // Finds fingerprints of an older version at start without reading the table (serve warns of them).
  (t) => [index('analysis_fingerprints_version_idx').on(t.version)],
);

/** Cluster membership: by respondent (`respondent`), place + domain (`placeDomain`), repeat chain (`repeat`). */
export const analysisClusterMembers = pgTable(
  'analysis_cluster_members',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    receivedOn: day('received_on').notNull(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    domain: text('domain').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key, t.receivedOn, t.petitionId] }),
    index('analysis_cluster_members_received_idx').on(t.receivedOn),
    index('analysis_cluster_members_petition_idx').on(t.petitionId),
  ],
);

/** An alert (预警): a cluster grew past the configured size within the window; raised once per window. */
export const analysisAlerts = pgTable(
  'analysis_alerts',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    windowStart: day('window_start').notNull(),
    windowEnd: day('window_end').notNull(),
    size: integer('size').notNull(),
    petitionIds: uuid('petition_ids').array().notNull(),
    domain: text('domain').notNull(),
    /** The subject-matter unit it is addressed to (null: the petition office over the place). */
    unitId: text('unit_id'),
    reason: jsonb('reason').$type<{ zh: string; en: string }>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('analysis_alerts_cluster_window_idx').on(t.kind, t.key, t.windowStart),
    index('analysis_alerts_cluster_idx').on(t.kind, t.key, t.windowEnd),
    index('analysis_alerts_unit_idx').on(t.unitId, t.createdAt),
    index('analysis_alerts_jurisdiction_idx').on(t.jurisdictionCode.op('text_pattern_ops')),
  ],
);

/** Subject-matter routing (属事) an admin set: in this jurisdiction, petitions of this domain go to this unit. */
export const analysisRoutingRules = pgTable(
  'analysis_routing_rules',
  {
    jurisdictionCode: text('jurisdiction_code').notNull(),
    domain: text('domain').notNull(),
    /** null: no subject unit at this level (look further up). */
    unitId: text('unit_id'),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionCode, t.domain] })],
);

/** Supervision notices the sweep drafted for the petition office to review and issue (督办 drafts). */
export const supervisionDrafts = pgTable(
  'supervision_drafts',
  {
    id: uuid('id').primaryKey(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    officeUnitId: text('office_unit_id').notNull(),
    unitId: text('unit_id').notNull(),
    clock: text('clock').notNull(),
    dueOn: day('due_on').notNull(),
    note: text('note').notNull(),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_drafts_once_idx').on(t.petitionId, t.clock, t.dueOn),
    index('supervision_drafts_office_idx').on(t.officeUnitId, t.status),
  ],
);

// ---- Dashboards (issue 7): exact aggregates kept in step with the petitions ----

/** The counts of core/metrics `MeasureCounts`, one integer column each (snake_case of the same names). */
const measureColumns = () => ({
  received: integer('received').notNull().default(0),
  repeats: integer('repeats').notNull().default(0),
  online: integer('online').notNull().default(0),
  firstConcluded: integer('first_concluded').notNull().default(0),
  firstResolved: integer('first_resolved').notNull().default(0),
  replied: integer('replied').notNull().default(0),
  repliedOnTime: integer('replied_on_time').notNull().default(0),
  acceptanceDecided: integer('acceptance_decided').notNull().default(0),
  acceptanceTimely: integer('acceptance_timely').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  forwarded: integer('forwarded').notNull().default(0),
  assigned: integer('assigned').notNull().default(0),
  supervised: integer('supervised').notNull().default(0),
  suggestions: integer('suggestions').notNull().default(0),
  suggestionsAdopted: integer('suggestions_adopted').notNull().default(0),
});

/**
 * One row a petition: what it contributes to the rollups (its group and its 0/1 counts), as last applied. The
 * difference between this and a fresh computation is what a sync adds to the rollups, so they stay exact.
 */
export const dashboardFacts = pgTable(
  'dashboard_facts',
  {
    petitionId: uuid('petition_id').primaryKey(),
    month: text('month').notNull(),
    county: text('county').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    domain: text('domain').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    /** The handling unit (core `handlingUnitId`: the one that replied, else the holder), '' when none. */
    unitId: text('unit_id').notNull(),
    /**
     * The units an accusation accuses, their ids joined by commas (a unit id has none: contracts' unit id pattern),
     * '' otherwise: visibility hides these from each of them. A rollup dimension, so one text, not an array.
     */
    accusedUnitId: text('accused_unit_id').notNull(),
    /** Registering, current and every involved unit: finds a unit's petitions outside its jurisdiction. */
    units: text('units').array().notNull(),
    /** The units involved besides the current one (co-handling, review): a unit's own scope. */
    involvedUnitIds: text('involved_unit_ids').array().notNull().default(sql`'{}'::text[]`),
    submittedByUserId: uuid('submitted_by_user_id'),
    /** The day received: the day rollups' key. */
    receivedOn: day('received_on').notNull(),
    ...measureColumns(),
  },
  (t) => [
    index('dashboard_facts_units_idx').using('gin', t.units),
    index('dashboard_facts_jurisdiction_idx').on(t.jurisdictionCode.op('text_pattern_ops'), t.month),
    index('dashboard_facts_submitted_idx').on(t.submittedByUserId),
    // A rate's drill-down (core `rateParts`) walks its denominator's facts newest first and reads its numerators
    // (met, missed) from the same entries (dashboards/measure-filter.ts). The shares of all petitions received
    // (repeats, online) and a unit's rates (the scorecard's) walk the petitions instead.
    index('dashboard_facts_first_concluded_idx').on(t.receivedOn, t.petitionId, t.firstResolved).where(sql`${t.firstConcluded} = 1`),
    index('dashboard_facts_replied_idx').on(t.receivedOn, t.petitionId, t.repliedOnTime, t.rated).where(sql`${t.replied} = 1`),
    index('dashboard_facts_acceptance_decided_idx').on(t.receivedOn, t.petitionId, t.acceptanceTimely).where(sql`${t.acceptanceDecided} = 1`),
    index('dashboard_facts_rated_idx').on(t.receivedOn, t.petitionId, t.satisfied).where(sql`${t.rated} = 1`),
  ],
);

// The groups of each rollup, shared by the monthly table and its version by day (which adds `received_on`).
const mainRollupGroup = () => ({
  month: text('month').notNull(),
  county: text('county').notNull(),
  domain: text('domain').notNull(),
  channel: text('channel').notNull(),
  category: text('category').notNull(),
  accusedUnitId: text('accused_unit_id').notNull(),
});
const unitRollupGroup = () => ({
  month: text('month').notNull(),
  county: text('county').notNull(),
  unitId: text('unit_id').notNull(),
  accusedUnitId: text('accused_unit_id').notNull(),
});
const scopeRollupGroup = () => ({
  handles: boolean('handles').notNull(),
  accusedSelf: boolean('accused_self').notNull(),
  month: text('month').notNull(),
  county: text('county').notNull(),
  domain: text('domain').notNull(),
  channel: text('channel').notNull(),
  category: text('category').notNull(),
  /** The handling unit (core `handlingUnitId`), '' when none (the unit ranking of a unit's own scope). */
  unitId: text('unit_id').notNull(),
});

/** Sums of `dashboard_facts` by received month × county × domain × channel × category (× accused unit). */
export const dashboardRollup = pgTable(
  'dashboard_rollup',
  { ...mainRollupGroup(), ...measureColumns() },
  (t) => [primaryKey({ columns: [t.month, t.county, t.domain, t.channel, t.category, t.accusedUnitId] })],
);

/** Sums of `dashboard_facts` by received month × county × current unit (× accused unit): rankings, scorecards. */
export const dashboardUnitRollup = pgTable(
  'dashboard_unit_rollup',
  { ...unitRollupGroup(), ...measureColumns() },
  (t) => [primaryKey({ columns: [t.month, t.county, t.unitId, t.accusedUnitId] })],
);

/**
 * Sums of `dashboard_facts` seen from each unit a petition names (registering, current or involved): a unit's
 * handlers (`handles`: current or involved) and a petition office's own petitions outside its jurisdiction are
 * counted from here instead of live. `accused_self`: an accusation against this very unit, which it never sees.
 */
export const dashboardScopeRollup = pgTable(
  'dashboard_scope_rollup',
  { scopeUnitId: text('scope_unit_id').notNull(), ...scopeRollupGroup(), ...measureColumns() },
  (t) => [
    primaryKey({ name: 'dashboard_scope_rollup_pk', columns: [t.scopeUnitId, t.handles, t.accusedSelf, t.month, t.county, t.domain, t.channel, t.category, t.unitId] }),
  ],
);

/*
 * The same three sums by day received (month kept alongside, as the monthly queries name it), for the one month
 * counted only in part: last year's side of a year-on-year comparison stops at today's date a year ago.
 */
export const dashboardDayRollup = pgTable(
  'dashboard_day_rollup',
  { receivedOn: day('received_on').notNull(), ...mainRollupGroup(), ...measureColumns() },
  (t) => [primaryKey({ name: 'dashboard_day_rollup_pk', columns: [t.receivedOn, t.month, t.county, t.domain, t.channel, t.category, t.accusedUnitId] })],
);

export const dashboardUnitDayRollup = pgTable(
  'dashboard_unit_day_rollup',
  { receivedOn: day('received_on').notNull(), ...unitRollupGroup(), ...measureColumns() },
  (t) => [primaryKey({ name: 'dashboard_unit_day_rollup_pk', columns: [t.receivedOn, t.month, t.county, t.unitId, t.accusedUnitId] })],
);

export const dashboardScopeDayRollup = pgTable(
  'dashboard_scope_day_rollup',
  { scopeUnitId: text('scope_unit_id').notNull(), receivedOn: day('received_on').notNull(), ...scopeRollupGroup(), ...measureColumns() },
  (t) => [
    primaryKey({
      name: 'dashboard_scope_day_rollup_pk',
      columns: [t.scopeUnitId, t.receivedOn, t.handles, t.accusedSelf, t.month, t.county, t.domain, t.channel, t.category, t.unitId],
    }),
  ],
);

/** How far the rollups have read the event history (one row, id 1). */
export const dashboardSync = pgTable('dashboard_sync', {
  id: integer('id').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  /** Event ids skipped because their transaction had not committed yet: `[{id, seenAt}]`, re-read until they expire. */
  gaps: jsonb('gaps').$type<{ id: number; seenAt: string }[]>().notNull(),
  /** The clock settings and holidays the stored clocks' lateness was computed with; a change forces a rebuild. */
  settingsKey: text('settings_key').notNull(),
  rebuiltAt: ts('rebuilt_at').notNull(),
});

// ---- Open311 GeoReport v2 (issue 8): integrators' API keys, their audited uses, submitted requests, webhooks ----

/** An integrator's API key. Only a sha256 of the key is kept; the key itself is shown once, at creation. */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, to recognise it in lists (never enough to use it). */
    keyPrefix: text('key_prefix').notNull(),
    /** `submit`, `readOwn`, `webhooks`. */
    scopes: text('scopes').array().notNull(),
    /** The channel its submissions are registered with: `online`, or `hotline` for a 12345 platform. */
    channel: text('channel').notNull(),
    /** Submissions must be placed within this jurisdiction. */
    jurisdictionCode: text('jurisdiction_code').notNull(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('open311_api_keys_hash_idx').on(t.keyHash)],
);

/** Every use of an API key (and every attempt with an unknown or revoked one): what, when, the answer. */
export const open311KeyUses = pgTable(
  'open311_key_uses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    keyId: uuid('key_id'),
    at: ts('at').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    statusCode: integer('status_code').notNull(),
    petitionId: uuid('petition_id'),
    /** Why a use was refused: `unknownKey`, `revoked`, `scope`, `rateLimited`… */
    outcome: text('outcome').notNull(),
    ip: text('ip'),
  },
  (t) => [index('open311_key_uses_key_idx').on(t.keyId, t.at)],
);

/** A petition that came in through Open311: which key sent it, the token, and what Open311 said of the place. */
export const open311Requests = pgTable(
  'open311_requests',
  {
    petitionId: uuid('petition_id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    keyId: uuid('key_id').notNull(),
    token: text('token').notNull(),
    serviceCode: text('service_code').notNull(),
    lat: text('lat'),
    long: text('long'),
    addressString: text('address_string'),
    addressId: text('address_id'),
    mediaUrl: text('media_url'),
    attributes: jsonb('attributes').$type<Record<string, string | string[]>>().notNull(),
    requestedAt: ts('requested_at').notNull(),
  },
  (t) => [uniqueIndex('open311_requests_token_idx').on(t.token), index('open311_requests_key_idx').on(t.keyId, t.requestedAt)],
);

/** A URL an integrator receives status changes of its requests at, signed with the subscription's secret. */
export const open311Webhooks = pgTable(
  'open311_webhooks',
  {
    id: uuid('id').primaryKey(),
    keyId: uuid('key_id').notNull(),
    /** Encrypted: a URL may carry the receiver's own token. */
    urlEnc: text('url_enc').notNull(),
    /** Encrypted (needed to sign), shown once at creation. */
    secretEnc: text('secret_enc').notNull(),
    /** The language of `status_notes` in the payload: `zh-CN` or `en`. */
    locale: text('locale').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('open311_webhooks_key_idx').on(t.keyId)],
);

/** Each queued delivery (an outbox row) of a subscription, for its delivery history. */
export const open311WebhookDeliveries = pgTable(
  'open311_webhook_deliveries',
  {
    outboxId: bigint('outbox_id', { mode: 'number' }).primaryKey(),
    webhookId: uuid('webhook_id').notNull(),
    petitionId: uuid('petition_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    event: text('event').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('open311_webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt)],
);

/** Every attempt to deliver: the HTTP status (or network error) and how long it took. */
export const open311WebhookAttempts = pgTable(
  'open311_webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('open311_webhook_attempts_outbox_idx').on(t.outboxId, t.at)],
);

/** A named backlog ledger (积案台账) of hard petitions, kept until every entry is resolved. */
export const ledgers = pgTable('ledgers', {
  id: uuid('id').primaryKey(),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    ledgerId: uuid('ledger_id').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    petitionId: uuid('petition_id').notNull(),
    position: integer('position').notNull(),
    responsibleUnitId: text('responsible_unit_id').notNull(),
    ownerLeaderUserId: uuid('owner_leader_user_id'),
    measures: text('measures').notNull(),
    targetOn: day('target_on'),
    progress: text('progress').notNull(),
    resolved: boolean('resolved').notNull(),
    resolvedOn: day('resolved_on'),
    addedOn: day('added_on').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_entries_petition_idx').on(t.ledgerId, t.petitionId),
    index('ledger_entries_ledger_idx').on(t.ledgerId, t.position),
  ],
);
