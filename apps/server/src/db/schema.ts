import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    address: text('address'),
    collective: boolean('collective').notNull(),
    headcount: integer('headcount').notNull(),
    repeatOf: uuid('repeat_of'),
    registeringUnitId: text('registering_unit_id').notNull(),
    currentUnitId: text('current_unit_id'),
    involvedUnitIds: text('involved_unit_ids').array().notNull(),
    submittedByUserId: uuid('submitted_by_user_id'),
    receivedOn: day('received_on').notNull(),
    registeredAt: ts('registered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** The earliest running obligation of the government: "overdue" is next_due_on < today. */
    nextDueOn: day('next_due_on'),
    state: jsonb('state').$type<PetitionState>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('petitions_tracking_code_idx').on(t.trackingCode),
    uniqueIndex('petitions_idempotency_key_idx').on(t.idempotencyKey),
    index('petitions_jurisdiction_received_idx').on(t.jurisdictionCode, t.receivedOn),
    index('petitions_jurisdiction_prefix_idx').on(t.jurisdictionCode.op('text_pattern_ops')),
    index('petitions_current_unit_idx').on(t.currentUnitId, t.status),
    index('petitions_next_due_idx').on(t.nextDueOn),
    index('petitions_status_idx').on(t.status),
    index('petitions_received_idx').on(t.receivedOn, t.id),
    index('petitions_involved_idx').using('gin', t.involvedUnitIds),
    index('petitions_repeat_of_idx').on(t.repeatOf),
  ],
);

/** Every clock of every petition, so "due within N days" on any clock is an indexed range query. */
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
    nameMasked: text('name_masked').notNull(),
    phoneMasked: text('phone_masked'),
    idCardMasked: text('id_card_masked'),
    addressMasked: text('address_masked'),
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
