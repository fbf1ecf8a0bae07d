import type { IsoDate, Pause, PauseReason } from '../clocks/types';

export const channels = ['letter', 'visit', 'online', 'hotline', 'proxy', 'transfer'] as const;
export type Channel = (typeof channels)[number];

export const categories = ['suggestion', 'accusation', 'claim'] as const;
export type Category = (typeof categories)[number];

export const domains = [
  'housing',
  'labor',
  'land',
  'legal',
  'education',
  'health',
  'propertyManagement',
  'environment',
  'urbanConstruction',
  'socialSecurity',
  'agriculture',
  'other',
] as const;
export type Domain = (typeof domains)[number];

/**
 * Where a petition stands in the legal process (2022 Regulations on Petition Work).
 * - registered: at the petition office, to be routed within 15 days (Art. 22)
 * - awaitingAcceptance: forwarded or assigned to a unit; it tells the petitioner in writing within 15 days,
 *   or objects within 5 working days (Art. 23)
 * - objected: the unit objected; the routing office approves (and re-routes) or rejects the objection
 * - accepted: being handled, 60 days from acceptance, one approved extension of at most 30 (Art. 33)
 * - replied: the written opinion was issued; the petitioner may ask for a review within 30 days (Art. 35)
 * - concluded: handling closed (办结), with the result reported back for assigned petitions
 * - underReview / reviewed / underReReview: the review ladder (Arts. 35, 36)
 * - closed: final after re-review; the same facts and reasons are not accepted again (Art. 36)
 * - declined / diverted: not accepted, or sent to litigation, arbitration, reconsideration… (Arts. 22, 31)
 * - merged: handled as part of a collective petition (`mergedInto`); it is followed there
 */
export const statuses = [
  'registered',
  'awaitingAcceptance',
  'objected',
  'accepted',
  'replied',
  'concluded',
  'underReview',
  'reviewed',
  'underReReview',
  'closed',
  'declined',
  'diverted',
  'merged',
] as const;
export type PetitionStatus = (typeof statuses)[number];

export const terminalStatuses: readonly PetitionStatus[] = ['closed', 'declined', 'diverted', 'merged'];

export type RoutingMode = 'forward' | 'assign';
export type ReplyOutcome = 'support' | 'explain' | 'notSupport' | 'mediated';
export type ReviewOutcome = 'uphold' | 'revise';
export const divertChannels = ['litigation', 'arbitration', 'reconsideration', 'partyDiscipline', 'otherLegal'] as const;
export type DivertChannel = (typeof divertChannels)[number];
export const declineReasons = [
  'notPetitionMatter',
  'outsideRemit',
  'sameMatterInProgress',
  'finalAfterReReview',
  'insufficientInformation',
] as const;
export type DeclineReason = (typeof declineReasons)[number];
/** Days a supervised unit has to answer in writing, unless the notice says otherwise (2005 Regulations). */
export const SUPERVISION_ANSWER_DAYS = 30;
/**
 * Why a notice is issued (Art. 40): a deadline passed, the office that registered the petition has not forwarded
 * or assigned it as required (未按规定转送、交办: only while it still sits unrouted), evasion, improper handling.
 */
export const supervisionReasons = ['late', 'unrouted', 'evasive', 'improper'] as const;
export type SupervisionReason = (typeof supervisionReasons)[number];
export type Rating = 'satisfied' | 'basicallySatisfied' | 'dissatisfied';

/** A unit as the core needs to know it. */
export interface UnitRef {
  id: string;
  jurisdictionCode: string;
}

/** Who acts. Permissions are checked by `protection.can`; the core only records who did what. */
export interface ActorRef {
  userId: string;
  unitId: string | null;
}

export interface Supervision {
  id: string;
  reason: SupervisionReason;
  issuedOn: IsoDate;
  answerDays: number;
  answeredOn: IsoDate | null;
  /** The unit the notice was issued to (the unit that held the petition then); absent on notices stored before. */
  unitId?: string | null;
}

/**
 * A joint conference (联席会议) the petition office put the petition to, and its decision: the lead unit (牵头单位)
 * handles and replies, the co-units (协办单位) see it and add opinions, the lead unit replies by `replyDueOn`.
 * Only the latest conference is kept here; earlier ones stay in the history.
 */
export interface JointConference {
  referredOn: IsoDate;
  decidedOn: IsoDate | null;
  leadUnit: UnitRef | null;
  coUnits: UnitRef[];
  replyDueOn: IsoDate | null;
}

/** The commands of the joint conference, kept apart in the API contracts (their forms live in their own panel). */
export const jointConferenceCommands = ['referToJointConference', 'recordJointConferenceDecision', 'addCoUnitOpinion'] as const;
export type JointConferenceCommandType = (typeof jointConferenceCommands)[number];

export interface PausedSpan extends Pause {
  clock: 'handling' | 'review' | 'reReview';
}

