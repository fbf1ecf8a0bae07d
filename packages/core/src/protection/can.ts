import { isValidJurisdictionCode, isWithin, jurisdictionPrefix } from './jurisdiction';
import type { Action, Actor, DenialReason, LocalisedMessage, PetitionScope, Permission, Role } from './types';

/**
 * Which petitions an actor may see at all, as data, so that a list query (SQL) and `can` apply the same rule.
 * Every kind except `none` also excludes accusations against the actor's unit (any of the units they accuse).
 */
export type VisibilityFilter =
  | {
      /** Petitions whose jurisdictionCode starts with `jurisdictionPrefix`, or registered by / involving `unitId`. */
      kind: 'jurisdiction';
      jurisdictionPrefix: string | null;
      unitId: string | null;
      excludeAccusationsAgainstUnitId: string | null;
    }
  | {
      /** Petitions whose currentUnitId is `unitId` or whose involvedUnitIds contain it. */
      kind: 'unit';
      unitId: string;
      excludeAccusationsAgainstUnitId: string;
    }
  | {
      /** Petitions submitted by this proxy agent. */
      kind: 'submittedBy';
      userId: string;
      excludeAccusationsAgainstUnitId: string | null;
    }
  | { kind: 'none' };

/** Roles that see by jurisdiction subtree: petition-office staff, leaders, supervisors, admins. */
export function seesByJurisdiction(actor: Actor): boolean {
  switch (actor.role) {
    case 'clerk':
    case 'leader':
    case 'supervisor':
    case 'admin':
      return true;
    case 'handler':
    case 'unitHead':
      return actor.atPetitionOffice;
    case 'proxyAgent':
      return false;
  }
}

export function visibilityFilter(actor: Actor): VisibilityFilter {
  if (actor.role === 'proxyAgent') {
    return { kind: 'submittedBy', userId: actor.userId, excludeAccusationsAgainstUnitId: actor.unitId };
  }
  if (seesByJurisdiction(actor)) {
    return {
      kind: 'jurisdiction',
      jurisdictionPrefix: isValidJurisdictionCode(actor.jurisdictionCode)
        ? jurisdictionPrefix(actor.jurisdictionCode)
        : null,
      unitId: actor.unitId,
      excludeAccusationsAgainstUnitId: actor.unitId,
    };
  }
  if (actor.unitId === null) return { kind: 'none' };
  return { kind: 'unit', unitId: actor.unitId, excludeAccusationsAgainstUnitId: actor.unitId };
}

/** What telling the units an accusation accuses needs to know about a petition (its scope, its state, its input). */
export type AccusedSource = Pick<PetitionScope, 'category' | 'respondentUnitId' | 'respondentUnitIds'>;

/** Every unit of ours a petition is against, whatever its category: its respondent unit first, then the others. */
export function respondentUnitIdsOf(petition: Pick<PetitionScope, 'respondentUnitId' | 'respondentUnitIds'>): string[] {
  return [...new Set([...(petition.respondentUnitId === null ? [] : [petition.respondentUnitId]), ...(petition.respondentUnitIds ?? [])])];
}

/** The units a petition accuses: none unless it is an accusation; then every unit it is against. */
export function accusedUnitIds(petition: AccusedSource): string[] {
  return petition.category === 'accusation' ? respondentUnitIdsOf(petition) : [];
}

/** True when the petition is an accusation against this unit. */
export function isAccusedUnit(unitId: string | null, petition: AccusedSource): boolean {
  return unitId !== null && accusedUnitIds(petition).includes(unitId);
}

