import { addDays, compareDates } from '../clocks/date';
import type { IsoDate } from '../clocks/types';
import type { RefusalCode } from './refusals';
import { isAccusedUnit } from '../protection/can';
import type { Command, JointConference, PetitionEvent, PetitionState, UnitRef } from './types';

/*
 * The joint conference (联席会议): the petition office puts a matter that involves several units to a meeting of
 * those units, which decides the lead unit (牵头单位, it handles and replies), the co-units (协办单位, they see the
 * matter and add their opinions but never reply or conclude) and the day the lead unit must reply by. The decision
 * routes the petition like an assignment (交办) by the office, and its deadline is a clock.
 */

/** The latest day a conference may give the lead unit to reply: the ordinary handling limit (Art. 33). */
export const JOINT_CONFERENCE_REPLY_MAX_DAYS = 60;
/** More co-units than this is no longer a working group. */
export const JOINT_CONFERENCE_MAX_CO_UNITS = 10;

type Conference = JointConference | null | undefined;

/** Referred to a joint conference that has not decided yet. */
export function conferencePending(p: Pick<PetitionState, 'jointConference'>): boolean {
  const jc: Conference = p.jointConference;
  return !!jc && jc.decidedOn === null;
}

/** The co-units named by the latest decided conference (none before a decision). */
export function coUnitIdsOf(p: Pick<PetitionState, 'jointConference'>): string[] {
  const jc: Conference = p.jointConference;
  return jc?.decidedOn ? jc.coUnits.map((u) => u.id) : [];
}

/** The unit holding the petition is there because a conference made it the lead unit: it cannot object. */
export function boundByConference(p: Pick<PetitionState, 'jointConference' | 'currentUnit'>): boolean {
  const jc: Conference = p.jointConference;
  return !!jc?.decidedOn && !!jc.leadUnit && jc.leadUnit.id === p.currentUnit?.id;
}

/**
 * Why a command cannot apply to this petition whatever its body says, as far as the joint conference is concerned.
 * While a conference is pending, the office does not route the petition past it.
 */
export function jointConferenceBlock(p: PetitionState, type: Command['type']): RefusalCode | null {
  switch (type) {
    case 'referToJointConference':
    case 'assign':
    case 'forward':
      return conferencePending(p) ? 'jointConferencePending' : null;
    case 'recordJointConferenceDecision':
      return conferencePending(p) ? null : 'jointConferenceNotReferred';
    case 'addCoUnitOpinion':
      return coUnitIdsOf(p).length > 0 ? null : 'notCoUnit';
    case 'object':
      return boundByConference(p) ? 'jointConferenceBinding' : null;
    default:
      return null;
  }
}

type JointCommand = Extract<
  Command,
  { type: 'referToJointConference' | 'recordJointConferenceDecision' | 'addCoUnitOpinion' }
>;

/** The body of a joint conference command, checked once its preconditions hold. */
export function checkJointConference(
  p: PetitionState,
  command: JointCommand,
  today: IsoDate,
): RefusalCode | null {
  switch (command.type) {
    case 'referToJointConference':
      return command.reason.trim() === '' ? 'textRequired' : null;
    case 'recordJointConferenceDecision': {
      const { leadUnit, coUnits } = command;
      // Art. 30: an accusation is never handled by, nor shown to, the unit it accuses, not even as a co-unit.
      if ([leadUnit, ...coUnits].some((u) => isAccusedUnit(u.id, p))) return 'accusedUnitInConference';
      const ids = coUnits.map((u) => u.id);
      if (
        ids.includes(leadUnit.id) ||
        new Set(ids).size !== ids.length ||
        ids.length > JOINT_CONFERENCE_MAX_CO_UNITS
      )
        return 'coUnitsInvalid';
      // The office cannot make itself the lead of a matter it still has to route.
      if (p.status === 'registered' && p.currentUnit?.id === leadUnit.id) return 'sameUnit';
      if (
        compareDates(command.replyDueOn, today) <= 0 ||
        compareDates(command.replyDueOn, addDays(today, JOINT_CONFERENCE_REPLY_MAX_DAYS)) > 0
      )
        return 'replyDueInvalid';
      return command.summary.trim() === '' ? 'textRequired' : null;
    }
    case 'addCoUnitOpinion':
      // Which unit may add one is protection's rule (`can`: a co-unit's staff); the core records who did.
      return command.text.trim() === '' ? 'textRequired' : null;
  }
}

type JointEvent = Extract<
  PetitionEvent,
  { type: 'referredToJointConference' | 'jointConferenceDecided' | 'coUnitOpinionAdded' }
>;

/**
 * Fold a joint conference event (`s` already carries the new version). The decision routes the petition: an
 * accepted petition stays accepted and the lead unit takes over its handling; otherwise the lead unit receives it
 * as an assignment (交办) and must accept it (unless it already held it, in which case its routing stands).
 */
export function evolveJointConference(s: PetitionState, event: JointEvent): PetitionState {
  switch (event.type) {
    case 'referredToJointConference':
      return {
        ...s,
        jointConference: {
          referredOn: event.on,
          decidedOn: null,
          leadUnit: null,
          coUnits: [],
          replyDueOn: null,
        },
      };
    case 'jointConferenceDecided': {
      const { leadUnit, coUnits, replyDueOn } = event.data;
      const jointConference: JointConference = {
        referredOn: s.jointConference?.referredOn ?? event.on,
        decidedOn: event.on,
        leadUnit,
        coUnits,
        replyDueOn,
      };
      const involvedUnitIds = involve(s.involvedUnitIds, [leadUnit, ...coUnits]);
      if (s.status === 'accepted') return { ...s, currentUnit: leadUnit, involvedUnitIds, jointConference };
      if (s.currentUnit?.id === leadUnit.id)
        return { ...s, status: 'awaitingAcceptance', involvedUnitIds, jointConference };
      return {
        ...s,
        status: 'awaitingAcceptance',
        routingMode: 'assign',
        currentUnit: leadUnit,
        involvedUnitIds,
        routedOn: event.on,
        receiptNotifiedOn: null,
        assignedLimitDays: null,
        objection: null,
        jointConference,
      };
    }
    case 'coUnitOpinionAdded':
      return s;
  }
}

function involve(ids: string[], units: UnitRef[]): string[] {
  const out = [...ids];
  for (const u of units) if (!out.includes(u.id)) out.push(u.id);
  return out;
}
