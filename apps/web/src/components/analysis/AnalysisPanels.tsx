import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import type { Detail } from '../../lib/api';
import { ClassificationPanel } from './ClassificationPanel';
import { SimilarPanel } from './SimilarPanel';

/** Issue 6 on the petition page (staff only): the classification with its correction, and similar petitions. */
export function AnalysisPanels({ detail, reload }: { detail: Detail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.user.role === 'proxyAgent') return null;
  return (
    <>
      <Card title={<h2 className="card-h">{t('analysis.classification.title')}</h2>} size="small" className="section no-print">
        <ClassificationPanel detail={detail} reload={reload} />
      </Card>
      <Card title={<h2 className="card-h">{t('analysis.similar.title')}</h2>} size="small" className="section no-print">
        <SimilarPanel detail={detail} reload={reload} />
      </Card>
    </>
  );
}
