import { domains as DOMAINS } from '@qiao/core';
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../../components/Pickers';
import { api, errorMessage, type Unit } from '../../lib/api';
import { placeName, refreshDirectory, useJurisdictions } from '../../lib/directory';

const KINDS = ['petitionOffice', 'department', 'townGovernment', 'discipline', 'government'] as const;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [units, setUnits] = useState<Unit[]>([]);
  const [places] = useJurisdictions();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Unit>();

  const load = async () => {
    setLoading(true);
    try {
      setUnits(await api.units());
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

  const save = async (v: Unit) => {
    setBusy(true);
    try {
      if (editing === 'new') await api.addUnit({ id: v.id.trim(), name: v.name.trim(), jurisdictionCode: v.jurisdictionCode, kind: v.kind, domains: v.domains ?? [] });
      else if (editing) await api.changeUnit(editing.id, { name: v.name.trim(), jurisdictionCode: v.jurisdictionCode, kind: v.kind, domains: v.domains ?? [], active: v.active });
      message.success(t('admin.saved'));
      setEditing(null);
      refreshDirectory();
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const shown = units.filter((u) => !filter.trim() || u.name.includes(filter.trim()) || u.id.includes(filter.trim()));
  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('admin.units')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('admin.addUnit')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small">
        <Input.Search aria-label={t('common.search')} placeholder={`${t('admin.unitId')} / ${t('common.name')}`} allowClear onChange={(e) => setFilter(e.target.value)} className="gap-bottom" style={{ maxWidth: 320 }} />
        <Table<Unit>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('admin.unitId'), dataIndex: 'id', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('admin.jurisdiction'), dataIndex: 'jurisdictionCode', render: (v: string) => placeName(places, v) },
            { title: t('admin.kind'), dataIndex: 'kind', render: (v: string) => t(`admin.kinds.${v}`, v) },
            { title: t('admin.domains'), dataIndex: 'domains', render: (v: string[]) => v.map((d) => <Tag key={d}>{t(`domain.${d}`)}</Tag>) },
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
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.addUnit') : t('admin.editUnit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void save(v)} initialValues={editing && editing !== 'new' ? editing : { kind: 'department', domains: [], active: true }}>
          <Form.Item name="id" label={t('admin.unitId')} rules={[
              { required: true, whitespace: true, message: t('adminForm.unitIdRequired') },
              { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: t('adminForm.unitIdFormat') },
            ]}>
            <Input className="mono" disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('admin.jurisdiction')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="domains" label={t('admin.domains')}>
            <Select mode="multiple" options={DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))} />
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
