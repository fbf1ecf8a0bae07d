import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { accountabilityApi, type AppNotification } from '../../lib/accountability-api';
import { errorMessage } from '../../lib/api';
import { chinaTime } from '../../lib/dates';
// The bell is in the header of every page: its styles must not depend on an accountability page loaded first.
import './accountability.css';

const POLL_MS = 60_000;

/** The header bell: unread in-app notices (reminders, escalations, drafts to review) and the list, marked read on opening one. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ unread: number; items: AppNotification[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await accountabilityApi.notifications());
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e, t('acct.loadFailed')));
    }
  }, [t]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const markRead = async (ids: number[]) => {
    if (ids.length === 0) return;
    setData(
      (d) =>
        d && {
          unread: Math.max(0, d.unread - d.items.filter((i) => ids.includes(i.id) && !i.read).length),
          items: d.items.map((i) => (ids.includes(i.id) ? { ...i, read: true } : i)),
        },
    );
    try {
      await accountabilityApi.markRead(ids);
    } catch (e) {
      setProblem(errorMessage(e, t('acct.loadFailed')));
      void load();
    }
  };

  const openOne = (n: AppNotification) => {
    if (!n.read) void markRead([n.id]);
    if (n.petitionId) {
      setOpen(false);
      void navigate(`/petitions/${n.petitionId}`);
    }
  };

  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];
  const content = (
    <div className="acct-bell-panel">
      <div className="acct-bell-head">
        <Typography.Text strong>{t('acct.bell.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          onClick={() =>
            void markRead(
              items
                .filter((i) => !i.read)
                .map((i) => i.id)
                .slice(0, 500),
            )
          }
        >
          {t('acct.bell.markAll')}
        </Button>
      </div>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('acct.bell.empty')} />
      ) : (
        <List
          size="small"
          className="acct-bell-list"
          dataSource={items}
          renderItem={(n) => (
            <List.Item key={n.id} className={n.read ? 'acct-bell-item' : 'acct-bell-item acct-bell-unread'}>
              <button type="button" className="acct-bell-open" onClick={() => openOne(n)}>
                <Space size={6} wrap>
                  {!n.read && (
                    <>
                      <span className="acct-dot" aria-hidden="true" />
                      <span className="acct-sr-only">{t('acct.bell.unread')}</span>
                    </>
                  )}
                  <Tag>{t(`acct.bell.templates.${n.template}`, { defaultValue: n.template })}</Tag>
                  <span className="acct-bell-when">{chinaTime(n.createdAt).format('L HH:mm')}</span>
                </Space>
                <span className="acct-bell-text">{n.text}</span>
              </button>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void load();
      }}
    >
      <span className="acct-bell-wrap">
        <Badge count={unread} size="small" overflowCount={99} className="acct-bell-badge" offset={[-6, 6]}>
          <Button
            type="text"
            className="header-btn acct-bell"
            aria-label={unread ? t('acct.bell.labelCount', { count: unread }) : t('acct.bell.label')}
            icon={<BellOutlined />}
          />
        </Badge>
      </span>
    </Popover>
  );
}
