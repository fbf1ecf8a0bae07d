import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../../components/Pickers';
import { errorMessage } from '../../lib/api';
import { placeName, useJurisdictions } from '../../lib/directory';
import { integrationsApi, type ApiKey, type ApiKeyInput, type Delivery, type KeyUse, type Webhook, type WebhookInput } from '../../lib/integrations-api';

const SCOPES = ['submit', 'readOwn', 'webhooks'] as const;
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The one moment a secret is shown: the admin copies it, and closing the dialog forgets it. */
function SecretOnce({ secret, title, label, note, onClose }: { secret: { value: string; name: string } | null; title: string; label: string; note: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      closable={false}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('integrations.copied')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={note} className="gap-bottom" />
      <Typography.Text strong>{secret?.name}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
      </div>
      <Typography.Paragraph copyable={{ text: secret?.value ?? '' }} className="mono" data-testid="secret-once" style={{ fontSize: 15, wordBreak: 'break-all', background: '#f3f5f8', padding: '8px 12px', borderRadius: 4 }}>
        {secret?.value}
      </Typography.Paragraph>
    </Modal>
  );
}

function DeliveryState({ status }: { status: string }) {
  const { t } = useTranslation();
  const cls = status === 'sent' ? 'pill-green' : status === 'dead' ? 'pill-grey' : 'pill-amber';
  return <span className={`pill ${cls}`}>{t(`integrations.deliveryStatus.${status}`, status)}</span>;
}

