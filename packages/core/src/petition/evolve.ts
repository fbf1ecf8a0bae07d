import { respondentUnitIdsOf } from '../protection/can';
import { evolveJointConference } from './joint-conference';
import { SUPERVISION_ANSWER_DAYS, type MergedMatter, type PausedSpan, type PetitionEvent, type PetitionState, type UnitRef } from './types';

/** Fold one event into the petition. The only place the state changes; decide() has already checked it. */
export function evolve(state: PetitionState | null, event: PetitionEvent): PetitionState {
  if (event.type === 'registered') {
    const { id, registeringUnit, petition: p } = event.data;
    return {
      id,
      version: 1,
      status: 'registered',
      channel: p.channel,
      category: p.category,
      litigationRelated: p.litigationRelated,
      domain: p.domain,
      jurisdictionCode: p.jurisdictionCode,
      collective: p.collective,
      headcount: p.headcount,
      respondentUnitId: p.respondentUnitId,
      respondentUnitIds: respondentUnitIdsOf(p),
      repeatOf: p.repeatOf?.id ?? null,
      registeringUnit,
      receivedOn: p.receivedOn,
      registeredOn: event.on,
      routeStartOn: p.receivedOn,
      currentUnit: registeringUnit,
      involvedUnitIds: [registeringUnit.id],
      routingMode: null,
      routedOn: null,
      receiptNotifiedOn: null,
      assignedLimitDays: null,
      objection: null,
      acceptedOn: null,
      extensionDays: 0,
      pauses: [],
      reply: null,
      concludedOn: null,
      resolved: null,
      review: null,
      reReview: null,
      endedOn: null,
      declineReason: null,
      divertedTo: null,
      supervisions: [],
      rating: null,
    };
  }
  if (state === null) throw new Error(`event ${event.type} before registration`);
  const s: PetitionState = { ...state, version: state.version + 1 };
  const on = event.on;
  const involve = (u: UnitRef) =>
    s.involvedUnitIds.includes(u.id) ? s.involvedUnitIds : [...s.involvedUnitIds, u.id];

  switch (event.type) {
    case 'assigned':
    case 'forwarded':
      return {
        ...s,
        status: 'awaitingAcceptance',
        routingMode: event.type === 'assigned' ? 'assign' : 'forward',
        currentUnit: event.data.unit,
        involvedUnitIds: involve(event.data.unit),
        routedOn: on,
        receiptNotifiedOn: null,
        assignedLimitDays: event.type === 'assigned' ? (event.data.limitDays ?? null) : null,
        objection: null,
      };
    case 'receiptNotified':
      return { ...s, receiptNotifiedOn: on };
    case 'accepted':
      // A unit that registered a matter put to it directly accepts it itself (Art. 23). Like a re-routing, this
      // starts a new routing, so an objection raised against an earlier one no longer applies.
      return s.status === 'registered'
        ? { ...s, status: 'accepted', acceptedOn: on, routedOn: on, routingMode: 'forward', objection: null }
        : { ...s, status: 'accepted', acceptedOn: on };
    case 'declined':
      return { ...s, status: 'declined', declineReason: event.data.reason, endedOn: on };
    case 'objected':
      return { ...s, status: 'objected', objection: { raisedOn: on, reason: event.data.reason } };
    case 'objectionDecided':
      return event.data.approve
        ? {
            ...s,
            status: 'registered',
            currentUnit: s.registeringUnit,
            routingMode: null,
            routedOn: null,
            receiptNotifiedOn: null,
            assignedLimitDays: null,
            routeStartOn: on,
          }
        : { ...s, status: 'awaitingAcceptance' };
    case 'diverted':
      return { ...s, status: 'diverted', divertedTo: event.data.to, endedOn: on, pauses: closePauses(s.pauses, on) };
    case 'extended':
      return { ...s, extensionDays: event.data.days };
    case 'paused':
      return {
        ...s,
        pauses: [...s.pauses, { clock: pauseClock(s), from: on, reason: event.data.reason }],
      };
    case 'resumed':
      return { ...s, pauses: closePauses(s.pauses, on) };
    case 'replied':
      return {
        ...s,
        status: 'replied',
        reply: {
          outcome: event.data.outcome,
          issuedOn: on,
          deliveredOn: event.data.deliveredOn ?? on,
          unitId: s.currentUnit?.id ?? null,
        },
        pauses: closePauses(s.pauses, on),
      };
    case 'concluded':
      return { ...s, status: 'concluded', concludedOn: on, resolved: event.data.resolved };
    case 'reviewRequested':
      return {
        ...s,
        status: 'underReview',
        concludedOn: s.concludedOn ?? on,
        currentUnit: event.data.unit,
        involvedUnitIds: involve(event.data.unit),
        review: {
          unit: event.data.unit,
          requestedOn: event.data.requestedOn ?? on,
          decidedOn: null,
          deliveredOn: null,
          outcome: null,
        },
      };
    case 'reviewDecided':
      return {
        ...s,
        status: 'reviewed',
        pauses: closePauses(s.pauses, on),
        review: s.review && {
          ...s.review,
          decidedOn: on,
          deliveredOn: event.data.deliveredOn ?? on,
          outcome: event.data.outcome,
        },
      };
    case 'reReviewRequested':
      return {
        ...s,
        status: 'underReReview',
        currentUnit: event.data.unit,
        involvedUnitIds: involve(event.data.unit),
        reReview: {
          unit: event.data.unit,
          requestedOn: event.data.requestedOn ?? on,
          decidedOn: null,
          deliveredOn: null,
          outcome: null,
        },
      };
    case 'reReviewDecided':
      return {
        ...s,
        status: 'closed',
        endedOn: on,
        pauses: closePauses(s.pauses, on),
        reReview: s.reReview && {
          ...s.reReview,
          decidedOn: on,
          deliveredOn: event.data.deliveredOn ?? on,
          outcome: event.data.outcome,
        },
      };
    case 'supervised':
      return {
        ...s,
        supervisions: [
          ...s.supervisions,
          {
            id: event.data.supervisionId,
            reason: event.data.reason,
            issuedOn: on,
            answerDays: event.data.answerDays ?? SUPERVISION_ANSWER_DAYS,
            answeredOn: null,
            unitId: s.currentUnit?.id ?? null,
          },
        ],
      };
    case 'supervisionAnswered':
      return {
        ...s,
        supervisions: s.supervisions.map((x) => (x.id === event.data.supervisionId ? { ...x, answeredOn: on } : x)),
      };
    case 'rated':
      return { ...s, rating: event.data.rating };
    case 'referredToJointConference':
    case 'jointConferenceDecided':
    case 'coUnitOpinionAdded':
      return evolveJointConference(s, event);
    case 'repeatLinked':
      return { ...s, repeatOf: event.data.earlier.id };
    case 'repeatUnlinked':
      return { ...s, repeatOf: null };
    case 'reclassified':
      return {
        ...s,
        domain: event.data.domain,
        category: event.data.category,
        litigationRelated: event.data.litigationRelated,
        ...(event.data.respondentUnitIds ? { respondentUnitIds: [...new Set([...respondentUnitIdsOf(s), ...event.data.respondentUnitIds])] } : {}),
      };
    case 'mergedInto':
      return {
        ...s,
        status: 'merged',
        mergedInto: event.data.collective.id,
        endedOn: on,
        pauses: closePauses(s.pauses, on),
      };
    case 'mergedIn':
      return {
        ...s,
        collective: true,
        headcount: event.data.headcount,
        representatives: event.data.representatives,
        mergedFrom: [...(s.mergedFrom ?? []), ...event.data.sources.map((x) => x.id)],
        mergedAccusedUnitIds: [
          ...new Set([...(s.mergedAccusedUnitIds ?? []), ...event.data.sources.flatMap(mergedAccusedUnitIds)]),
        ],
      };
  }
}

/** The units a merged accusation accuses, as its event holds them (events saved before hold one). */
export function mergedAccusedUnitIds(x: MergedMatter): string[] {
  return [...new Set([...(x.accusedUnitIds ?? []), ...(x.accusedUnitId ? [x.accusedUnitId] : [])])];
}

function pauseClock(s: PetitionState): PausedSpan['clock'] {
  return s.status === 'underReview' ? 'review' : s.status === 'underReReview' ? 'reReview' : 'handling';
}

function closePauses(pauses: PausedSpan[], on: string): PausedSpan[] {
  return pauses.map((p) => (p.to === undefined ? { ...p, to: on } : p));
}

/** Rebuild a petition from its history. */
export function replay(events: readonly PetitionEvent[]): PetitionState | null {
  return events.reduce<PetitionState | null>((s, e) => evolve(s, e), null);
}
