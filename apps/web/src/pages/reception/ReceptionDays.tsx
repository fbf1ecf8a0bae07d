import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { errorMessage } from '../../lib/api';
import { receptionApi, type ReceptionDay, type ReceptionLeader } from '../../lib/reception-api';

/** Half-hour steps of a working day, for the start and end of a reception. */
const TIMES = Array.from({ length: 29 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

interface Values {
  leaderUserId: string;
  leaderTitle: string;
  date: Dayjs;
  startTime: string;
  endTime: string;
  place: string;
  topics: string[];
  capacity: number;
}

export function dayWhen(d: ReceptionDay) {
  return `${d.date} ${d.startTime}–${d.endTime}`;
}

/** 领导接访日: the petition office (or a leader) publishes reception days and opens each day's bookings. */
export default function ReceptionDaysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [days, setDays] = useState<ReceptionDay[] | null>(null);
  const [leaders, setLeaders] = useState<ReceptionLeader[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const mayPublish = me.user.role === 'clerk' || me.user.role === 'leader';

  const load = async () => {
    try {
      setDays(await receptionApi.days());
      setError(null);
    } catch (e) {
      setDays([]);
      setError(errorMessage(e, t('reception.loadFailed')));
    }
  };
  useEffect(() => {
    void load();
    if (mayPublish) receptionApi.leaders().then(setLeaders, (e: unknown) => setError(errorMessage(e, t('reception.loadFailed'))));
  }, []);

  const publish = async (v: Values) => {
    setBusy(true);
    try {
      await receptionApi.publish({
        leaderUserId: v.leaderUserId,
        leaderTitle: v.leaderTitle.trim(),
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.startTime,
        endTime: v.endTime,
        place: v.place.trim(),
        topics: v.topics.map((x) => x.trim()).filter(Boolean),
        capacity: v.capacity,
      });
      message.success(t('reception.published'));
      setOpen(false);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reception-days">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('reception.title')}
        </Typography.Title>
        {mayPublish && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('reception.publish')}
          </Button>
        )}
      </div>
      <Typography.Paragraph className="muted">{t('reception.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small">
        <Table<ReceptionDay>
          rowKey="id"
          size="small"
          loading={days === null}
          dataSource={days ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Typography.Text className="empty-note">{t('reception.noDays')}</Typography.Text> }}
          columns={[
            { title: t('reception.time'), render: (_, d) => <Link to={`/reception/${d.id}`}>{dayWhen(d)}</Link> },
            { title: t('reception.leader'), render: (_, d) => `${d.leaderTitle} ${d.leaderName}` },
            { title: t('reception.place'), dataIndex: 'place' },
            {
              title: t('reception.topics'),
              dataIndex: 'topics',
              render: (v: string[]) => (
                <Space size={[4, 4]} wrap>
                  {v.map((x) => (
                    <Tag key={x}>{x}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('reception.booked'),
              render: (_, d) => (
                <span>
                  {d.capacity - d.remaining}/{d.capacity}{' '}
                  {d.remaining === 0 ? <span className="pill pill-amber">{t('reception.full')}</span> : <span className="muted">{t('reception.remaining', { count: d.remaining })}</span>}
                </span>
              ),
            },
            {
              title: t('common.actions'),
              width: 110,
              render: (_, d) => <Link to={`/reception/${d.id}`}>{t('reception.viewBookings')}</Link>,
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('reception.publish')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('reception.publish')}
        confirmLoading={busy}
        destroyOnHidden
        width={640}
      >
        <Form<Values>
          form={form}
          name="reception-day"
          layout="vertical"
          preserve={false}
          onFinish={(v) => void publish(v)}
          initialValues={{
            leaderUserId: me.user.role === 'leader' ? me.user.id : undefined,
            leaderTitle: '',
            startTime: '09:00',
            endTime: '12:00',
            topics: [],
            capacity: 10,
          }}
        >
          <Form.Item name="leaderUserId" label={t('reception.leader')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={me.user.role === 'leader'}
              options={leaders.map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item name="leaderTitle" label={t('reception.leaderTitle')} extra={t('reception.leaderTitleHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="date" label={t('reception.date')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(dayjs(me.today), 'day')} style={{ width: 200 }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="startTime" label={t('reception.startTime')} rules={[{ required: true, message: t('common.required') }]}>
              <Select showSearch style={{ width: 140 }} options={TIMES.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
            <Form.Item
              name="endTime"
              label={t('reception.endTime')}
              dependencies={['startTime']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) => (!v || v > (getFieldValue('startTime') as string) ? Promise.resolve() : Promise.reject(new Error(t('reception.endAfterStart')))),
                }),
              ]}
            >
              <Select showSearch style={{ width: 140 }} options={TIMES.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
            <Form.Item name="capacity" label={t('reception.capacity')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={500} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item name="place" label={t('reception.place')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="topics" label={t('reception.topics')} extra={t('reception.topicsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} suffixIcon={null} maxCount={20} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