/** Whether a petition passes a visibility filter (the in-memory twin of the SQL the server builds from it). */
export function matchesVisibility(filter: VisibilityFilter, petition: PetitionScope): boolean {
  if (filter.kind === 'none') return false;
  if (isAccusedUnit(filter.excludeAccusationsAgainstUnitId, petition)) return false;
  switch (filter.kind) {
    case 'submittedBy':
      return petition.submittedByUserId !== null && petition.submittedByUserId === filter.userId;
    case 'unit':
      return involvesUnit(petition, filter.unitId);
    case 'jurisdiction':
      return (
        (filter.jurisdictionPrefix !== null &&
          isValidJurisdictionCode(petition.jurisdictionCode) &&
          petition.jurisdictionCode.startsWith(filter.jurisdictionPrefix)) ||
        (filter.unitId !== null &&
          (petition.registeringUnitId === filter.unitId || involvesUnit(petition, filter.unitId)))
      );
  }
}

function involvesUnit(petition: PetitionScope, unitId: string): boolean {
  return petition.currentUnitId === unitId || petition.involvedUnitIds.includes(unitId);
}

/**
 * Whether a petition may be assigned, forwarded or sent for review to a unit: never an accusation to the
 * unit it accuses (Art. 30). The state machine and routing suggestions use this same rule.
 */
export function canAssignTo(petition: PetitionScope, targetUnitId: string): boolean {
  return !isAccusedUnit(targetUnitId, petition);
}

// What each role may do on a petition it can see. `current` = only while the actor's unit is the current unit.
const OFFICE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'view',
  'register',
  'revealPersonalData',
  'assign',
  'forward',
  'divert',
  'decline',
  'decideObjection',
  'requestReview',
  'requestReReview',
  'rate',
  'supervise',
  'linkRepeat',
  'unlinkRepeat',
  'reclassify',
  'mergeInto',
  'mergeIn',
  'referToJointConference',
  'recordJointConferenceDecision',
]);
const CURRENT_UNIT_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'revealPersonalData',
  'notifyReceipt',
  'accept',
  'decline',
  'object',
  'divert',
  'pause',
  'resume',
  'reply',
  'conclude',
  'answerSupervision',
  'decideReview',
  'decideReReview',
  'extend',
]);
const PROXY_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'view',
  'register',
  'revealPersonalData',
  'requestReview',
  'requestReReview',
  'rate',
]);
const LEADER_ACTIONS: ReadonlySet<Action> = new Set<Action>(['view', 'revealPersonalData']);
const SUPERVISOR_ACTIONS: ReadonlySet<Action> = new Set<Action>(['view', 'supervise', 'listAudit']);
const ADMIN_ACTIONS: ReadonlySet<Action> = new Set<Action>(['view', 'listAudit']);

/** Actions that make sense without a petition: registering a new one, listing audit rows across the scope. */
const PETITIONLESS: Partial<Record<Action, readonly Role[]>> = {
  register: ['clerk', 'proxyAgent'],
  listAudit: ['admin', 'supervisor'],
};

const ALLOWED: Permission = { allowed: true };

/**
 * May `actor` perform `action` on `petition`? Pass `petition` null for `register` (and for `listAudit` across
 * the actor's scope). Checks, in order: the accused unit never gets anything; then scope; then the role.
 */
export function can(actor: Actor, action: Action, petition: PetitionScope | null): Permission {
  if (petition === null) {
    const roles = PETITIONLESS[action];
    if (roles === undefined) return deny('outOfScope', messages.petitionRequired);
    return roles.includes(actor.role) ? ALLOWED : deny('role', messages.role(actor.role, action));
  }
  if (isAccusedUnit(actor.unitId, petition)) return deny('accused', messages.accused);
  if (!matchesVisibility(visibilityFilter(actor), petition)) {
    return deny('outOfScope', actor.role === 'proxyAgent' ? messages.proxyOutOfScope : messages.outOfScope);
  }
  return roleAllows(actor, action, petition);
}

