import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Table,
  Typography,
  Upload,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { UnitPicker } from '../components/Pickers';
import {
  accountabilityApi,
  rejectedRows,
  saveBlob,
  type LeaderRef,
  type LedgerDetail,
  type LedgerEntry,
  type LedgerSummary,
  type RejectedRow,
} from '../lib/accountability-api';
import { keepsLedgers } from '@qiao/contracts';
import { useMe } from '../auth';
import { api, errorMessage, type ListItem } from '../lib/api';
import '../components/accountability/accountability.css';

const BurndownChart = lazy(() => import('../components/accountability/BurndownChart'));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Backlog ledgers (积案台账): the list of named ledgers, or one ledger with its burndown and entries. */
export default function LedgersPage() {
  const { id } = useParams<{ id?: string }>();
  return id ? <LedgerView id={id} /> : <LedgerList />;
}

/** Whether the signed-in user keeps ledgers; others in the area read them only (the server refuses their edits). */
function useKeepsLedgers(): boolean {
  return keepsLedgers(useMe().user.role);
}

function LedgerList() {
  const { t } = useTranslation();
  const keeps = useKeepsLedgers();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [rows, setRows] = useState<LedgerSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const load = useCallback(async () => {
    try {
      setRows(await accountabilityApi.ledgers());
      setProblem(null);
    } catch (e) {
      setRows([]);
      setProblem(errorMessage(e, t('acct.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.title = `${t('acct.ledgers.title')} · ${t('app.name')}`;
  }, [t]);

  const create = async ({ name }: { name: string }) => {
    setBusy(true);
    try {
      const l = await accountabilityApi.createLedger(name.trim());
      message.success(t('acct.ledgers.created'));
      setCreating(false);
      void navigate(`/ledgers/${l.id}`);
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
          {t('acct.ledgers.title')}
        </Typography.Title>
        {keeps && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('acct.ledgers.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph className="acct-intro">{t('acct.ledgers.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" />}
      <Card size="small">
        <Table<LedgerSummary>
          rowKey="id"
          size="small"
          className="acct-ledgers"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: <Typography.Text className="empty-note">{t('acct.ledgers.empty')}</Typography.Text>,
          }}
          columns={[
            {
              title: t('acct.ledgers.name'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <>
                  <Link to={`/ledgers/${r.id}`}>{v}</Link>
                  {r.withheld > 0 && (
                    <span className="acct-withheld-count">
                      {t('acct.ledgers.withheldCount', { count: r.withheld })}
                    </span>
                  )}
                </>
              ),
            },
            {
              title: t('acct.ledgers.open'),
              dataIndex: 'open',
              render: (v: number) => <span className={`pill ${v ? 'pill-amber' : 'pill-grey'}`}>{v}</span>,
            },
            {
              title: t('acct.ledgers.resolved'),
              dataIndex: 'resolved',
              render: (v: number) => <span className={`pill ${v ? 'pill-green' : 'pill-grey'}`}>{v}</span>,
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('acct.ledgers.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="acct-ledger-new" onFinish={(v) => void create(v)}>
          <Form.Item
            name="name"
            label={t('acct.ledgers.name')}
            rules={[{ required: true, whitespace: true, message: t('acct.ledgers.nameRequired') }]}
          >
            <Input maxLength={100} placeholder={t('acct.ledgers.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

interface EntryForm {
  petitionId: string;
  responsibleUnitId: string;
  ownerLeaderUserId?: string | null;
  measures: string;
  targetOn?: Dayjs | null;
  progress?: string;
  resolved?: boolean;
}

function LedgerView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const keeps = useKeepsLedgers();
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [ledger, setLedger] = useState<LedgerDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<LedgerEntry | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [rejected, setRejected] = useState<RejectedRow[]>([]);
  const [petitions, setPetitions] = useState<ListItem[]>([]);
  const [leaders, setLeaders] = useState<LeaderRef[]>([]);
  // The units the entry's petition accuses: never its responsible unit (the server refuses them too).
  const [accused, setAccused] = useState<string[]>([]);
  const accusedFor = useRef<string | undefined>(undefined);
  const [form] = Form.useForm<EntryForm>();
  const searchSeq = useRef(0);

  const load = useCallback(async () => {
    try {
      setLedger(await accountabilityApi.ledger(id));
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e, t('acct.loadFailed')));
    }
  }, [id, t]);
  useEffect(() => {
    setLedger(null);
    void load();
  }, [load]);
  useEffect(() => {
    if (ledger) document.title = `${ledger.name} · ${t('app.name')}`;
  }, [ledger, t]);

  const loadLeaders = async (petitionId: string | undefined) => {
    setLeaders([]);
    if (!petitionId) return;
    try {
      setLeaders(await accountabilityApi.ownerCandidates(petitionId));
    } catch {
      // no leader choice then: the entry can be saved without one
    }
  };

  const loadAccused = async (petitionId: string | undefined) => {
    setAccused([]);
    accusedFor.current = petitionId;
    if (!petitionId) return;
    try {
      const ids = (await api.petition(petitionId)).accusedUnitIds;
      if (accusedFor.current !== petitionId) return; // another petition was chosen meanwhile
      setAccused(ids);
      if (ids.includes(form.getFieldValue('responsibleUnitId') as string)) form.setFieldValue('responsibleUnitId', undefined);
    } catch {
      // the server still refuses an accused responsible unit, with a message
    }
  };

  const search = async (text: string) => {
    const seq = ++searchSeq.current;
    if (text.trim().length < 2) return;
    try {
      const list = await api.petitions({ text: text.trim(), limit: 20 });
      if (seq === searchSeq.current) setPetitions(list.items);
    } catch {
      // keep the previous options
    }
  };

  const openEntry = (e: LedgerEntry | 'new') => {
    setEditing(e);
    setPetitions([]);
    void loadLeaders(e === 'new' ? undefined : e.petitionId);
    void loadAccused(e === 'new' ? undefined : e.petitionId);
  };

  const save = async (v: EntryForm) => {
    setBusy(true);
    try {
      if (editing === 'new') {
        await accountabilityApi.addEntry(id, {
          petitionId: v.petitionId,
          responsibleUnitId: v.responsibleUnitId,
          ownerLeaderUserId: v.ownerLeaderUserId ?? null,
          measures: v.measures.trim(),
          targetOn: day(v.targetOn),
          progress: v.progress?.trim() ?? '',
        });
        message.success(t('acct.ledgers.added'));
      } else if (editing) {
        await accountabilityApi.updateEntry(id, editing.id, {
          responsibleUnitId: v.responsibleUnitId,
          ownerLeaderUserId: v.ownerLeaderUserId ?? null,
          measures: v.measures.trim(),
          targetOn: day(v.targetOn),
          progress: v.progress?.trim() ?? '',
          resolved: !!v.resolved,
        });
        message.success(t('acct.ledgers.updated'));
      }
      setEditing(null);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const exportXlsx = async () => {
    try {
      saveBlob(await accountabilityApi.exportLedger(id), `${ledger?.name ?? 'ledger'}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };

  const importXlsx = async (file: File) => {
    setImporting(true);
    setRejected([]);
    try {
      const r = await accountabilityApi.importLedger(id, file);
      message.success(t('acct.ledgers.imported', { added: r.added, updated: r.updated }));
      await load();
    } catch (e) {
      const rows = rejectedRows(e);
      if (rows.length) setRejected(rows);
      else message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setImporting(false);
    }
  };

  if (problem && !ledger)
    return (
      <div>
        <Link to="/ledgers">
          <ArrowLeftOutlined /> {t('acct.ledgers.back')}
        </Link>
        <Alert type="error" showIcon title={problem} className="gap-bottom" />
      </div>
    );
  if (!ledger) return <Skeleton active paragraph={{ rows: 10 }} />;

  const col = (
    k:
      | 'position'
      | 'petitioner'
      | 'matter'
      | 'unit'
      | 'leader'
      | 'measures'
      | 'target'
      | 'progress'
      | 'resolved',
  ) => t(`acct.ledgers.col.${k}`);
  const leaderOptions = [...leaders];
  if (
    editing &&
    editing !== 'new' &&
    editing.ownerLeader &&
    !leaders.some((l) => l.id === editing.ownerLeader?.id)
  )
    leaderOptions.push(editing.ownerLeader);
  const entryInitial =
    editing && editing !== 'new'
      ? {
          petitionId: editing.petitionId,
          responsibleUnitId: editing.responsibleUnit.id,
          ownerLeaderUserId: editing.ownerLeader?.id ?? null,
          measures: editing.measures,
          targetOn: editing.targetOn ? dayjs(editing.targetOn) : null,
          progress: editing.progress,
          resolved: editing.resolved,
        }
      : { ownerLeaderUserId: null };

  return (
    <div>
      <Link to="/ledgers" className="no-print">
        <ArrowLeftOutlined /> {t('acct.ledgers.back')}
      </Link>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {ledger.name}
        </Typography.Title>
        <div className="acct-toolbar">
          {keeps && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openEntry('new')}>
              {t('acct.ledgers.addEntry')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
            {t('acct.ledgers.export')}
          </Button>
          {keeps && (
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void importXlsx(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing}>
                {t('acct.ledgers.import')}
              </Button>
            </Upload>
          )}
        </div>
      </div>
      {keeps && (
        <Typography.Paragraph className="acct-intro">{t('acct.ledgers.importHelp')}</Typography.Paragraph>
      )}
      {rejected.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRejected([]) }}
          className="acct-rejected gap-bottom"
          title={t('acct.ledgers.rejectedTitle', {
            count: rejected.length,
            rows: new Set(rejected.map((r) => r.row)).size,
          })}
          description={
            <Table<RejectedRow>
              size="small"
              className="acct-rejected-table"
              rowKey={(r) => `${r.row}-${r.column}`}
              dataSource={rejected}
              pagination={false}
              columns={[
                { title: t('acct.ledgers.rejectedRow'), dataIndex: 'row', width: 80 },
                { title: t('acct.ledgers.rejectedColumn'), dataIndex: 'column', width: 140 },
                {
                  title: t('acct.ledgers.rejectedReason'),
                  key: 'message',
                  render: (_, r) => r.message[lang],
                },
              ]}
            />
          }
        />
      )}
      {ledger.withheld > 0 && (
        <Alert
          type="info"
          showIcon
          className="acct-withheld gap-bottom"
          title={t('acct.ledgers.withheld', { count: ledger.withheld })}
        />
      )}
      <Card
        size="small"
        title={<h2 className="card-h">{t('acct.ledgers.burndown')}</h2>}
        extra={
          <span className="acct-summary">
            {t('acct.ledgers.summary', {
              open: ledger.entries.filter((e) => !e.resolved).length,
              resolved: ledger.entries.filter((e) => e.resolved).length,
            })}
          </span>
        }
        className="section gap-bottom"
      >
        {ledger.burndown.length === 0 ? (
          <Typography.Text className="empty-note">
            {t(ledger.withheld > 0 ? 'acct.ledgers.noneVisible' : 'acct.ledgers.burndownEmpty')}
          </Typography.Text>
        ) : (
          <Suspense fallback={<div className="chart-placeholder" />}>
            <BurndownChart points={ledger.burndown} />
          </Suspense>
        )}
      </Card>
      <Card size="small" title={<h2 className="card-h">{t('acct.ledgers.entries')}</h2>} className="section">
        <Table<LedgerEntry>
          rowKey="id"
          size="small"
          className="acct-ledger-table"
          dataSource={ledger.entries}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1200 }}
          locale={{
            emptyText: (
              <Typography.Text className="empty-note">
                {t(ledger.withheld > 0 ? 'acct.ledgers.noneVisible' : 'acct.ledgers.noEntries')}
              </Typography.Text>
            ),
          }}
          columns={[
            { title: col('position'), dataIndex: 'position', width: 64 },
            { title: col('petitioner'), dataIndex: 'petitioner', width: 90 },
            {
              title: col('matter'),
              dataIndex: 'matter',
              render: (v: string, r) => (
                <div>
                  <Link to={`/petitions/${r.petitionId}`}>{v}</Link>
                  <div className="mono muted">{r.trackingCode}</div>
                </div>
              ),
            },
            { title: col('unit'), key: 'unit', render: (_, r) => r.responsibleUnit.name },
            { title: col('leader'), key: 'leader', render: (_, r) => r.ownerLeader?.name ?? '—' },
            {
              title: col('measures'),
              dataIndex: 'measures',
              render: (v: string) => <div className="acct-note-cell">{v}</div>,
            },
            {
              title: col('target'),
              dataIndex: 'targetOn',
              width: 110,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: col('progress'),
              dataIndex: 'progress',
              render: (v: string) => <div className="acct-note-cell">{v || '—'}</div>,
            },
            {
              title: col('resolved'),
              dataIndex: 'resolved',
              width: 110,
              render: (v: boolean, r) =>
                v ? (
                  <div>
                    <span className="pill pill-green acct-resolved">{t('acct.ledgers.yes')}</span>
                    {r.resolvedOn && <div className="muted acct-resolved-on">{r.resolvedOn}</div>}
                  </div>
                ) : (
                  <span className="pill pill-amber acct-open">{t('acct.ledgers.no')}</span>
                ),
            },
            ...(keeps
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    fixed: 'right' as const,
                    render: (_: unknown, r: LedgerEntry) => (
                      <Button
                        size="small"
                        onClick={() => openEntry(r)}
                        aria-label={`${t('acct.ledgers.update')} ${r.position}`}
                      >
                        {t('acct.ledgers.update')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Modal
        open={editing !== null}
        title={
          editing === 'new'
            ? t('acct.ledgers.addTitle')
            : `${t('acct.ledgers.updateTitle')} · ${editing?.position ?? ''}`
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={720}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          name="acct-entry"
          initialValues={entryInitial}
          onFinish={(v) => void save(v)}
        >
          {editing === 'new' ? (
            <Form.Item
              name="petitionId"
              label={t('acct.ledgers.petition')}
              rules={[{ required: true, message: t('acct.ledgers.petitionRequired') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: (v) => void search(v) }}
                placeholder={t('acct.ledgers.petitionSearch')}
                notFoundContent={null}
                options={petitions.map((p) => ({ value: p.id, label: `${p.trackingCode} ${p.title}` }))}
                onChange={(v: string) => {
                  const p = petitions.find((x) => x.id === v);
                  if (p?.currentUnit) form.setFieldValue('responsibleUnitId', p.currentUnit.id);
                  form.setFieldValue('ownerLeaderUserId', null);
                  void loadLeaders(v);
                  void loadAccused(v);
                  // The leader who owns the case (包案) is its ledger's owning leader too, unless changed here.
                  accountabilityApi.owner(v).then(
                    (o) =>
                      o?.status === 'active' &&
                      form.getFieldValue('petitionId') === v &&
                      form.setFieldValue('ownerLeaderUserId', o.leader.id),
                    () => undefined,
                  );
                }}
              />
            </Form.Item>
          ) : (
            editing && (
              <Typography.Paragraph>
                <span className="mono">{editing.trackingCode}</span> {editing.matter}
              </Typography.Paragraph>
            )
          )}
          <Form.Item
            name="responsibleUnitId"
            label={col('unit')}
            rules={[{ required: true, message: t('acct.ledgers.unitRequired') }]}
          >
            <UnitPicker aria-label={col('unit')} exclude={accused} excludedTitle={t('acct.ledgers.accusedUnit')} />
          </Form.Item>
          <Form.Item name="ownerLeaderUserId" label={col('leader')}>
            <Select
              allowClear
              options={leaderOptions.map((l) => ({ value: l.id, label: l.name }))}
              placeholder={col('leader')}
            />
          </Form.Item>
          <Form.Item
            name="measures"
            label={col('measures')}
            rules={[{ required: true, whitespace: true, message: t('acct.ledgers.measuresRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="targetOn" label={col('target')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="progress" label={col('progress')}>
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="resolved" valuePropName="checked">
              <Checkbox>{t('acct.ledgers.markResolved')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
