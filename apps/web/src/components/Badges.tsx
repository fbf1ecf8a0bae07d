import { useTranslation } from 'react-i18next';
import type { Clock, Status } from '../lib/api';
import { daysUntil, urgency } from '../lib/dates';

/** A countdown to a due date: green, amber within 3 days, red when overdue. */
export function DueBadge({ today, due }: { today: string; due: string | null | undefined }) {
  const { t } = useTranslation();
  if (!due) return <span className="due due-none">{t('due.none')}</span>;
  const d = daysUntil(today, due);
  const u = urgency(today, due);
  const label = d < 0 ? t('due.overdue', { count: -d }) : d === 0 ? t('due.today') : t('due.left', { count: d });
  return (
    <span className={`due due-${u}`} title={due}>
      {label}
    </span>
  );
}

/** A clock as a badge: its countdown while running, how it ended otherwise. */
export function ClockBadge({ today, clock }: { today: string; clock: Clock }) {
  const { t } = useTranslation();
  if (clock.status === 'paused') return <span className="due due-paused">{t('due.paused')}</span>;
  // A window (the right to object, to ask for a review) closes, used or not: it is not "done on time".
  if (clock.status === 'ended' && clock.kind === 'window') return <span className="due due-done">{t('due.closed')}</span>;
  if (clock.status === 'ended')
    return <span className={`due ${clock.late ? 'due-late' : 'due-done'}`}>{clock.late ? t('due.late') : t('due.onTime')}</span>;
  return <DueBadge today={today} due={clock.due} />;
}

const statusTone: Record<Status, string> = {
  registered: 'blue',
  awaitingAcceptance: 'blue',
  objected: 'amber',
  accepted: 'cyan',
  replied: 'cyan',
  concluded: 'grey',
  underReview: 'purple',
  reviewed: 'grey',
  underReReview: 'purple',
  closed: 'grey',
  declined: 'grey',
  diverted: 'grey',
  merged: 'grey',
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`pill pill-${statusTone[status]}`}>{t(`status.${status}`)}</span>;
}
