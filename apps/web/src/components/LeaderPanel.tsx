import { useEffect, useState } from 'react';
import { Card, Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage, type OwnedCase, type ReceptionDay } from '../lib/api';

/** A leader's own work beside the inbox: the hard cases they own (包案) and the coming reception days. */
export function LeaderPanel() {
  const { t } = useTranslation();
  const [owned, setOwned] = useState<OwnedCase[] | null>(null);
  const [days, setDays] = useState<ReceptionDay[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api.ownedCases().then(setOwned, (e: unknown) => setProblem(errorMessage(e, t('leader.loadFailed'))));
    api.receptionDays().then(setDays, (e: unknown) => setProblem(errorMessage(e, t('leader.loadFailed'))));
  }, []);
  return (
    <Row gutter={16} className="gap-bottom leader-panel">
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <Col xs={24} lg={14}>
        <Card size="small" title={t('leader.owned')} extra={<Link to="/owned">{t('acct.owned.all')}</Link>}>
          <Table<OwnedCase>
            size="small"
            rowKey="petitionId"
            loading={owned === null}
            dataSource={owned ?? []}
            pagination={false}
            locale={{ emptyText: <Typography.Text className="empty-note">{t('leader.noOwned')}</Typography.Text> }}
            columns={[
              { title: t('leader.matter'), dataIndex: 'title', render: (v: string, r) => <Link to={`/petitions/${r.petitionId}`}>{v}</Link> },
              { title: t('leader.plan'), render: (_, r) => `${r.stepsDone}/${r.steps}` },
              { title: t('leader.target'), dataIndex: 'targetOn', render: (v: string | null) => v ?? '—' },
              {
                title: t('leader.ownership'),
                dataIndex: 'ownership',
                // The workbench's pills (styles.css), whose colours pass AA contrast; antd's preset tags do not.
                render: (v: string) => (
                  <span className={`pill ${v === 'resolved' ? 'pill-green' : 'pill-blue'}`}>{t(`leader.${v === 'resolved' ? 'resolved' : 'active'}`)}</span>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('leader.receptionDays')}>
          <Table<ReceptionDay>
            size="small"
            rowKey="id"
            loading={days === null}
            dataSource={days ?? []}
            pagination={false}
            locale={{ emptyText: <Typography.Text className="empty-note">{t('leader.noDays')}</Typography.Text> }}
            columns={[
              { title: t('leader.date'), render: (_, d) => <Link to={`/reception/${d.id}`}>{`${d.date} ${d.startTime}–${d.endTime}`}</Link> },
              { title: t('leader.who'), render: (_, d) => `${d.leaderTitle} ${d.leaderName}` },
              { title: t('leader.slots'), render: (_, d) => `${d.capacity - d.remaining}/${d.capacity}` },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
