import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { accountabilityApi } from '../../lib/accountability-api';
import type { Detail } from '../../lib/api';
import { chinaTime } from '../../lib/dates';
import './accountability.css';

const stamp = (ms: number) => chinaTime(new Date(ms)).format('YYYY-MM-DD HH:mm');

/**
 * The server's clock, as read when the page opened: the offset from this browser's clock (taken at the middle
 * of the request) lets a later print show the server's time, never a browser's clock that is set wrong.
 * Null until the server answered (and if it does not, no time is printed rather than a wrong one).
 */
function useServerOffset(petitionId: string): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const asked = Date.now();
    accountabilityApi.printHead(petitionId).then(
      (r) => {
        if (live) setOffset(Date.parse(r.printedAt) - (asked + Date.now()) / 2);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [petitionId]);
  return offset;
}

/**
 * The head of the printed petition page, in the manner of an official record: the issuing office in red over a
 * red rule, the title, the tracking code and the time of printing by the server's clock (China time). Shown on
 * paper only (the screen has the workbench's own heading); the print stylesheet drops navigation, buttons and
 * the command panel.
 */
export function PetitionPrintHead({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const offset = useServerOffset(detail.id);
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    if (offset === null) return;
    setPrintedAt(stamp(Date.now() + offset));
    // Brought up to the minute when printing starts, before the browser lays the page out.
    const before = () => flushSync(() => setPrintedAt(stamp(Date.now() + offset)));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [offset]);
  return (
    <>
      <header className="print-only acct-print-head">
        <div className="acct-print-issuer">{detail.registeringUnit?.name ?? t('app.name')}</div>
        <div className="acct-print-rule" />
        <div className="acct-print-title">{t('acct.print.title')}</div>
        <div className="acct-print-meta">
          <span>{t('acct.print.code', { code: detail.trackingCode })}</span>
          {printedAt && <span className="acct-print-time">{t('acct.print.printed', { at: printedAt })}</span>}
        </div>
      </header>
      <footer className="acct-print-foot">{t('acct.print.footer')}</footer>
    </>
  );
}
