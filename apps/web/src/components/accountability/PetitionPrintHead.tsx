import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Detail } from '../../lib/api';
import './accountability.css';

/**
 * The head of the printed petition page, in the manner of an official record: the issuing office in red over a
 * red rule, the title, the tracking code and the time of printing. Shown on paper only (the screen has the
 * workbench's own heading); the print stylesheet drops navigation, buttons and the command panel.
 */
export function PetitionPrintHead({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="print-only acct-print-head">
        <div className="acct-print-issuer">{detail.registeringUnit?.name ?? t('app.name')}</div>
        <div className="acct-print-rule" />
        <div className="acct-print-title">{t('acct.print.title')}</div>
        <div className="acct-print-meta">
          <span>{t('acct.print.code', { code: detail.trackingCode })}</span>
          <span>{t('acct.print.printed', { at: dayjs().format('YYYY-MM-DD HH:mm') })}</span>
        </div>
      </header>
      <footer className="acct-print-foot">{t('acct.print.footer')}</footer>
    </>
  );
}
