import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PlacePicker, UnitPicker } from '../../components/Pickers';
import { api, errorMessage, type User } from '../../lib/api';
import { placeName, useJurisdictions, useUnits } from '../../lib/directory';

const ROLES = ['clerk', 'handler', 'unitHead', 'leader', 'supervisor', 'admin', 'proxyAgent'] as const;
type Values = Omit<User, 'id'> & { password?: string };

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [units] = useUnits();
  const [places] = useJurisdictions();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = async () => {
    setLoading(true);
    try {
      setUsers(await api.users());
      setError(null);
    } catch (e) {
      setError(errorMessage(e, t('errors.unknown')));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const save = async (v: Values) => {
    setBusy(true);
    try {
      const common = { displayName: v.displayName.trim(), role: v.role, unitId: v.unitId ?? null, jurisdictionCode: v.jurisdictionCode };
      if (editing === 'new') await api.addUser({ ...common, username: v.username.trim(), password: v.password ?? '' });
      else if (editing) await api.changeUser(editing.id, { ...common, active: v.active, ...(v.password ? { password: v.password } : {}) });
      message.success(t('admin.saved'));
      setEditing(null);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');
  const q = filter.trim();
  const shown = users.filter((u) => !q || u.username.includes(q) || u.displayName.includes(q) || unitName(u.unitId).includes(q));
  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('admin.users')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('admin.addUser')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small">
        <Input.Search aria-label={t('common.search')} placeholder={`${t('admin.username')} / ${t('admin.displayName')} / ${t('admin.unit')}`} allowClear onChange={(e) => setFilter(e.target.value)} className="gap-bottom" style={{ maxWidth: 360 }} />
        <Table<User>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.username'), dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('admin.displayName'), dataIndex: 'displayName' },
            { title: t('admin.role'), dataIndex: 'role', render: (v: string) => t(`roles.${v}`, v) },
            { title: t('admin.unit'), dataIndex: 'unitId', render: (v: string | null) => unitName(v) },
            { title: t('admin.jurisdiction'), dataIndex: 'jurisdictionCode', render: (v: string) => placeName(places, v) },
            { title: t('admin.active'), dataIndex: 'active', render: (v: boolean) => (v ? t('admin.active') : <span className="pill pill-grey">{t('admin.inactive')}</span>) },
            {
              title: t('common.actions'),
              width: 90,
              render: (_, r) => (
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.addUser') : t('admin.editUser')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={600}>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void save(v)} initialValues={editing && editing !== 'new' ? editing : { role: 'handler', active: true }}>
          <Form.Item name="username" label={t('admin.username')} rules={[
              { required: true, whitespace: true, message: t('adminForm.usernameRequired') },
              { pattern: /^[a-zA-Z0-9_.-]{2,64}$/, message: t('adminForm.usernameFormat') },
            ]}>
            <Input className="mono" disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.unit')}>
            <UnitPicker allowClear />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('admin.jurisdiction')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? t('admin.password') : t('admin.newPassword')}
            extra={t('admin.passwordHint')}
            // The hint below says how long; an error says only what is wrong (it showed the hint a second time).
            rules={[
              { required: editing === 'new', message: t('adminForm.passwordRequired') },
              { min: 8, message: t('adminForm.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
