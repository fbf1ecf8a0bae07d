import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { StatusTag } from '../../components/Badges';
import { ApiError, errorMessage, type Status } from '../../lib/api';
import { receptionApi, type DayBooking, type ReceptionDay } from '../../lib/reception-api';
import { dayWhen } from './ReceptionDays';

/**
 * One reception day's list for the receiving leader and the petition office: who booked (masked, as the API
 * gives it: no reveal here) and, for a booking about a submitted petition, its history. A booking about a
 * petition the user may not view is not in the list at all; the page says how many slots are taken that way.
 */
export default function ReceptionBookingsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [day, setDay] = useState<ReceptionDay | null>(null);
  const [bookings, setBookings] = useState<DayBooking[] | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  useEffect(() => {
    let live = true;
    Promise.all([receptionApi.day(id), receptionApi.bookings(id)]).then(
      ([d, b]) => {
        if (!live) return;
        setDay(d);
        setBookings(b);
      },
      (e: unknown) => live && setError({ status: e instanceof ApiError ? e.status : 0, message: errorMessage(e, t('reception.loadFailed')) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (error?.status === 404)
    return (
      <Result
        status="404"
        title={t('reception.notFound')}
        extra={
          <Link to="/reception">
            <ArrowLeftOutlined /> {t('reception.backToDays')}
          </Link>
        }
      />
    );

  const who = day ? `${day.leaderTitle} ${day.leaderName}` : '';
  const active = (bookings ?? []).filter((b) => b.status === 'booked').length;
  // The day counts every slot taken (the portal shows what remains); the list leaves out a booking about a petition
  // this user may not view, so the difference is how many are booked but not shown. The note says no more than
  // that: to an office that sees everything else in its area, "a petition you may not view" would mean an
  // accusation against it.
  const taken = day ? day.capacity - day.remaining : active;
  const withheld = bookings ? Math.max(0, taken - active) : 0;
  return (
    <div className="reception-bookings">
      <div className="page-head no-print">
        <Link to="/reception">
          <ArrowLeftOutlined /> {t('reception.backToDays')}
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!bookings}>
          {t('reception.print')}
        </Button>
      </div>
      <Typography.Title level={1} className="page-title">
        {day ? t('reception.bookingsOf', { date: day.date, who }) : t('reception.bookings')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error.message} className="gap-bottom" />}
      {day && (
        <Card size="small" className="gap-bottom">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('reception.leader')}>{who}</Descriptions.Item>
            <Descriptions.Item label={t('reception.time')}>{dayWhen(day)}</Descriptions.Item>
            <Descriptions.Item label={t('reception.place')}>{day.place}</Descriptions.Item>
            <Descriptions.Item label={t('reception.booked')}>
              {taken}/{day.capacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('reception.topics')} span={2}>
              <Space size={[4, 4]} wrap>
                {day.topics.map((x) => (
                  <Tag key={x}>{x}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Alert type="info" showIcon title={t('reception.maskedNote')} className="gap-bottom no-print" />
      {withheld > 0 && <Alert type="warning" showIcon title={t('reception.withheld', { count: withheld })} className="gap-bottom reception-withheld" />}
      <Card size="small">
        <Table<DayBooking>
          rowKey="bookingCode"
          size="small"
          loading={bookings === null && !error}
          dataSource={bookings ?? []}
          pagination={false}
          locale={{ emptyText: <Typography.Text className="empty-note">{t('reception.noBookings')}</Typography.Text> }}
          expandable={{
            rowExpandable: (b) => (b.petition?.history.length ?? 0) > 0,
            expandedRowRender: (b) => (
              <div className="booking-history">
                <Typography.Text strong>{t('reception.history')}</Typography.Text>
                <Timeline style={{ marginTop: 8 }} items={(b.petition?.history ?? []).map((h, i) => ({ key: i, title: h.on, content: h.summary[lang] }))} />
              </div>
            ),
          }}
          columns={[
            { title: t('reception.slot'), dataIndex: 'slot', width: 64 },
            { title: t('reception.bookingCode'), dataIndex: 'bookingCode', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('reception.name'), dataIndex: 'name' },
            { title: t('reception.phone'), dataIndex: 'phone', render: (v: string) => <span className="mono">{v}</span> },
            {
              title: t('reception.matter'),
              render: (_, b) =>
                b.petition ? (
                  <Space orientation="vertical" size={2}>
                    <Link to={`/petitions/${b.petition.id}`}>{b.petition.title}</Link>
                    <Space size={6} wrap>
                      <span className="mono muted">{b.petition.trackingCode}</span>
                      <StatusTag status={b.petition.status as Status} />
                    </Space>
                  </Space>
                ) : (
                  <Space orientation="vertical" size={2}>
                    <span className="pill pill-grey">{t('reception.newMatter')}</span>
                    <span>{b.summary}</span>
                  </Space>
                ),
            },
            {
              title: t('reception.status'),
              dataIndex: 'status',
              width: 100,
              render: (v: string) => <span className={`pill ${v === 'booked' ? 'pill-green' : 'pill-grey'}`}>{t(`reception.statuses.${v}`, v)}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
