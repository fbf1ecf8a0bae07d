import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SUPERVISION_ANSWER_DAYS } from '@qiao/core';
import { currentLang } from '../i18n';
import { accountabilityApi, type SupervisionDraft, type SupervisionReason } from '../lib/accountability-api';
import { errorMessage } from '../lib/api';
import '../components/accountability/accountability.css';

/** A note's "收到本通知后 N 日内" (drafts written before the notice alone stated its days) set to the days chosen. */
function withAnswerDays(note: string, days: number): string {
  return note.replace(/(收到本通知(?:后|之日起)\s*)\d+(\s*日内)/g, `$1${days}$2`);
}


/** The petition office reviews the supervision notices (督办) the deadline sweep drafted: issue with a deadline, or dismiss. */
export default function SupervisionDraftsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<SupervisionDraft[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sweeping, setSweeping] = useState(false);
  const [issuing, setIssuing] = useState<SupervisionDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: SupervisionReason; note: string; answerDays: number }>();
  // The form instance outlives the dialog: each draft opens with its own reason and text, never the last one's.
  useEffect(() => {
    if (issuing) form.setFieldsValue({ reason: issuing.reason, note: withAnswerDays(issuing.note, SUPERVISION_ANSWER_DAYS), answerDays: SUPERVISION_ANSWER_DAYS });
  }, [issuing, form]);

  const load = useCallback(async () => {
    try {
      setDrafts(await accountabilityApi.drafts());
      setProblem(null);
    } catch (e) {
      setDrafts([]);
      setProblem(errorMessage(e, t('acct.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.title = `${t('acct.drafts.title')} · ${t('app.name')}`;
  }, [t]);

  const runSweep = async () => {
    setSweeping(true);
    try {
      const r = await accountabilityApi.runSweep();
      if (r.ran) {
        message.success(t('acct.drafts.sweepDone', { examined: r.examined, drafts: r.drafts, yours: r.yours }));
        if (r.lapsed > 0) message.info(t('acct.drafts.sweepLapsed', { lapsed: r.lapsed }));
      } else message.warning(t('acct.drafts.sweepSkipped'));
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setSweeping(false);
    }
  };

  const issue = async (v: { reason: SupervisionReason; note: string; answerDays: number }) => {
    if (!issuing) return;
    setBusy(true);
    try {
      await accountabilityApi.issueDraft(issuing, {
        reason: v.reason,
        note: v.note.trim(),
        answerDays: v.answerDays,
      });
      message.success(t('acct.drafts.issued'));
      setIssuing(null);
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
      await load(); // a 409 means the petition moved on: show its current version
    } finally {
      setBusy(false);
    }
  };

  const dismiss = async (d: SupervisionDraft) => {
    try {
      await accountabilityApi.dismissDraft(d.id);
      message.success(t('acct.drafts.dismissed'));
      await load();
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('acct.drafts.title')}
        </Typography.Title>
        <Button icon={<SyncOutlined spin={sweeping} />} loading={sweeping} onClick={() => void runSweep()}>
          {t('acct.drafts.runSweep')}
        </Button>
      </div>
      <Typography.Paragraph className="acct-intro">{t('acct.drafts.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" />}
      <Card size="small">
        <Table<SupervisionDraft>
          rowKey="id"
          size="small"
          className="acct-drafts"
          loading={drafts === null}
          dataSource={drafts ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: <Typography.Text className="empty-note">{t('acct.drafts.empty')}</Typography.Text>,
          }}
          columns={[
            {
              title: t('acct.drafts.code'),
              dataIndex: 'trackingCode',
              render: (v: string, d) => (
                <Link to={`/petitions/${d.petitionId}`} className="mono">
                  {v}
                </Link>
              ),
            },
            { title: t('acct.drafts.matter'), dataIndex: 'title' },
            { title: t('acct.drafts.unit'), dataIndex: 'unitName' },
            {
              title: t('acct.drafts.clock'),
              dataIndex: 'clock',
              render: (v: string) => t(`clocks.${v.split(':')[0]}`, { defaultValue: v }),
            },
            { title: t('acct.drafts.dueOn'), dataIndex: 'dueOn' },
            {
              title: t('acct.drafts.note'),
              dataIndex: 'note',
              render: (v: string, d) => (
                <div className="acct-note-cell">
                  {v}
                  {!d.applicable && d.notApplicable && (
                    <p className="muted acct-not-applicable">
                      {t('acct.drafts.notApplicableHelp')}{' '}
                      {d.notApplicable[currentLang() === 'en' ? 'en' : 'zh']}
                    </p>
                  )}
                </div>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, d) => (
                <Space wrap>
                  {d.applicable ? (
                    <Button size="small" type="primary" onClick={() => setIssuing(d)}>
                      {t('acct.drafts.issue')}
                    </Button>
                  ) : (
                    // The petition moved on since the sweep drafted it: the core would refuse the notice.
                    <span
                      className="pill pill-grey"
                      title={
                        d.notApplicable ? d.notApplicable[currentLang() === 'en' ? 'en' : 'zh'] : undefined
                      }
                    >
                      {t('acct.drafts.notApplicable')}
                    </span>
                  )}
                  <Popconfirm
                    title={t('acct.drafts.dismissConfirm')}
                    onConfirm={() => void dismiss(d)}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                  >
                    <Button size="small">{t('acct.drafts.dismiss')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={issuing !== null}
        title={issuing ? `${t('acct.drafts.issueTitle')} · ${issuing.trackingCode}` : ''}
        onCancel={() => setIssuing(null)}
        onOk={() => form.submit()}
        okText={t('acct.drafts.issue')}
        confirmLoading={busy}
        width={640}
        destroyOnHidden
      >
        {issuing && (
          <Form
            form={form}
            layout="vertical"
            name="acct-issue"
            initialValues={{ reason: issuing.reason, note: withAnswerDays(issuing.note, SUPERVISION_ANSWER_DAYS), answerDays: SUPERVISION_ANSWER_DAYS }}
            onValuesChange={(changed: { answerDays?: number | null }) => {
              // A draft written before its text left the days to the notice says "15 日内": it follows the days chosen.
              if (typeof changed.answerDays === 'number')
                form.setFieldValue('note', withAnswerDays(form.getFieldValue('note') as string, changed.answerDays));
            }}
            onFinish={(v) => void issue(v)}
          >
            <Typography.Paragraph>
              <strong>{issuing.title}</strong> · {issuing.unitName}
            </Typography.Paragraph>
            <Form.Item name="reason" label={t('acct.drafts.reason')} rules={[{ required: true }]}>
              <Select options={issuing.reasons.map((r) => ({ value: r, label: t(`options.supervisionReason.${r}`) }))} />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('acct.drafts.note')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item
              name="answerDays"
              label={t('acct.drafts.answerDays')}
              extra={t('acct.drafts.answerDaysHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={60} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}
