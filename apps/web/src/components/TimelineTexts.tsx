import type { PetitionEventType } from '@qiao/core';
import { useTranslation } from 'react-i18next';
import type { Detail } from '../lib/api';

type Entry = Detail['timeline'][number];

/**
 * The human-written texts each kind of event may carry (packages/core/src/petition/types.ts, Command), each under
 * its label in `history.*`. Only free text someone wrote is listed: codes (a decline or pause reason, an outcome, a
 * rating) are already in the summary, and nothing else in `data` is shown (no other petition's number, no ids).
 * Typed by the event names, so a new kind of event fails to compile until it is decided here.
 */
const TEXTS: Record<PetitionEventType, readonly (readonly [field: string, label: string])[]> = {
  registered: [],
  assigned: [['note', 'assignNote']],
  forwarded: [['note', 'forwardNote']],
  receiptNotified: [['note', 'note']],
  accepted: [['note', 'acceptNote']],
  declined: [['note', 'declineNote']],
  objected: [['reason', 'objectionReason']],
  objectionDecided: [['note', 'note']],
  diverted: [['note', 'divertNote']],
  extended: [['reason', 'extensionReason']],
  paused: [['note', 'note']],
  resumed: [['note', 'note']],
  replied: [['text', 'replyText']],
  concluded: [['report', 'report']],
  reviewRequested: [['reason', 'reviewReason']],
  reviewDecided: [['text', 'reviewText']],
  reReviewRequested: [['reason', 'reviewReason']],
  reReviewDecided: [['text', 'reReviewText']],
  supervised: [['note', 'supervisionNote']],
  supervisionAnswered: [['text', 'supervisionAnswer']],
  rated: [['comment', 'ratingComment']],
  referredToJointConference: [['reason', 'referralReason']],
  jointConferenceDecided: [['summary', 'conferenceSummary']],
  coUnitOpinionAdded: [['text', 'coUnitOpinion']],
  repeatLinked: [['note', 'note']],
  repeatUnlinked: [['reason', 'reason']],
  reclassified: [['note', 'note']],
  mergedInto: [['note', 'note']],
  mergedIn: [['note', 'note']],
};

/** The texts of one history entry that the API returned, with their labels: what was written, when it was written. */
export function timelineTexts(e: Entry): { field: string; label: string; text: string }[] {
  const fields = (TEXTS as Record<string, (typeof TEXTS)[PetitionEventType] | undefined>)[e.type] ?? [];
  return fields.flatMap(([field, label]) => {
    const value = e.data[field];
    return typeof value === 'string' && value.trim() ? [{ field, label, text: value.trim() }] : [];
  });
}

/** Under an entry's summary: each text it carries, labelled (the labels translated, the texts as written). */
export function TimelineTexts({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const texts = timelineTexts(entry);
  if (texts.length === 0) return null;
  return (
    <dl className="tl-texts">
      {texts.map((x) => (
        <div key={x.field} className="tl-text" data-field={x.field}>
          <dt>{t(`history.${x.label}`)}</dt>
          <dd>{x.text}</dd>
        </div>
      ))}
    </dl>
  );
}
