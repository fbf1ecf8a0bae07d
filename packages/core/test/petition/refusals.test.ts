import { describe, expect, it } from 'vitest';
import {
  refusalMessages,
  type Decision,
  type EarlierMatter,
  type RefusalCode,
} from '../../src/petition/index';
import {
  attempt,
  cityGov,
  cityOffice,
  cmd,
  countyGov,
  countyOffice,
  housingBureau,
  laborBureau,
  outcome,
  registerCommand,
  registered,
  run,
  toAccepted,
  toAwaiting,
  toClosed,
  toConcluded,
  toReplied,
  toReviewed,
  type ProcessCommand,
  type RegisterOverrides,
} from './helpers';

/* Petitions the cases start from (all on the main path of helpers.ts unless said otherwise). */
const awaiting = run(registered(), toAwaiting); // assigned Thu 2026-03-05 to the labour bureau
const accepted = run(registered(), toAccepted); // accepted Tue 2026-03-10, handling due Sat 2026-05-09 (workday)
const replied = run(registered(), toReplied); // reply delivered Fri 2026-05-22, assigned (report required)
const concluded = run(registered(), toConcluded);
const reviewed = run(registered(), toReviewed); // review decided and delivered Mon 2026-07-06 by the county gov
const closed = run(registered(), toClosed);
const forwardedReplied = run(registered(), [
  ['2026-03-03', cmd.forward()],
  ['2026-03-04', cmd.accept()],
  ['2026-03-20', cmd.reply()],
]);

/** Register on Mon 2026-03-02 with these fields. */
const register = (o: RegisterOverrides) => attempt(null, '2026-03-02', registerCommand(o));
const earlier = (o: Partial<EarlierMatter>): EarlierMatter => ({
  id: 'P-0',
  status: 'accepted',
  handlingJurisdictionCode: '330102',
  withinLimits: true,
  ...o,
});
const accusation = registered({ category: 'accusation', respondentUnitId: laborBureau.id });
// An accusation against two bureaus (举报人社局和住建局互相推诿): the form's respondent, and the other its text names.
const againstTwo = registered({ category: 'accusation', respondentUnitId: laborBureau.id, respondentUnitIds: [housingBureau.id] });
const claimAgainstTwo = registered({ category: 'claim', respondentUnitId: laborBureau.id, respondentUnitIds: [housingBureau.id] });
const claimAboutLabor = registered({ category: 'claim', respondentUnitId: laborBureau.id });
const litigation = registered({ litigationRelated: true });

/*
 * Objection windows across holidays (5 working days, Art. 23).
 * 2026 Spring Festival: routed Fri 02-13. Working days after it: Sat 02-14 (adjusted workday) = 1; 02-15…02-23 off;
 *   Tue 02-24 = 2, Wed 02-25 = 3, Thu 02-26 = 4, Fri 02-27 = 5 → due 02-27. Sat 02-28 (adjusted workday) is day 6.
 * 2025 National Day: routed Fri 09-26. Sat 09-27 off; Sun 09-28 (adjusted workday) = 1, Mon 09-29 = 2,
 *   Tue 09-30 = 3; 10-01…10-08 off; Thu 10-09 = 4, Fri 10-10 = 5 → due 10-10. Sat 10-11 (adjusted workday) is day 6.
 * Main path: routed Thu 03-05: Fri 03-06 = 1, Mon 03-09 = 2 … Thu 03-12 = 5; Fri 03-13 is day 6.
 */
const springFestival = run(registered({ receivedOn: '2026-02-12' }), [['2026-02-13', cmd.assign()]]);
const nationalDay = run(registered({ receivedOn: '2025-09-25' }), [['2025-09-26', cmd.assign()]]);

/*
 * Review windows (30 days from receipt of the written reply, Art. 35).
 * Reply issued Thu 04-16, delivered Mon 04-20: 04-20 + 30 = Wed 05-20 (a working day, no roll) → day 30 = 05-20 is
 * on time, day 31 = 05-21 is late. (Counted from the issue day it would end 05-16 Sat → 05-18.)
 * Main path: delivered Fri 05-22 + 30 = Sun 06-21 → rolled to Mon 06-22: day 31 is still on time, 06-23 is late.
 * Re-review: review decided Mon 07-06, delivered Wed 07-08: 07-08 + 30 = Fri 08-07; Sat 08-08 is late.
 */
const deliveredLater = run(registered(), [
  ...toAccepted,
  ['2026-04-16', cmd.reply('2026-04-20')],
  ['2026-04-21', cmd.conclude()],
]);
const reviewDeliveredLater = run(registered(), [
  ...toClosed.slice(0, 6),
  ['2026-07-06', cmd.decideReview('2026-07-08')],
]);

