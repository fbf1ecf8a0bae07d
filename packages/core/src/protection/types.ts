export type Role = 'clerk' | 'handler' | 'unitHead' | 'leader' | 'supervisor' | 'admin' | 'proxyAgent';

export interface Actor {
  userId: string;
  role: Role;
  unitId: string | null;
  jurisdictionCode: string;
  /** true when the actor's unit is a petition office (信访局/办) */
  atPetitionOffice: boolean;
}

/** What protection needs to know about a petition. */
export interface PetitionScope {
  /** Where the matter is (GB/T 2260 code). */
  jurisdictionCode: string;
  /** The office/unit that registered it. */
  registeringUnitId: string;
  /** The unit that must act now (handling, reviewing). */
  currentUnitId: string | null;
  /** Every unit it was ever forwarded/assigned to or reviewed by. */
  involvedUnitIds: string[];
  category: 'suggestion' | 'accusation' | 'claim';
  /** The accused/complained-about unit, when it is one of ours. */
  respondentUnitId: string | null;
  /**
   * Every unit of ours the petition is against: the respondent unit, and the others it names (an accusation against
   * two bureaus). An accusation is kept from each of them. Absent: the respondent unit alone.
   */
  respondentUnitIds?: readonly string[];
  /** The proxy agent who submitted it, if any. */
  submittedByUserId: string | null;
  /** The co-units a joint conference named (协办单位): they see it and add opinions, never handle it. */
  coUnitIds?: readonly string[];
  /** The units an unanswered supervision notice was issued to: each answers its own, holding the petition or not. */
  supervisedUnitIds?: readonly string[];
  /** Where the unit that must act now sits (GB/T 2260), when known: a registering office is supervised from above only. */
  currentUnitJurisdictionCode?: string | null;
}

export type CommandType =
  | 'assign'
  | 'forward'
  | 'notifyReceipt'
  | 'accept'
  | 'decline'
  | 'object'
  | 'decideObjection'
  | 'divert'
  | 'extend'
  | 'pause'
  | 'resume'
  | 'reply'
  | 'conclude'
  | 'requestReview'
  | 'decideReview'
  | 'requestReReview'
  | 'decideReReview'
  | 'supervise'
  | 'answerSupervision'
  | 'rate'
  | 'linkRepeat'
  | 'unlinkRepeat'
  | 'reclassify'
  | 'mergeInto'
  | 'mergeIn'
  | 'referToJointConference'
  | 'recordJointConferenceDecision'
  | 'addCoUnitOpinion';

export type Action = 'view' | 'register' | 'revealPersonalData' | 'listAudit' | CommandType;

export type DenialReason = 'outOfScope' | 'accused' | 'role';

export interface LocalisedMessage {
  zh: string;
  en: string;
}

export type Permission =
  { allowed: true } | { allowed: false; reason: DenialReason; message: LocalisedMessage };

// Records keyed by the unions, so a new role or action cannot be forgotten in the lists below.
const roleSet: Record<Role, true> = {
  clerk: true,
  handler: true,
  unitHead: true,
  leader: true,
  supervisor: true,
  admin: true,
  proxyAgent: true,
};

const commandSet: Record<CommandType, true> = {
  assign: true,
  forward: true,
  notifyReceipt: true,
  accept: true,
  decline: true,
  object: true,
  decideObjection: true,
  divert: true,
  extend: true,
  pause: true,
  resume: true,
  reply: true,
  conclude: true,
  requestReview: true,
  decideReview: true,
  requestReReview: true,
  decideReReview: true,
  supervise: true,
  answerSupervision: true,
  rate: true,
  linkRepeat: true,
  unlinkRepeat: true,
  reclassify: true,
  mergeInto: true,
  mergeIn: true,
  referToJointConference: true,
  recordJointConferenceDecision: true,
  addCoUnitOpinion: true,
};

export const ROLES: readonly Role[] = Object.keys(roleSet) as Role[];
export const COMMAND_TYPES: readonly CommandType[] = Object.keys(commandSet) as CommandType[];
export const ACTIONS: readonly Action[] = [
  'view',
  'register',
  'revealPersonalData',
  'listAudit',
  ...COMMAND_TYPES,
];