function KeysTab({ keys, reload }: { keys: ApiKey[] | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [places] = useJurisdictions();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ value: string; name: string } | null>(null);
  const [uses, setUses] = useState<{ key: ApiKey; rows: KeyUse[] | null } | null>(null);
  const [form] = Form.useForm<ApiKeyInput>();

  const create = async (v: ApiKeyInput) => {
    setBusy(true);
    try {
      const created = await integrationsApi.createKey({ ...v, name: v.name.trim() });
      setOpen(false);
      setSecret({ value: created.apiKey, name: created.name });
      await reload();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (k: ApiKey) => {
    try {
      await integrationsApi.revokeKey(k.id);
      message.success(t('integrations.keyRevoked'));
      await reload();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };
  const showUses = (k: ApiKey) => {
    setUses({ key: k, rows: null });
    integrationsApi.keyUses(k.id).then(
      (rows) => setUses({ key: k, rows }),
      (e: unknown) => {
        message.error(errorMessage(e, t('integrations.loadFailed')));
        setUses({ key: k, rows: [] });
      },
    );
  };

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('integrations.newKey')}
        </Button>
      </div>
      <Table<ApiKey>
        rowKey="id"
        size="small"
        className="api-keys"
        loading={keys === null}
        dataSource={keys ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text className="empty-note">{t('integrations.noKeys')}</Typography.Text> }}
        columns={[
          {
            title: t('integrations.name'),
            dataIndex: 'name',
            render: (v: string, k) => (
              <Space orientation="vertical" size={0}>
                <span>{v}</span>
                <span className="mono muted" title={t('integrations.prefix')}>
                  {k.keyPrefix}…
                </span>
              </Space>
            ),
          },
          {
            title: t('integrations.scopes'),
            dataIndex: 'scopes',
            render: (v: ApiKey['scopes']) => (
              <Space size={[4, 4]} wrap>
                {v.map((s) => (
                  <Tag key={s}>{t(`integrations.scope.${s}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: `${t('integrations.jurisdiction')} · ${t('integrations.channel')}`,
            render: (_, k) => (
              <Space orientation="vertical" size={0}>
                <span>
                  {placeName(places, k.jurisdictionCode)} · {t(`integrations.channels.${k.channel}`)}
                </span>
                <span className="muted">
                  {t('integrations.rateLimit')} {k.rateLimitPerMinute}
                </span>
              </Space>
            ),
          },
          {
            title: `${t('integrations.createdAt')} / ${t('integrations.lastUsed')}`,
            render: (_, k) => (
              <Space orientation="vertical" size={0}>
                <span>{when(k.createdAt)}</span>
                <span className="muted">{k.lastUsedAt ? when(k.lastUsedAt) : t('integrations.never')}</span>
              </Space>
            ),
          },
          {
            title: t('integrations.state'),
            dataIndex: 'revokedAt',
            render: (v: string | null) => (v ? <span className="pill pill-grey">{t('integrations.revoked', { at: when(v) })}</span> : <span className="pill pill-green">{t('integrations.active')}</span>),
          },
          {
            title: t('common.actions'),
            render: (_, k) => (
              <Space size={4}>
                <Button size="small" onClick={() => showUses(k)}>
                  {t('integrations.uses')}
                </Button>
                {!k.revokedAt && (
                  <Popconfirm title={t('integrations.revokeKeyConfirm', { name: k.name })} okText={t('integrations.revoke')} okButtonProps={{ danger: true }} onConfirm={() => void revoke(k)}>
                    <Button size="small" danger>
                      {t('integrations.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('integrations.newKey')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('integrations.newKey')} confirmLoading={busy} destroyOnHidden width={600}>
        <Form<ApiKeyInput>
          form={form}
          name="api-key"
          layout="vertical"
          preserve={false}
          onFinish={(v) => void create(v)}
          initialValues={{ scopes: ['submit', 'readOwn'], channel: 'online', rateLimitPerMinute: 60 }}
        >
          <Form.Item name="name" label={t('integrations.name')} extra={t('integrations.nameHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="scopes" label={t('integrations.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: t(`integrations.scope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="channel" label={t('integrations.channel')}>
            <Select options={(['online', 'hotline'] as const).map((c) => ({ value: c, label: t(`integrations.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('integrations.jurisdiction')} extra={t('integrations.jurisdictionHint')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker />
          </Form.Item>
          <Form.Item name="rateLimitPerMinute" label={t('integrations.rateLimit')}>
            <InputNumber min={1} max={10_000} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretOnce secret={secret} title={t('integrations.keyCreated')} label={t('integrations.apiKey')} note={t('integrations.secretOnce')} onClose={() => setSecret(null)} />
      <Drawer open={uses !== null} size="large" title={uses ? t('integrations.usesOf', { name: uses.key.name }) : ''} onClose={() => setUses(null)}>
        <Table<KeyUse>
          rowKey={(r) => `${r.at}-${r.route}-${r.statusCode}`}
          size="small"
          loading={uses?.rows === null}
          dataSource={uses?.rows ?? []}
          pagination={false}
          locale={{ emptyText: <Typography.Text className="empty-note">{t('integrations.noUses')}</Typography.Text> }}
          columns={[
            { title: t('integrations.createdAt'), dataIndex: 'at', render: when },
            { title: t('integrations.route'), render: (_, r) => <span className="mono">{`${r.method} ${r.route}`}</span> },
            { title: t('integrations.statusCode'), dataIndex: 'statusCode' },
            { title: t('integrations.outcome'), dataIndex: 'outcome' },
            { title: t('integrations.ip'), dataIndex: 'ip', render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          ]}
        />
      </Drawer>
    </>
  );
}

function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!webhook) return;
    setRows(null);
    setError(null);
    integrationsApi.deliveries(webhook.id).then(setRows, (e: unknown) => {
      setRows([]);
      setError(errorMessage(e, t('integrations.loadFailed')));
    });
  }, [webhook]);
  return (
    <Drawer open={webhook !== null} size="large" title={webhook ? t('integrations.deliveriesOf', { url: webhook.url }) : ''} onClose={onClose}>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Table<Delivery>
        rowKey="deliveryId"
        size="small"
        className="deliveries"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text className="empty-note">{t('integrations.noDeliveries')}</Typography.Text> }}
        expandable={{
          rowExpandable: (d) => d.history.length > 0,
          expandedRowRender: (d) => (
            <Table
              rowKey={(a) => `${a.at}-${a.durationMs}`}
              size="small"
              pagination={false}
              dataSource={d.history}
              columns={[
                { title: t('integrations.history'), dataIndex: 'at', render: when },
                { title: t('integrations.httpStatus'), dataIndex: 'httpStatus', render: (v: number | null) => v ?? t('integrations.noAnswer') },
                { title: t('integrations.lastError'), dataIndex: 'error', render: (v: string | null) => v ?? '—' },
                { title: t('integrations.duration'), dataIndex: 'durationMs', render: (v: number) => `${v} ms` },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('integrations.createdAt'), dataIndex: 'createdAt', render: when },
          { title: t('integrations.request'), dataIndex: 'serviceRequestId', render: (v: string) => <span className="mono">{v.slice(0, 8)}</span> },
          { title: t('integrations.event'), dataIndex: 'event', render: (v: string) => <span className="mono">{v}</span> },
          { title: t('integrations.state'), dataIndex: 'status', render: (v: string) => <DeliveryState status={v} /> },
          { title: t('integrations.attempts'), dataIndex: 'attempts' },
          { title: t('integrations.nextAttempt'), dataIndex: 'nextAttemptAt', render: when },
          { title: t('integrations.sentAt'), dataIndex: 'sentAt', render: when },
          { title: t('integrations.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}

function WebhooksTab({ keys, webhooks, reload }: { keys: ApiKey[]; webhooks: Webhook[] | null; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ value: string; name: string } | null>(null);
  const [history, setHistory] = useState<Webhook | null>(null);
  const [form] = Form.useForm<WebhookInput>();
  const keyName = (id: string) => keys.find((k) => k.id === id)?.name ?? id;
  const eligible = keys.filter((k) => !k.revokedAt && k.scopes.includes('webhooks'));

  const create = async (v: WebhookInput) => {
    setBusy(true);
    try {
      const created = await integrationsApi.createWebhook({ ...v, url: v.url.trim() });
      setOpen(false);
      setSecret({ value: created.secret, name: created.url });
      await reload();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (w: Webhook) => {
    try {
      await integrationsApi.revokeWebhook(w.id);
      message.success(t('integrations.webhookRevoked'));
      await reload();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };
  // Grouped per key, keys in the order of the keys' list.
  const sorted = [...(webhooks ?? [])].sort((a, b) => keys.findIndex((k) => k.id === a.apiKeyId) - keys.findIndex((k) => k.id === b.apiKeyId));

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} disabled={eligible.length === 0}>
          {t('integrations.newWebhook')}
        </Button>
      </div>
      <Table<Webhook>
        rowKey="id"
        size="small"
        className="webhooks"
        loading={webhooks === null}
        dataSource={sorted}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text className="empty-note">{t('integrations.noWebhooks')}</Typography.Text> }}
        columns={[
          { title: t('integrations.key'), dataIndex: 'apiKeyId', render: (v: string) => keyName(v) },
          { title: t('integrations.url'), dataIndex: 'url', render: (v: string) => <span className="mono" style={{ wordBreak: 'break-all' }}>{v}</span> },
          { title: t('integrations.locale'), dataIndex: 'locale', render: (v: Webhook['locale']) => t(`integrations.locales.${v}`) },
          { title: t('integrations.createdAt'), dataIndex: 'createdAt', render: when },
          {
            title: t('integrations.state'),
            dataIndex: 'revokedAt',
            render: (v: string | null) => (v ? <span className="pill pill-grey">{t('integrations.revoked', { at: when(v) })}</span> : <span className="pill pill-green">{t('integrations.active')}</span>),
          },
          {
            title: t('common.actions'),
            render: (_, w) => (
              <Space size={4}>
                <Button size="small" onClick={() => setHistory(w)}>
                  {t('integrations.deliveries')}
                </Button>
                {!w.revokedAt && (
                  <Popconfirm title={t('integrations.revokeWebhookConfirm')} okText={t('integrations.revoke')} okButtonProps={{ danger: true }} onConfirm={() => void revoke(w)}>
                    <Button size="small" danger>
                      {t('integrations.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('integrations.newWebhook')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={600}>
        <Form<WebhookInput> form={form} name="webhook" layout="vertical" preserve={false} onFinish={(v) => void create(v)} initialValues={{ locale: 'zh-CN', apiKeyId: eligible[0]?.id }}>
          <Form.Item name="apiKeyId" label={t('integrations.key')} extra={t('integrations.keyHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={eligible.map((k) => ({ value: k.id, label: k.name }))} />
          </Form.Item>
          <Form.Item name="url" label={t('integrations.url')} extra={t('integrations.urlHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input className="mono" maxLength={1000} placeholder="https://" />
          </Form.Item>
          <Form.Item name="locale" label={t('integrations.locale')}>
            <Select options={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`integrations.locales.${l}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretOnce secret={secret} title={t('integrations.webhookCreated')} label={t('integrations.signingSecret')} note={t('integrations.signingOnce')} onClose={() => setSecret(null)} />
      <DeliveriesDrawer webhook={history} onClose={() => setHistory(null)} />
    </>
  );
}

/** Admins issue Open311 API keys (the key shown once), revoke them, and follow each webhook's deliveries. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const [k, w] = await Promise.all([integrationsApi.keys(), integrationsApi.webhooks()]);
      setKeys(k);
      setWebhooks(w);
      setError(null);
    } catch (e) {
      setKeys((k) => k ?? []);
      setWebhooks((w) => w ?? []);
      setError(errorMessage(e, t('integrations.loadFailed')));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <div className="integrations">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('integrations.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph className="muted">{t('integrations.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small">
        <Tabs
          onChange={() => void load()}
          items={[
            { key: 'keys', label: t('integrations.keysTab'), children: <KeysTab keys={keys} reload={load} /> },
            { key: 'webhooks', label: t('integrations.webhooksTab'), children: <WebhooksTab keys={keys ?? []} webhooks={webhooks} reload={load} /> },
          ]}
        />
      </Card>
    </div>
  );
}
