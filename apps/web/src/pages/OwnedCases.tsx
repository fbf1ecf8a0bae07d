import { useEffect, useState } from 'react';
import { Alert, Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth';
import { DueBadge, StatusTag } from '../components/Badges';
import { api, errorMessage, type OwnedCase, type Status } from '../lib/api';
import '../components/accountability/accountability.css';

const nextDue = (deadlines: Record<string, string>) => Object.values(deadlines).sort()[0] ?? null;

/** A leader's owned cases (包案) with their status: the plan's progress, the target date and the next legal deadline. */
export default function OwnedCasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [rows, setRows] = useState<OwnedCase[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api.ownedCases().then(setRows, (e: unknown) => {
      setRows([]);
      setProblem(errorMessage(e, t('acct.loadFailed')));
    });
  }, [t]);
  useEffect(() => {
    document.title = `${t('acct.owned.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('acct.owned.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph className="acct-intro">{t('acct.owned.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" />}
      <Card size="small">
        <Table<OwnedCase>
          rowKey="petitionId"
          size="small"
          className="acct-owned"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: <Typography.Text className="empty-note">{t('acct.owned.empty')}</Typography.Text>,
          }}
          columns={[
            {
              title: t('acct.owned.code'),
              dataIndex: 'trackingCode',
              render: (v: string) => <span className="mono">{v}</span>,
            },
            {
              title: t('acct.owned.matter'),
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/petitions/${r.petitionId}`}>{v}</Link>,
            },
            {
              title: t('acct.owned.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v as Status} />,
            },
            {
              title: t('acct.owned.plan'),
              key: 'plan',
              render: (_, r) => (
                <div className="acct-plan-cell">
                  <Progress
                    percent={r.steps ? Math.round((100 * r.stepsDone) / r.steps) : 0}
                    size="small"
                    format={() => `${r.stepsDone}/${r.steps}`}
                    aria-label={`${t('acct.owned.plan')} ${r.stepsDone}/${r.steps}`}
                  />
                </div>
              ),
            },
            {
              title: t('acct.owned.target'),
              dataIndex: 'targetOn',
              render: (v: string | null, r) =>
                v ? (
                  <span>
                    {v}{' '}
                    {r.ownership === 'active' && v < me.today && (
                      <span className="due due-late">{t('acct.owned.overdue')}</span>
                    )}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('acct.owned.nextDue'),
              key: 'due',
              render: (_, r) => <DueBadge today={me.today} due={nextDue(r.deadlines)} />,
            },
            {
              title: t('acct.owned.ownership'),
              dataIndex: 'ownership',
              render: (v: string) => (
                <span className={`pill ${v === 'resolved' ? 'pill-green' : 'pill-blue'}`}>
                  {t(`acct.owner.${v === 'resolved' ? 'resolved' : 'active'}`)}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
