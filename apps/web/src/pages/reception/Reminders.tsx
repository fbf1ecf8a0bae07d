import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, List, Space, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { receptionApi, type Notice } from '../../lib/reception-api';

/**
 * A proxy agent's reminders (信访代理员): the in-app notices about the petitions they submitted for residents —
 * an answer to pass on, the rating and the review window the resident has. The server writes each notice
 * (apps/server/src/notifications/outbox.ts); the heading says what kind it is in the reader's language.
 */
export default function RemindersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      setNotices((await receptionApi.notices()).items);
      setError(null);
    } catch (e) {
      setNotices([]);
      setError(errorMessage(e, t('reminders.loadFailed')));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const markRead = async (ids: number[]) => {
    if (ids.length === 0) return;
    try {
      await receptionApi.markRead(ids);
      setNotices((list) => (list ?? []).map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)));
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };

  const unread = (notices ?? []).filter((n) => !n.read);
  return (
    <div className="reminders">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('reminders.title')}
        </Typography.Title>
        <Button icon={<CheckOutlined />} disabled={unread.length === 0} onClick={() => void markRead(unread.map((n) => n.id))}>
          {t('reminders.markAllRead')}
        </Button>
      </div>
      <Typography.Paragraph className="muted">{t('reminders.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small" title={unread.length > 0 ? t('reminders.unread', { count: unread.length }) : undefined}>
        <List<Notice>
          loading={notices === null}
          dataSource={notices ?? []}
          locale={{ emptyText: <Typography.Text className="empty-note">{t('reminders.empty')}</Typography.Text> }}
          renderItem={(n) => (
            <List.Item
              className={n.read ? 'reminder reminder-read' : 'reminder reminder-unread'}
              actions={[
                n.petitionId ? (
                  <Link key="open" to={`/petitions/${n.petitionId}`}>
                    {t('reminders.openPetition')}
                  </Link>
                ) : null,
                n.read ? (
                  <span key="state" className="pill pill-grey">
                    {t('reminders.read')}
                  </span>
                ) : (
                  <Button key="read" size="small" onClick={() => void markRead([n.id])}>
                    {t('reminders.markRead')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                avatar={<BellOutlined aria-hidden="true" className={n.read ? 'muted' : undefined} style={n.read ? undefined : { color: '#1d4f91', fontSize: 18 }} />}
                title={
                  <Space size={8} wrap>
                    {!n.read && <span className="pill pill-blue">{t('reminders.new')}</span>}
                    <span>{t(`reminders.kinds.${n.template}`, t('reminders.kinds.other'))}</span>
                    <span className="muted">{dayjs(n.createdAt).format('L HH:mm')}</span>
                  </Space>
                }
                description={<span className="reminder-text">{n.text}</span>}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