function roleAllows(actor: Actor, action: Action, petition: PetitionScope): Permission {
  const ownUnit = actor.unitId !== null && petition.currentUnitId === actor.unitId;
  const supervised = actor.unitId !== null && (petition.supervisedUnitIds ?? []).includes(actor.unitId);
  // Supervision (督办) is of another unit: an office never supervises a petition it holds itself, and a petition
  // still with the office that registered it is that office's to route, supervised only by an office above it.
  if (action === 'supervise' && ownUnit) return deny('role', messages.supervisesOwnUnit);
  if (action === 'supervise' && petition.currentUnitId === petition.registeringUnitId && petition.currentUnitJurisdictionCode) {
    const below = petition.currentUnitJurisdictionCode;
    if (below === actor.jurisdictionCode || !isWithin(below, actor.jurisdictionCode)) return deny('role', messages.supervisesOfficeAbove);
  }
  switch (actor.role) {
    case 'clerk':
      // The office holding a petition answers a supervision notice on it (one from the office above, for routing),
      // and still does once it has routed it.
      if (action === 'answerSupervision') return ownUnit || supervised ? ALLOWED : deny('role', messages.notCurrentUnit(action));
      return OFFICE_ACTIONS.has(action) ? ALLOWED : deny('role', messages.role(actor.role, action));
    case 'handler':
    case 'unitHead': {
      if (action === 'view') return ALLOWED;
      if (action === 'addCoUnitOpinion') {
        const coUnit = actor.unitId !== null && (petition.coUnitIds ?? []).includes(actor.unitId);
        return coUnit ? ALLOWED : deny('role', messages.notCoUnit);
      }
      if (!CURRENT_UNIT_ACTIONS.has(action)) return deny('role', messages.role(actor.role, action));
      // A notice issued to the unit is its to answer, even once the petition has moved on.
      if (action === 'answerSupervision' && supervised) return ALLOWED;
      if (actor.unitId === null || petition.currentUnitId !== actor.unitId) {
        return deny('role', messages.notCurrentUnit(action));
      }
      if (action === 'extend' && actor.role !== 'unitHead') return deny('role', messages.extendNeedsHead);
      return ALLOWED;
    }
    case 'proxyAgent':
      return PROXY_ACTIONS.has(action) ? ALLOWED : deny('role', messages.role(actor.role, action));
    case 'leader':
      return LEADER_ACTIONS.has(action) ? ALLOWED : deny('role', messages.role(actor.role, action));
    case 'supervisor':
      return SUPERVISOR_ACTIONS.has(action) ? ALLOWED : deny('role', messages.role(actor.role, action));
    case 'admin':
      return ADMIN_ACTIONS.has(action) ? ALLOWED : deny('role', messages.role(actor.role, action));
  }
}

function deny(reason: DenialReason, message: LocalisedMessage): Permission {
  return { allowed: false, reason, message };
}

const roleNames: Record<Role, LocalisedMessage> = {
  clerk: { zh: '信访登记人员', en: 'petition office clerk' },
  handler: { zh: '办理人', en: 'handler' },
  unitHead: { zh: '单位负责人', en: 'unit head' },
  leader: { zh: '领导', en: 'leader' },
  supervisor: { zh: '督查人员', en: 'supervisor' },
  admin: { zh: '系统管理员', en: 'administrator' },
  proxyAgent: { zh: '信访代理员', en: 'proxy agent' },
};