/** The petition as the process sees it: everything the rules and clocks need, nothing personal. */
export interface PetitionState {
  id: string;
  version: number;
  status: PetitionStatus;
  channel: Channel;
  category: Category;
  litigationRelated: boolean;
  domain: Domain;
  jurisdictionCode: string;
  collective: boolean;
  headcount: number;
  respondentUnitId: string | null;
  /** Every unit of ours it is against, the respondent unit included: an accusation is kept from each (Art. 30). Absent on states saved before: the respondent unit alone. */
  respondentUnitIds?: string[];
  repeatOf: string | null;
  registeringUnit: UnitRef;
  receivedOn: IsoDate;
  registeredOn: IsoDate;
  /** When the routing clock starts: receipt, or the day an objection sent the petition back to be re-routed. */
  routeStartOn: IsoDate;
  /** The unit that must act now. */
  currentUnit: UnitRef | null;
  /** Every unit the petition was ever routed to or reviewed by (visibility follows it). */
  involvedUnitIds: string[];
  routingMode: RoutingMode | null;
  routedOn: IsoDate | null;
  /** When the receiving unit told the petitioner in writing that it received the matter (Art. 23). */
  receiptNotifiedOn: IsoDate | null;
  /** A shorter handling limit set by the assigning office (交办, Art. 22), in days. */
  assignedLimitDays: number | null;
  objection: { raisedOn: IsoDate; reason: string } | null;
  acceptedOn: IsoDate | null;
  extensionDays: number;
  pauses: PausedSpan[];
  /** The written opinion, and the unit that issued it (never its own reviewer). */
  reply: { outcome: ReplyOutcome; issuedOn: IsoDate; deliveredOn: IsoDate; unitId: string | null } | null;
  concludedOn: IsoDate | null;
  resolved: boolean | null;
  review: {
    unit: UnitRef;
    requestedOn: IsoDate;
    decidedOn: IsoDate | null;
    deliveredOn: IsoDate | null;
    outcome: ReviewOutcome | null;
  } | null;
  reReview: {
    unit: UnitRef;
    requestedOn: IsoDate;
    decidedOn: IsoDate | null;
    deliveredOn: IsoDate | null;
    outcome: ReviewOutcome | null;
  } | null;
  /** The day it was declined, diverted or closed. */
  endedOn: IsoDate | null;
  declineReason: DeclineReason | null;
  divertedTo: DivertChannel | null;
  supervisions: Supervision[];
  rating: Rating | null;
  /** The latest joint conference; absent on petitions stored before joint conferences existed. */
  jointConference?: JointConference | null;
  /** The collective petition this one was merged into (status `merged`). Absent on states saved before merging existed. */
  mergedInto?: string | null;
  /** The single petitions merged into this collective one, and how many representatives it sends (Art. 20). */
  mergedFrom?: string[];
  /**
   * The units that accusations merged into this one accuse: it stays an accusation against them, whatever a later
   * reclassification would make of it (Art. 30). Absent on states saved before.
   */
  mergedAccusedUnitIds?: string[];
  representatives?: number | null;
}

/** The earlier petition a registered one is linked to as a repeat, as the adapter found it. */
export interface LinkedMatter {
  id: string;
  trackingCode: string;
  receivedOn: IsoDate;
  /** Its own repeatOf chain, nearest first (to refuse a cycle). */
  chain: string[];
}

/** Merging runs on several petitions in one transaction (the analysis feature), not through the one-petition command API. */
export const mergeCommands = ['mergeInto', 'mergeIn'] as const;
export type MergeCommandType = (typeof mergeCommands)[number];

/** A single petition merged into a collective one. */
export interface MergedMatter {
  id: string;
  trackingCode: string;
  headcount: number;
  /** The unit it accuses, when it is an accusation against one of ours (absent: none). Events saved before hold only this. */
  accusedUnitId?: string | null;
  /** Every unit it accuses, when it is an accusation (absent: `accusedUnitId` alone). */
  accusedUnitIds?: string[];
}

/** What an earlier petition about the same matter looks like, found by the adapter from `repeatOf`. */
export interface EarlierMatter {
  id: string;
  status: PetitionStatus;
  /** Where it is being handled (its current or last unit's jurisdiction). */
  handlingJurisdictionCode: string;
  /** True while any of its legal limits still runs (not yet concluded, or a review window open). */
  withinLimits: boolean;
}

export interface RegisterInput {
  channel: Channel;
  category: Category;
  litigationRelated: boolean;
  domain: Domain;
  jurisdictionCode: string;
  collective: boolean;
  headcount: number;
  respondentUnitId: string | null;
  /**
   * Every unit of ours it is against, with or without the respondent unit: the others an accusation names too
   * (举报两个局互相推诿). An accusation is kept from each of them, as from the respondent unit. Absent: the
   * respondent unit alone.
   */
  respondentUnitIds?: string[];
  receivedOn: IsoDate;
  /** Set when the clerk links the petition to an earlier one about the same matter. */
  repeatOf: EarlierMatter | null;
}