const supervised = run(accepted, [['2026-03-12', cmd.supervise('s1')]]);
const answered = run(supervised, [['2026-03-13', cmd.answerSupervision('s1')]]);
const paused = run(accepted, [['2026-03-20', cmd.pause()]]);
const extended = run(accepted, [['2026-03-20', cmd.extend(10)]]);
const rated = run(concluded, [['2026-05-26', cmd.rate()]]);
const referred = run(registered(), [['2026-03-03', cmd.referToJointConference()]]);
const conferenceDecided = run(referred, [['2026-03-05', cmd.recordJointConferenceDecision()]]); // lead: labour bureau
const accusationReferred = run(accusation, [['2026-03-03', cmd.referToJointConference()]]);

type Row = readonly [description: string, expected: RefusalCode | 'ok', decision: () => Decision];

const rows: Row[] = [
  // invalidState
  ['accept a closed petition', 'invalidState', () => attempt(closed, '2026-08-11', cmd.accept())],
  [
    'register an existing petition again',
    'invalidState',
    () => attempt(awaiting, '2026-03-06', registerCommand()),
  ],

  // accusedUnit (Art. 30) — only accusations are kept from their respondent
  [
    'assign an accusation to the accused unit',
    'accusedUnit',
    () => attempt(accusation, '2026-03-03', cmd.assign(laborBureau)),
  ],
  [
    'forward an accusation to the accused unit',
    'accusedUnit',
    () => attempt(accusation, '2026-03-03', cmd.forward(laborBureau)),
  ],
  [
    'assign an accusation to another unit',
    'ok',
    () => attempt(accusation, '2026-03-03', cmd.assign(housingBureau)),
  ],
  // … and from every unit it is against, not only the one in the respondent field
  ['assign an accusation against two bureaus to the second', 'accusedUnit', () => attempt(againstTwo, '2026-03-03', cmd.assign(housingBureau))],
  ['forward an accusation against two bureaus to the second', 'accusedUnit', () => attempt(againstTwo, '2026-03-03', cmd.forward(housingBureau))],
  ['assign an accusation against two bureaus to the first', 'accusedUnit', () => attempt(againstTwo, '2026-03-03', cmd.assign(laborBureau))],
  ['assign an accusation against two bureaus to a third unit', 'ok', () => attempt(againstTwo, '2026-03-03', cmd.assign(countyGov))],
  ['assign a claim about two bureaus to the second', 'ok', () => attempt(claimAgainstTwo, '2026-03-03', cmd.assign(housingBureau))],
  [
    'correct a claim about two bureaus to an accusation while the second holds it',
    'accusedUnit',
    () => attempt(run(claimAgainstTwo, [['2026-03-03', cmd.assign(housingBureau)]]), '2026-03-04', cmd.reclassify('labor', 'accusation')),
  ],
  [
    'correct a claim to an accusation while a unit its words accuse, read again, holds it',
    'accusedUnit',
    () =>
      attempt(run(registered(), [['2026-03-03', cmd.assign(housingBureau)]]), '2026-03-04', {
        ...cmd.reclassify('labor', 'accusation'),
        respondentUnitIds: [housingBureau.id],
      } as ProcessCommand),
  ],
  [
    // Only a state saved before accusations were kept from their registering office can be so (hence built by hand).
    'supervise an accusation still held by the office it accuses',
    'accusedUnit',
    () => attempt({ ...registered(), category: 'accusation', respondentUnitId: countyOffice.id }, '2026-03-03', cmd.supervise('s1')),
  ],
  ['supervise a petition the registering office has not routed', 'ok', () => attempt(registered(), '2026-03-03', cmd.supervise('s1'))],
  [
    'the second bureau an accusation is against in a joint conference',
    'accusedUnitInConference',
    () =>
      attempt(
        run(againstTwo, [['2026-03-03', cmd.referToJointConference()]]),
        '2026-03-04',
        cmd.recordJointConferenceDecision(countyGov, [housingBureau]),
      ),
  ],
  [
    'assign a claim to its respondent unit',
    'ok',
    () => attempt(claimAboutLabor, '2026-03-03', cmd.assign(laborBureau)),
  ],

  // headcountInvalid
  ['collective with 1 person', 'headcountInvalid', () => register({ collective: true, headcount: 1 })],
  ['individual with 2 people', 'headcountInvalid', () => register({ collective: false, headcount: 2 })],
  ['headcount 0', 'headcountInvalid', () => register({ collective: false, headcount: 0 })],
  ['headcount 2.5', 'headcountInvalid', () => register({ collective: true, headcount: 2.5 })],
  ['collective with 2 people', 'ok', () => register({ collective: true, headcount: 2 })],
  ['individual with 1 person', 'ok', () => register({ collective: false, headcount: 1 })],

  // dateInFuture
  ['received tomorrow', 'dateInFuture', () => register({ receivedOn: '2026-03-03' })],
  ['received in 1900', 'dateTooOld', () => register({ receivedOn: '1900-01-01' })],
  ['received a day more than two years before', 'dateTooOld', () => register({ receivedOn: '2024-03-01' })],
  ['received two years before', 'ok', () => register({ receivedOn: '2024-03-02' })],
  // accusedRegistrar: the registering unit holds the petition
  ['an accusation registered at the office it accuses', 'accusedRegistrar', () => register({ category: 'accusation', respondentUnitId: countyOffice.id })],
  ['an accusation registered at another office', 'ok', () => register({ category: 'accusation', respondentUnitId: cityOffice.id })],
  [
    'an accusation registered at an office it names beside its respondent',
    'accusedRegistrar',
    () => register({ category: 'accusation', respondentUnitId: laborBureau.id, respondentUnitIds: [countyOffice.id] }),
  ],
  ['a claim about the registering office', 'ok', () => register({ category: 'claim', respondentUnitId: countyOffice.id })],
  ['received today', 'ok', () => register({ receivedOn: '2026-03-02' })],
  [
    'review requested tomorrow',
    'dateInFuture',
    () => attempt(concluded, '2026-06-10', cmd.requestReview(countyGov, '2026-06-11')),
  ],
  [
    're-review requested tomorrow',
    'dateInFuture',
    () => attempt(reviewed, '2026-07-20', cmd.requestReReview(cityGov, '2026-07-21')),
  ],

  // dateBeforeStart
  [
    'review requested before the reply was delivered',
    'dateBeforeStart',
    () => attempt(concluded, '2026-05-26', cmd.requestReview(countyGov, '2026-05-21')),
  ],
  [
    'review requested on the delivery day',
    'ok',
    () => attempt(concluded, '2026-05-26', cmd.requestReview(countyGov, '2026-05-22')),
  ],
  [
    're-review requested before the review was delivered',
    'dateBeforeStart',
    () => attempt(reviewed, '2026-07-20', cmd.requestReReview(cityGov, '2026-07-05')),
  ],

  // finalAfterReReview (Art. 36)
  [
    'repeat of a matter closed after re-review',
    'finalAfterReReview',
    () => register({ repeatOf: earlier({ status: 'closed', withinLimits: false }) }),
  ],
  [
    'repeat of a closed matter, at a higher office',
    'finalAfterReReview',
    () => register({ office: cityOffice, repeatOf: earlier({ status: 'closed', withinLimits: false }) }),
  ],

  // sameMatterWithinLimits (Art. 19): handled lower, within limits, brought to a higher office
  [
    'within limits at the county, brought to the city',
    'sameMatterWithinLimits',
    () => register({ office: cityOffice, repeatOf: earlier({}) }),
  ],
  [
    'within limits at a town, brought to the county',
    'sameMatterWithinLimits',
    () => register({ repeatOf: earlier({ handlingJurisdictionCode: '330102001' }) }),
  ],
  ['within limits, brought to the same level', 'ok', () => register({ repeatOf: earlier({}) })],
  [
    'no longer within limits, brought to the city',
    'ok',
    () => register({ office: cityOffice, repeatOf: earlier({ status: 'concluded', withinLimits: false }) }),
  ],
  [
    'within limits at the city, brought to the county (lower)',
    'ok',
    () => register({ repeatOf: earlier({ handlingJurisdictionCode: '330100' }) }),
  ],
  [
    'within limits in another county, brought to this county',
    'ok',
    () => register({ repeatOf: earlier({ handlingJurisdictionCode: '330106' }) }),
  ],

  // limitDaysInvalid
  [
    'assign with a 0-day limit',
    'limitDaysInvalid',
    () => attempt(registered(), '2026-03-03', cmd.assign(laborBureau, 0)),
  ],
  [
    'assign with a 61-day limit',
    'limitDaysInvalid',
    () => attempt(registered(), '2026-03-03', cmd.assign(laborBureau, 61)),
  ],
  [
    'assign with a 1.5-day limit',
    'limitDaysInvalid',
    () => attempt(registered(), '2026-03-03', cmd.assign(laborBureau, 1.5)),
  ],
  ['assign with a 1-day limit', 'ok', () => attempt(registered(), '2026-03-03', cmd.assign(laborBureau, 1))],
  [
    'assign with a 60-day limit',
    'ok',
    () => attempt(registered(), '2026-03-03', cmd.assign(laborBureau, 60)),
  ],

  // sameUnit
  [
    'assign to the unit holding it',
    'sameUnit',
    () => attempt(registered(), '2026-03-03', cmd.assign(countyOffice)),
  ],
  [
    'forward to the unit holding it',
    'sameUnit',
    () => attempt(registered(), '2026-03-03', cmd.forward(countyOffice)),
  ],

  // objectionWindowClosed (5 working days, Art. 23)
  [
    'object on working day 5 (main path, Thu 03-12)',
    'ok',
    () => attempt(awaiting, '2026-03-12', cmd.object()),
  ],
  [
    'object on working day 6 (main path, Fri 03-13)',
    'objectionWindowClosed',
    () => attempt(awaiting, '2026-03-13', cmd.object()),
  ],
  [
    'object on working day 5 across Spring Festival (02-27)',
    'ok',
    () => attempt(springFestival, '2026-02-27', cmd.object()),
  ],
  [
    'object on working day 6 across Spring Festival (02-28)',
    'objectionWindowClosed',
    () => attempt(springFestival, '2026-02-28', cmd.object()),
  ],
  [
    'object on working day 5 across National Day 2025 (10-10)',
    'ok',
    () => attempt(nationalDay, '2025-10-10', cmd.object()),
  ],
  [
    'object on working day 6 across National Day 2025 (10-11)',
    'objectionWindowClosed',
    () => attempt(nationalDay, '2025-10-11', cmd.object()),
  ],

  // receiptAlreadyNotified: the written receipt notice is given once per routing
  [
    'tell the petitioner of receipt a second time',
    'receiptAlreadyNotified',
    () => attempt(run(awaiting, [['2026-03-06', cmd.notifyReceipt()]]), '2026-03-09', cmd.notifyReceipt()),
  ],
  [
    'tell the petitioner of receipt after a re-routing',
    'ok',
    () =>
      attempt(
        run(awaiting, [
          ['2026-03-06', cmd.notifyReceipt()],
          ['2026-03-06', cmd.object()],
          ['2026-03-09', cmd.decideObjection(true)],
          ['2026-03-09', cmd.forward(housingBureau)],
        ]),
        '2026-03-10',
        cmd.notifyReceipt(),
      ),
  ],

  // accusedUnit also guards the review ladder: an accusation is never reviewed by the unit it accuses
  [
    'review of an accusation by the accused unit',
    'accusedUnit',
    () =>
      attempt(
        run(registered({ category: 'accusation', respondentUnitId: countyGov.id }), [
          ['2026-03-03', cmd.assign(laborBureau)],
          ['2026-03-04', cmd.accept()],
          ['2026-03-20', cmd.reply()],
          ['2026-03-21', cmd.conclude()],
        ]),
        '2026-03-25',
        cmd.requestReview(countyGov),
      ),
  ],

  // objectionAlreadyDecided: one objection per routing; a rejected one is not raised again
  [
    'object again after the objection was rejected (working day 3, Tue 03-10)',
    'objectionAlreadyDecided',
    () =>
      attempt(
        run(awaiting, [
          ['2026-03-06', cmd.object()],
          ['2026-03-09', cmd.decideObjection(false)],
        ]),
        '2026-03-10',
        cmd.object(),
      ),
  ],

  // litigationMustDivert (Art. 31)
  [
    'accept a litigation-related matter at the office',
    'litigationMustDivert',
    () => attempt(litigation, '2026-03-03', cmd.accept()),
  ],
  [
    'accept a litigation-related matter at the unit',
    'litigationMustDivert',
    () => attempt(run(litigation, toAwaiting), '2026-03-06', cmd.accept()),
  ],
  [
    'divert a litigation-related matter',
    'ok',
    () => attempt(litigation, '2026-03-03', cmd.divert('litigation')),
  ],

  // extensionAlreadyUsed, extensionTooLong, handlingDeadlinePassed (Art. 33)
  ['extend a second time', 'extensionAlreadyUsed', () => attempt(extended, '2026-03-25', cmd.extend(5))],
  ['extend by 0 days', 'extensionTooLong', () => attempt(accepted, '2026-03-20', cmd.extend(0))],
  ['extend by 31 days', 'extensionTooLong', () => attempt(accepted, '2026-03-20', cmd.extend(31))],
  ['extend by 2.5 days', 'extensionTooLong', () => attempt(accepted, '2026-03-20', cmd.extend(2.5))],
  ['extend by 30 days', 'ok', () => attempt(accepted, '2026-03-20', cmd.extend(30))],
  [
    'extend on the due day (Sat 05-09, a working day)',
    'ok',
    () => attempt(accepted, '2026-05-09', cmd.extend(30)),
  ],
  [
    'extend the day after the due day',
    'handlingDeadlinePassed',
    () => attempt(accepted, '2026-05-10', cmd.extend(30)),
  ],

  // alreadyPaused, notPaused
  [
    'pause a paused clock',
    'alreadyPaused',
    () => attempt(paused, '2026-03-21', cmd.pause('awaitingMaterial')),
  ],
  ['resume a running clock', 'notPaused', () => attempt(accepted, '2026-03-21', cmd.resume())],
  [
    'resume twice',
    'notPaused',
    () => attempt(run(paused, [['2026-03-23', cmd.resume()]]), '2026-03-24', cmd.resume()),
  ],

  // reportRequired
  [
    'conclude an assigned petition without a report',
    'reportRequired',
    () => attempt(replied, '2026-05-25', cmd.conclude(null)),
  ],
  [
    'conclude an assigned petition with a blank report',
    'reportRequired',
    () => attempt(replied, '2026-05-25', cmd.conclude('  ')),
  ],
  [
    'conclude a forwarded petition without a report',
    'ok',
    () => attempt(forwardedReplied, '2026-03-23', cmd.conclude(null)),
  ],

  // reviewWindowClosed (Art. 35), counted from the delivery day
  [
    'review requested on day 30 after delivery (05-20)',
    'ok',
    () => attempt(deliveredLater, '2026-05-20', cmd.requestReview()),
  ],
  [
    'review requested on day 31 after delivery (05-21)',
    'reviewWindowClosed',
    () => attempt(deliveredLater, '2026-05-21', cmd.requestReview()),
  ],
  [
    'review requested on day 31 when day 30 is a Sunday (06-22)',
    'ok',
    () => attempt(concluded, '2026-06-22', cmd.requestReview()),
  ],
  [
    'review requested on day 32 (06-23)',
    'reviewWindowClosed',
    () => attempt(concluded, '2026-06-23', cmd.requestReview()),
  ],
  [
    'review request dated in the window, recorded later',
    'ok',
    () => attempt(concluded, '2026-06-25', cmd.requestReview(countyGov, '2026-06-22')),
  ],

  // reReviewWindowClosed (Art. 36)
  [
    're-review requested on day 30 after delivery (08-07)',
    'ok',
    () => attempt(reviewDeliveredLater, '2026-08-07', cmd.requestReReview()),
  ],
  [
    're-review requested on day 31 after delivery (08-08)',
    'reReviewWindowClosed',
    () => attempt(reviewDeliveredLater, '2026-08-08', cmd.requestReReview()),
  ],

  // reviewUnitInvalid
  [
    'review by the unit that handled it',
    'reviewUnitInvalid',
    () => attempt(concluded, '2026-06-10', cmd.requestReview(laborBureau)),
  ],
  [
    're-review by the unit that reviewed it',
    'reviewUnitInvalid',
    () => attempt(reviewed, '2026-07-20', cmd.requestReReview(countyGov)),
  ],
  [
    're-review by the unit that handled it and issued the reply',
    'reviewUnitInvalid',
    () => attempt(reviewed, '2026-07-20', cmd.requestReReview(laborBureau)),
  ],

  // deliveryDateInvalid: between today and today + 30
  [
    'reply delivered yesterday',
    'deliveryDateInvalid',
    () => attempt(accepted, '2026-03-20', cmd.reply('2026-03-19')),
  ],
  [
    'reply delivered in 31 days',
    'deliveryDateInvalid',
    () => attempt(accepted, '2026-03-20', cmd.reply('2026-04-20')),
  ],
  ['reply delivered in 30 days', 'ok', () => attempt(accepted, '2026-03-20', cmd.reply('2026-04-19'))],
  ['reply delivered today', 'ok', () => attempt(accepted, '2026-03-20', cmd.reply('2026-03-20'))],
  [
    'review decision delivered yesterday',
    'deliveryDateInvalid',
    () => attempt(run(registered(), toClosed.slice(0, 6)), '2026-07-06', cmd.decideReview('2026-07-05')),
  ],
  [
    're-review decision delivered in 31 days',
    'deliveryDateInvalid',
    () => attempt(run(registered(), toClosed.slice(0, 8)), '2026-08-10', cmd.decideReReview('2026-09-10')),
  ],

  // answerDaysInvalid
  [
    'supervision answer limit 0',
    'answerDaysInvalid',
    () => attempt(accepted, '2026-03-12', cmd.supervise('s1', 0)),
  ],
  [
    'supervision answer limit 61',
    'answerDaysInvalid',
    () => attempt(accepted, '2026-03-12', cmd.supervise('s1', 61)),
  ],
  ['supervision answer limit 60', 'ok', () => attempt(accepted, '2026-03-12', cmd.supervise('s1', 60))],

  // notUnrouted: 未按规定转送、交办 is said of a petition still unrouted only
  [
    'supervise an unrouted petition for not routing it',
    'ok',
    () => attempt(registered(), '2026-03-03', { type: 'supervise', supervisionId: 's1', reason: 'unrouted', note: '请说明未转送原因' }),
  ],
  [
    'supervise an accepted petition for not routing it',
    'notUnrouted',
    () => attempt(accepted, '2026-03-12', { type: 'supervise', supervisionId: 's1', reason: 'unrouted', note: '请说明未转送原因' }),
  ],

  // supervisions
  [
    'answer an unknown supervision',
    'supervisionNotFound',
    () => attempt(supervised, '2026-03-13', cmd.answerSupervision('s2')),
  ],
  [
    'issue a supervision id twice',
    'supervisionDuplicate',
    () => attempt(supervised, '2026-03-13', cmd.supervise('s1')),
  ],
  [
    'answer a supervision twice (another one still open)',
    'supervisionAlreadyAnswered',
    () => attempt(run(answered, [['2026-03-14', cmd.supervise('s2')]]), '2026-03-16', cmd.answerSupervision('s1')),
  ],
  [
    'answer when every notice is answered',
    'noOpenSupervision',
    () => attempt(answered, '2026-03-16', cmd.answerSupervision('s1')),
  ],
  [
    'answer when no notice was ever issued',
    'noOpenSupervision',
    () => attempt(accepted, '2026-03-16', cmd.answerSupervision('s1')),
  ],

  // the joint conference (联席会议)
  [
    'refer to a joint conference twice',
    'jointConferencePending',
    () => attempt(referred, '2026-03-04', cmd.referToJointConference()),
  ],
  ['assign while a joint conference is pending', 'jointConferencePending', () => attempt(referred, '2026-03-04', cmd.assign())],
  ['forward while a joint conference is pending', 'jointConferencePending', () => attempt(referred, '2026-03-04', cmd.forward())],
  [
    'refer again after the conference decided',
    'ok',
    () => attempt(conferenceDecided, '2026-03-06', cmd.referToJointConference()),
  ],
  [
    'record a decision without a referral',
    'jointConferenceNotReferred',
    () => attempt(registered(), '2026-03-03', cmd.recordJointConferenceDecision()),
  ],
  [
    'record a second decision of the same conference',
    'jointConferenceNotReferred',
    () => attempt(conferenceDecided, '2026-03-06', cmd.recordJointConferenceDecision()),
  ],
  [
    'the lead unit objects to the conference decision',
    'jointConferenceBinding',
    () => attempt(conferenceDecided, '2026-03-06', cmd.object()),
  ],
  [
    'accused unit as the lead unit of an accusation',
    'accusedUnitInConference',
    () => attempt(accusationReferred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau])),
  ],
  [
    'accused unit as a co-unit of an accusation',
    'accusedUnitInConference',
    () => attempt(accusationReferred, '2026-03-04', cmd.recordJointConferenceDecision(housingBureau, [laborBureau])),
  ],
  [
    'accusation led and co-handled by other units',
    'ok',
    () => attempt(accusationReferred, '2026-03-04', cmd.recordJointConferenceDecision(housingBureau, [countyGov])),
  ],
  [
    'claim about a unit, with that unit leading',
    'ok',
    () =>
      attempt(
        run(claimAboutLabor, [['2026-03-03', cmd.referToJointConference()]]),
        '2026-03-04',
        cmd.recordJointConferenceDecision(laborBureau),
      ),
  ],
  [
    'lead unit also a co-unit',
    'coUnitsInvalid',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau, laborBureau])),
  ],
  [
    'a co-unit named twice',
    'coUnitsInvalid',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau, housingBureau])),
  ],
  [
    'eleven co-units',
    'coUnitsInvalid',
    () =>
      attempt(
        referred,
        '2026-03-04',
        cmd.recordJointConferenceDecision(
          laborBureau,
          Array.from({ length: 11 }, (_, i) => ({ id: `co-${i}`, jurisdictionCode: '330102' })),
        ),
      ),
  ],
  ['no co-units at all', 'ok', () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, []))],
  [
    'the office that routes it as the lead unit',
    'sameUnit',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(countyOffice)),
  ],
  [
    'reply due today',
    'replyDueInvalid',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-03-04')),
  ],
  [
    'reply due tomorrow',
    'ok',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-03-05')),
  ],
  [
    'reply due in 60 days',
    'ok',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-05-03')),
  ],
  [
    'reply due in 61 days',
    'replyDueInvalid',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [housingBureau], '2026-05-04')),
  ],
  [
    'a co-unit opinion when no conference decided',
    'notCoUnit',
    () => attempt(accepted, '2026-03-11', cmd.addCoUnitOpinion()),
  ],
  [
    'a co-unit opinion when the conference named no co-units',
    'notCoUnit',
    () =>
      attempt(
        run(referred, [['2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [])]]),
        '2026-03-05',
        cmd.addCoUnitOpinion(),
      ),
  ],
  ['refer without a reason', 'textRequired', () => attempt(registered(), '2026-03-03', cmd.referToJointConference(' '))],
  [
    'decision without a summary',
    'textRequired',
    () => attempt(referred, '2026-03-04', cmd.recordJointConferenceDecision(laborBureau, [], '2026-04-30', '')),
  ],
  ['co-unit opinion without a text', 'textRequired', () => attempt(conferenceDecided, '2026-03-06', cmd.addCoUnitOpinion(' '))],

  // alreadyRated
  ['rate twice', 'alreadyRated', () => attempt(rated, '2026-05-27', cmd.rate('dissatisfied'))],

  // textRequired
  [
    'decline without a note',
    'textRequired',
    () => attempt(registered(), '2026-03-03', cmd.decline('outsideRemit', ' ')),
  ],
  [
    'divert without a note',
    'textRequired',
    () => attempt(registered(), '2026-03-03', cmd.divert('litigation', '')),
  ],
  ['object without a reason', 'textRequired', () => attempt(awaiting, '2026-03-06', cmd.object('\n'))],
  ['extend without a reason', 'textRequired', () => attempt(accepted, '2026-03-20', cmd.extend(10, ''))],
  ['reply without a text', 'textRequired', () => attempt(accepted, '2026-03-20', cmd.reply(undefined, ' '))],
  [
    'review request without a reason',
    'textRequired',
    () => attempt(concluded, '2026-06-10', cmd.requestReview(countyGov, undefined, '')),
  ],
  [
    'review decision without a text',
    'textRequired',
    () => attempt(run(registered(), toClosed.slice(0, 6)), '2026-07-06', cmd.decideReview(undefined, '')),
  ],
  [
    're-review request without a reason',
    'textRequired',
    () => attempt(reviewed, '2026-07-20', cmd.requestReReview(cityGov, undefined, '')),
  ],
  [
    're-review decision without a text',
    'textRequired',
    () => attempt(run(registered(), toClosed.slice(0, 8)), '2026-08-10', cmd.decideReReview(undefined, '')),
  ],
  [
    'supervise without a note',
    'textRequired',
    () => attempt(accepted, '2026-03-12', cmd.supervise('s1', undefined, ' ')),
  ],
  [
    'answer a supervision without a text',
    'textRequired',
    () => attempt(supervised, '2026-03-13', cmd.answerSupervision('s1', '')),
  ],

  // repeat links made after registration (issue 6)
  ['link as a repeat of an earlier petition', 'ok', () => attempt(accepted, '2026-03-12', cmd.linkRepeat('P-0', '2026-03-02'))],
  ['link as a repeat of itself', 'repeatLinkInvalid', () => attempt(accepted, '2026-03-12', cmd.linkRepeat('P-1'))],
  [
    'link as a repeat of a petition received later',
    'repeatLinkInvalid',
    () => attempt(accepted, '2026-03-12', cmd.linkRepeat('P-0', '2026-03-03')),
  ],
  [
    'link as a repeat of a petition that repeats this one (a cycle)',
    'repeatLinkInvalid',
    () => attempt(accepted, '2026-03-12', cmd.linkRepeat('P-0', '2026-03-01', ['P-5', 'P-1'])),
  ],
  [
    'link a petition that is already a repeat',
    'alreadyRepeat',
    () => attempt(run(accepted, [['2026-03-11', cmd.linkRepeat()]]), '2026-03-12', cmd.linkRepeat('P-3')),
  ],
  [
    'a petition linked at intake is already a repeat',
    'alreadyRepeat',
    () => attempt(registered({ repeatOf: earlier({ status: 'concluded', withinLimits: false }) }), '2026-03-03', cmd.linkRepeat('P-3')),
  ],
  ['unlink a petition that is no repeat', 'notRepeat', () => attempt(accepted, '2026-03-12', cmd.unlinkRepeat())],
  [
    'unlink without a reason',
    'textRequired',
    () => attempt(run(accepted, [['2026-03-11', cmd.linkRepeat()]]), '2026-03-12', cmd.unlinkRepeat(' ')),
  ],

  // classification corrections
  ['correct the domain', 'ok', () => attempt(accepted, '2026-03-12', cmd.reclassify('housing'))],
  ['correct nothing', 'classificationUnchanged', () => attempt(accepted, '2026-03-12', cmd.reclassify('labor', 'claim', false))],
  [
    'correct to an accusation while the accused unit holds it',
    'accusedUnit',
    () => attempt(run(claimAboutLabor, toAccepted), '2026-03-12', cmd.reclassify('labor', 'accusation')),
  ],
  [
    'correct to an accusation while the accused unit co-handles it (joint conference)',
    'accusedUnit',
    () =>
      attempt(
        run(claimAboutLabor, [
          ['2026-03-03', cmd.referToJointConference()],
          ['2026-03-04', cmd.recordJointConferenceDecision(housingBureau, [laborBureau])],
        ]),
        '2026-03-12',
        cmd.reclassify('labor', 'accusation'),
      ),
  ],
  [
    'correct to an accusation held and co-handled by other units',
    'ok',
    () =>
      attempt(
        run(claimAboutLabor, [
          ['2026-03-03', cmd.referToJointConference()],
          ['2026-03-04', cmd.recordJointConferenceDecision(housingBureau, [countyGov])],
        ]),
        '2026-03-12',
        cmd.reclassify('labor', 'accusation'),
      ),
  ],
  ['correct to litigation-related', 'ok', () => attempt(accepted, '2026-03-12', cmd.reclassify('labor', 'claim', true))],

  // merging single petitions into a collective one (Art. 20)
  ['merge into another petition', 'ok', () => attempt(accepted, '2026-03-12', cmd.mergeInto('P-9'))],
  ['merge into itself', 'mergeInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeInto('P-1'))],
  // An accusation is handled as the collective petition it joins: only one against the same unit (Art. 30).
  [
    'merge an accusation into a collective claim',
    'accusationMergeInvalid',
    () => attempt(accusation, '2026-03-03', cmd.mergeInto('P-9', { category: 'claim', respondentUnitId: laborBureau.id })),
  ],
  [
    'merge an accusation into an accusation against another unit',
    'accusationMergeInvalid',
    () => attempt(accusation, '2026-03-03', cmd.mergeInto('P-9', { category: 'accusation', respondentUnitId: 'u-other' })),
  ],
  [
    'merge an accusation into an accusation against the same unit',
    'ok',
    () => attempt(accusation, '2026-03-03', cmd.mergeInto('P-9', { category: 'accusation', respondentUnitId: laborBureau.id })),
  ],
  [
    'merge an accusation against two bureaus into an accusation against one of them',
    'accusationMergeInvalid',
    () => attempt(againstTwo, '2026-03-03', cmd.mergeInto('P-9', { category: 'accusation', respondentUnitId: laborBureau.id })),
  ],
  [
    'merge an accusation against two bureaus into an accusation against both',
    'ok',
    () =>
      attempt(againstTwo, '2026-03-03', cmd.mergeInto('P-9', { category: 'accusation', respondentUnitId: housingBureau.id, respondentUnitIds: [laborBureau.id] })),
  ],
  [
    'merge an accusation against one bureau into an accusation against it and another',
    'ok',
    () => attempt(accusation, '2026-03-03', cmd.mergeInto('P-9', { category: 'accusation', respondentUnitId: housingBureau.id, respondentUnitIds: [laborBureau.id] })),
  ],
  [
    'merge an accusation against two bureaus in, into an accusation against one of them',
    'accusationMergeInvalid',
    () => attempt(accusation, '2026-03-03', cmd.mergeIn([{ id: 'P-2', headcount: 1, accusedUnitIds: [laborBureau.id, housingBureau.id] }])),
  ],
  [
    'merge an accusation against two bureaus in, into an accusation against both',
    'ok',
    () => attempt(againstTwo, '2026-03-03', cmd.mergeIn([{ id: 'P-2', headcount: 1, accusedUnitIds: [housingBureau.id, laborBureau.id] }])),
  ],
  [
    'merge an accusation in, into a claim',
    'accusationMergeInvalid',
    () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 1, accusedUnitId: laborBureau.id }])),
  ],
  [
    'merge an accusation in, into an accusation against the same unit',
    'ok',
    () => attempt(accusation, '2026-03-03', cmd.mergeIn([{ id: 'P-2', headcount: 1, accusedUnitId: laborBureau.id }])),
  ],
  [
    'reclassify a collective holding a merged accusation as a claim (it could then reach the accused unit)',
    'mergedAccusation',
    () =>
      attempt(
        run(accusation, [['2026-03-03', cmd.mergeIn([{ id: 'P-2', headcount: 1, accusedUnitId: laborBureau.id }])]]),
        '2026-03-04',
        cmd.reclassify('labor', 'claim'),
      ),
  ],
  [
    'merge an accusation of no unit of ours (an official by name) into a claim',
    'ok',
    () => attempt(registered({ category: 'accusation' }), '2026-03-03', cmd.mergeInto('P-9', { category: 'claim' })),
  ],
  ['merge two petitions in, 3 people, 2 representatives', 'ok', () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 1 }, { id: 'P-3', headcount: 1 }], 3, 2))],
  ['merge nothing in', 'mergeInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn([]))],
  ['merge a petition into itself', 'mergeInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-1', headcount: 1 }]))],
  [
    'merge one petition in twice',
    'mergeInvalid',
    () => attempt(run(accepted, [['2026-03-11', cmd.mergeIn()]]), '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 1 }], 3)),
  ],
  ['merged headcount of 1', 'headcountInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 1 }], 1))],
  [
    'merged headcount below a merged collective petition’s own',
    'headcountInvalid',
    () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 8 }], 6)),
  ],
  ['6 representatives', 'representativesInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 9 }], 10, 6))],
  ['3 representatives of 2 people', 'representativesInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn(undefined, 2, 3))],
  ['no representative', 'representativesInvalid', () => attempt(accepted, '2026-03-12', cmd.mergeIn(undefined, 2, 0))],
  ['5 representatives of 12 people', 'ok', () => attempt(accepted, '2026-03-12', cmd.mergeIn([{ id: 'P-2', headcount: 11 }], 12, 5))],
];

describe('refusals', () => {
  it.each(rows)('%s → %s', (_, expected, decide) => {
    const d = decide();
    expect(outcome(d)).toBe(expected);
    if (!d.ok) expect(d.refusal.message).toBe(refusalMessages[d.refusal.code]);
  });

  it('every refusal code is reached by at least one case', () => {
    const reached = new Set(rows.map(([, code]) => code));
    const missing = (Object.keys(refusalMessages) as RefusalCode[]).filter((c) => !reached.has(c));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(refusalMessages))('%s has a Chinese and an English message', (_, message) => {
    expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(message.en).toMatch(/^[A-Z][\x20-\x7e]+$/);
  });

  it('invalidState names the status the petition is in', () => {
    const d = attempt(closed, '2026-08-11', cmd.accept());
    expect(d).toEqual({
      ok: false,
      refusal: { code: 'invalidState', message: refusalMessages.invalidState, status: 'closed' },
    });
  });


  it('a refused command changes nothing (decide is pure)', () => {
    const before = structuredClone(accepted);
    attempt(accepted, '2026-05-10', cmd.extend(30));
    expect(accepted).toEqual(before);
  });
});
