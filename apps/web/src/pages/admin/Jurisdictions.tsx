import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../../components/Pickers';
import { api, errorMessage, type Jurisdiction } from '../../lib/api';
import { refreshDirectory } from '../../lib/directory';

interface Row extends Jurisdiction {
  children?: Row[];
}

export default function JurisdictionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<Jurisdiction[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Jurisdiction | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [form] = Form.useForm<{ code: string; name: string; parentCode?: string }>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setLoading(true);
    try {
      setList(await api.jurisdictions());
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

  const tree = useMemo(() => {
    const q = filter.trim();
    if (q) return list.filter((j) => j.name.includes(q) || j.code.startsWith(q));
    const rows = new Map<string, Row>(list.map((j) => [j.code, { ...j }]));
    const roots: Row[] = [];
    for (const r of rows.values()) {
      const p = r.parentCode ? rows.get(r.parentCode) : undefined;
      if (p) (p.children ??= []).push(r);
      else roots.push(r);
    }
    return roots;
  }, [list, filter]);

  const save = async (v: { code: string; name: string; parentCode?: string }) => {
    setBusy(true);
    try {
      if (editing === 'new') await api.addJurisdiction({ code: v.code.trim(), name: v.name.trim(), parentCode: v.parentCode ?? null });
      else if (editing) await api.renameJurisdiction(editing.code, v.name.trim());
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

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('admin.jurisdictions')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('admin.addJurisdiction')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} className="gap-bottom" />}
      <Card size="small">
        <Input.Search aria-label={t('common.search')} placeholder={`${t('admin.code')} / ${t('common.name')}`} allowClear onChange={(e) => setFilter(e.target.value)} className="gap-bottom" style={{ maxWidth: 320 }} />
        <Table<Row>
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={tree}
          pagination={filter ? { pageSize: 50 } : false}
          expandable={{ defaultExpandedRowKeys: list.filter((j) => j.level === 'city').map((j) => j.code) }}
          columns={[
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('admin.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('admin.level'), dataIndex: 'level', render: (v: string) => t(`admin.levels.${v}`, v) },
            {
              title: t('common.actions'),
              width: 100,
              render: (_, r) => (
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('admin.rename')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.addJurisdiction') : t('admin.rename')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void save(v)} initialValues={editing && editing !== 'new' ? editing : {}}>
          {editing === 'new' && (
            <>
              <Form.Item name="code" label={t('admin.code')} rules={[
                  { required: true, whitespace: true, message: t('adminForm.codeRequired') },
                  { pattern: /^\d{6}(\d{3}){0,2}$/, message: t('adminForm.codeFormat') },
                ]}>
                <Input className="mono" maxLength={12} />
              </Form.Item>
              <Form.Item name="parentCode" label={t('admin.parent')}>
                <PlacePicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