/** Each action as a verb phrase, to complete "you may not …". */
const actionPhrases: Record<Action, LocalisedMessage> = {
  view: { zh: '查看该信访事项', en: 'view this petition' },
  register: { zh: '登记信访事项', en: 'register a petition' },
  revealPersonalData: { zh: '查看信访人的个人信息', en: "reveal the petitioner's personal data" },
  listAudit: { zh: '查阅审计记录', en: 'list audit records' },
  assign: { zh: '交办该信访事项', en: 'assign this petition to a unit' },
  forward: { zh: '转送该信访事项', en: 'forward this petition to a unit' },
  notifyReceipt: { zh: '书面告知信访人接收情况', en: 'tell the petitioner the matter was received' },
  accept: { zh: '受理该信访事项', en: 'accept this petition' },
  decline: { zh: '作出不予受理决定', en: 'decline this petition' },
  object: { zh: '对交办提出异议', en: 'object to the assignment' },
  decideObjection: { zh: '处理交办异议', en: 'decide an objection to the assignment' },
  divert: { zh: '引导至法定途径办理', en: 'divert this petition to a legal channel' },
  extend: { zh: '延长办理期限', en: 'extend the handling deadline' },
  pause: { zh: '中止办理期限', en: 'pause the handling clock' },
  resume: { zh: '恢复办理期限', en: 'resume the handling clock' },
  reply: { zh: '出具处理意见', en: 'issue the written reply' },
  conclude: { zh: '办结该信访事项', en: 'conclude this petition' },
  requestReview: { zh: '登记复查申请', en: 'record a review request' },
  decideReview: { zh: '作出复查意见', en: 'decide the review' },
  requestReReview: { zh: '登记复核申请', en: 'record a re-review request' },
  decideReReview: { zh: '作出复核意见', en: 'decide the re-review' },
  supervise: { zh: '督办该信访事项', en: 'issue a supervision notice' },
  answerSupervision: { zh: '答复督办', en: 'answer a supervision notice' },
  rate: { zh: '登记满意度测评', en: 'record a satisfaction rating' },
  linkRepeat: { zh: '关联为重复信访', en: 'link this petition as a repeat' },
  unlinkRepeat: { zh: '撤销重复信访关联', en: 'unlink this petition as a repeat' },
  reclassify: { zh: '更正分类', en: 'correct the classification' },
  mergeInto: { zh: '并入集体信访事项', en: 'merge this petition into a collective one' },
  mergeIn: { zh: '合并为集体信访事项', en: 'merge petitions into this collective one' },
  referToJointConference: { zh: '提交联席会议', en: 'put this petition to a joint conference' },
  recordJointConferenceDecision: { zh: '登记联席会议决定', en: 'record the joint conference decision' },
  addCoUnitOpinion: { zh: '提出协办意见', en: 'add a co-handling opinion' },
};

const messages = {
  accused: {
    zh: '该信访事项是对您所在单位的检举控告，依规不得向被检举控告的单位提供，您无权查看或办理。',
    en: 'This petition is an accusation against your unit; by rule it is never shown to, or handled by, the accused unit.',
  },
  outOfScope: {
    zh: '该信访事项不在您的辖区内，也未交由您所在单位办理，您无权查看或办理。',
    en: 'This petition is outside your jurisdiction and has not been sent to your unit, so you cannot see or handle it.',
  },
  proxyOutOfScope: {
    zh: '信访代理员只能查看和跟进本人代为提交的信访事项。',
    en: 'A proxy agent can only see and follow the petitions they submitted themselves.',
  },
  petitionRequired: {
    zh: '该操作必须针对具体的信访事项进行。',
    en: 'This action can only be performed on a specific petition.',
  },
  notCoUnit: {
    zh: '只有联席会议确定的协办单位可以提出协办意见。',
    en: 'Only a co-unit named by the joint conference can add a co-handling opinion.',
  },
  supervisesOfficeAbove: {
    zh: '该件尚在登记的信访部门转送交办，只能由其上级信访部门督办。',
    en: 'This petition is still with the office that registered it, to be routed: only an office above that one may supervise it.',
  },
  supervisesOwnUnit: {
    zh: '该信访事项由您所在单位办理，不能对本单位发出督办通知。',
    en: 'Your own unit holds this petition: a supervision notice is for another unit.',
  },
  extendNeedsHead: {
    zh: '延长办理期限须经本单位负责人批准，请由单位负责人操作。',
    en: 'Extending the handling deadline must be approved by the head of the unit (Art. 33); ask your unit head to do it.',
  },
  notCurrentUnit: (action: Action): LocalisedMessage => ({
    zh: `该信访事项目前不由您所在单位承办，您不能${actionPhrases[action].zh}。`,
    en: `Your unit is not the one currently handling this petition, so you cannot ${actionPhrases[action].en}.`,
  }),
  role: (role: Role, action: Action): LocalisedMessage => ({
    zh: `您的角色（${roleNames[role].zh}）无权${actionPhrases[action].zh}。`,
    en: `Your role (${roleNames[role].en}) does not allow you to ${actionPhrases[action].en}.`,
  }),
};
