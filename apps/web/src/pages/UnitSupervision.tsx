import { useEffect, useState } from 'react';
import { Button, Card, Empty, Result, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SupervisionRecord } from '@qiao/contracts';
import { ApiError, errorMessage } from '../lib/api';
import { jointConferenceApi } from '../lib/joint-conference-api';

type Notice = SupervisionRecord['notices'][number];

/** A unit's supervision record (督办记录): the notices issued to it, its written answers, and lateness. */
export default function UnitSupervisionPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [record, setRecord] = useState<SupervisionRecord | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setRecord(null);
    setError(null);
    jointConferenceApi
      .supervisionRecord(id)
      .then((r) => live && setRecord(r))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (record)
      document.title = `${t('unitSupervision.title', { unit: record.unit.name })} · ${t('app.name')}`;
  }, [record, t]);

  if (error)
    return (
      <Result
        status={
          error instanceof ApiError && error.status === 403
            ? '403'
            : error instanceof ApiError && error.status === 404
              ? '404'
              : 'error'
        }
        title={errorMessage(error, t('errors.unknown'))}
        extra={<Button onClick={() => void navigate(-1)}>{t('unitSupervision.back')}</Button>}
      />
    );
  if (!record) return <Skeleton active paragraph={{ rows: 8 }} />;

  const s = record.summary;
  const state = (n: Notice) =>
    n.status === 'answered' ? (
      <span className={`due ${n.late ? 'due-late' : 'due-done'}`}>
        {n.late ? t('unitSupervision.late') : t('unitSupervision.onTime')}
      </span>
    ) : (
      <span className={`due ${n.late ? 'due-overdue' : 'due-soon'}`}>
        {n.late ? t('unitSupervision.openLateTag') : t('unitSupervision.openOnTime')}
      </span>
    );

  return (
    <section className="unit-supervision" aria-labelledby="unit-supervision-title">
      <Space className="gap-bottom">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('unitSupervision.back')}
        </Button>
      </Space>
      <Typography.Title level={1} id="unit-supervision-title" className="page-title">
        {t('unitSupervision.title', { unit: record.unit.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('unitSupervision.intro')}</Typography.Paragraph>
      <Card size="small" className="section">
        <Space size="large" wrap>
          <Statistic title={t('unitSupervision.issued')} value={s.issued} />
          <Statistic title={t('unitSupervision.answered')} value={s.answered} />
          <Statistic
            title={t('unitSupervision.answeredLate')}
            value={s.answeredLate}
            valueStyle={s.answeredLate ? { color: '#b42318' } : undefined}
          />
          <Statistic title={t('unitSupervision.open')} value={s.open} />
          <Statistic
            title={t('unitSupervision.openLate')}
            value={s.openLate}
            valueStyle={s.openLate ? { color: '#b42318' } : undefined}
          />
        </Space>
      </Card>
      <Card size="small" className="section">
        {record.notices.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unitSupervision.empty')} />
        ) : (
          <Table<Notice>
            rowKey="supervisionId"
            dataSource={record.notices}
            pagination={record.notices.length > 20 ? { pageSize: 20 } : false}
            expandable={{
              expandedRowRender: (n) => (
                <div className="supervision-texts">
                  <Typography.Text strong>{t('unitSupervision.note')}</Typography.Text>
                  <Typography.Paragraph className="prose">{n.note ?? '—'}</Typography.Paragraph>
                  <Typography.Text strong>{t('unitSupervision.answer')}</Typography.Text>
                  <Typography.Paragraph className="prose">
                    {n.answer ?? t('unitSupervision.noAnswer')}
                  </Typography.Paragraph>
                </div>
              ),
            }}
            columns={[
              {
                title: t('unitSupervision.petition'),
                render: (_, n) => (
                  <Link to={`/petitions/${n.petition.id}`}>
                    <span className="mono">{n.petition.trackingCode}</span> {n.petition.title}
                  </Link>
                ),
              },
              {
                title: t('unitSupervision.reason'),
                width: 120,
                render: (_, n) => t(`options.supervisionReason.${n.reason}`),
              },
              {
                title: t('unitSupervision.issuedOn'),
                width: 120,
                render: (_, n) => dayjs(n.issuedOn).format('L'),
              },
              { title: t('unitSupervision.dueOn'), width: 120, render: (_, n) => dayjs(n.dueOn).format('L') },
              {
                title: t('unitSupervision.answeredOn'),
                width: 120,
                render: (_, n) => (n.answeredOn ? dayjs(n.answeredOn).format('L') : '—'),
              },
              { title: t('unitSupervision.state'), width: 130, render: (_, n) => state(n) },
            ]}
          />
        )}
      </Card>
    </section>
  );
}