export type Command =
  | { type: 'register'; id: string; registeringUnit: UnitRef; petition: RegisterInput }
  | { type: 'assign'; unit: UnitRef; limitDays?: number; note?: string }
  | { type: 'forward'; unit: UnitRef; note?: string }
  | { type: 'notifyReceipt'; note?: string }
  | { type: 'accept'; note?: string }
  | { type: 'decline'; reason: DeclineReason; note: string }
  | { type: 'object'; reason: string }
  | { type: 'decideObjection'; approve: boolean; note?: string }
  | { type: 'divert'; to: DivertChannel; note: string }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'pause'; reason: PauseReason; note?: string }
  | { type: 'resume'; note?: string }
  | { type: 'reply'; outcome: ReplyOutcome; text: string; deliveredOn?: IsoDate }
  | { type: 'conclude'; resolved: boolean; report?: string }
  | { type: 'requestReview'; unit: UnitRef; requestedOn?: IsoDate; reason: string }
  | { type: 'decideReview'; outcome: ReviewOutcome; text: string; deliveredOn?: IsoDate }
  | { type: 'requestReReview'; unit: UnitRef; requestedOn?: IsoDate; reason: string }
  | { type: 'decideReReview'; outcome: ReviewOutcome; text: string; deliveredOn?: IsoDate }
  | { type: 'supervise'; supervisionId: string; reason: SupervisionReason; note: string; answerDays?: number }
  | { type: 'answerSupervision'; supervisionId: string; text: string }
  | { type: 'rate'; rating: Rating; comment?: string }
  | { type: 'referToJointConference'; reason: string }
  | {
      type: 'recordJointConferenceDecision';
      leadUnit: UnitRef;
      coUnits: UnitRef[];
      /** The day the lead unit must reply by. */
      replyDueOn: IsoDate;
      /** What the conference decided, in a few lines (the minutes' conclusion). */
      summary: string;
    }
  | { type: 'addCoUnitOpinion'; text: string }
  | { type: 'linkRepeat'; earlier: LinkedMatter; note?: string }
  | { type: 'unlinkRepeat'; reason: string }
  | {
      type: 'reclassify';
      domain: Domain;
      category: Category;
      litigationRelated: boolean;
      note?: string;
      /**
       * The units the petition is against as the adapter reads them again (core text's respondentUnitsOf), added to
       * those it holds: a petition registered before they were all kept, corrected to an accusation, is kept from each.
       */
      respondentUnitIds?: string[];
    }
  | {
      type: 'mergeInto';
      /** The collective petition as it stands: an accusation joins only an accusation against the same unit(s). */
      collective: { id: string; trackingCode: string; category: Category; respondentUnitId: string | null; respondentUnitIds?: string[] };
      note?: string;
    }
  | { type: 'mergeIn'; sources: MergedMatter[]; headcount: number; representatives: number; note?: string };

export type CommandType = Command['type'];
export type ProcessCommandType = Exclude<CommandType, 'register'>;

/** One entry of the append-only history. `data` is the command's payload as decided, `on` the China date. */
export type PetitionEvent = { [C in Command as C['type']]: EventOf<C> }[CommandType];

type EventOf<C extends Command> = {
  type: EventName<C['type']>;
  at: string;
  on: IsoDate;
  by: ActorRef;
  data: Omit<C, 'type'>;
};

/** Past-tense names of what happened, one per command. */
export const eventNames = {
  register: 'registered',
  assign: 'assigned',
  forward: 'forwarded',
  notifyReceipt: 'receiptNotified',
  accept: 'accepted',
  decline: 'declined',
  object: 'objected',
  decideObjection: 'objectionDecided',
  divert: 'diverted',
  extend: 'extended',
  pause: 'paused',
  resume: 'resumed',
  reply: 'replied',
  conclude: 'concluded',
  requestReview: 'reviewRequested',
  decideReview: 'reviewDecided',
  requestReReview: 'reReviewRequested',
  decideReReview: 'reReviewDecided',
  supervise: 'supervised',
  answerSupervision: 'supervisionAnswered',
  rate: 'rated',
  referToJointConference: 'referredToJointConference',
  recordJointConferenceDecision: 'jointConferenceDecided',
  addCoUnitOpinion: 'coUnitOpinionAdded',
  linkRepeat: 'repeatLinked',
  unlinkRepeat: 'repeatUnlinked',
  reclassify: 'reclassified',
  mergeInto: 'mergedInto',
  mergeIn: 'mergedIn',
} as const satisfies Record<CommandType, string>;
export type EventName<T extends CommandType> = (typeof eventNames)[T];
export type PetitionEventType = (typeof eventNames)[CommandType];

export type { IsoDate, Pause, PauseReason };
