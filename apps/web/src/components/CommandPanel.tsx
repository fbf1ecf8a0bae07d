import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { answerableSupervisions, supervisionReasonsFor, type PetitionState, type SupervisionReason } from '@qiao/core';
import { useMe } from '../auth';
import { api, ApiError, errorMessage, type CommandName, type Detail } from '../lib/api';
import { readJson, writeJson } from '../lib/storage';
import { UnitPicker } from './Pickers';

/** The order actions are offered in: the usual next step first. */
const ORDER: CommandName[] = [
  'assign', 'forward', 'notifyReceipt', 'accept', 'reply', 'conclude', 'extend', 'pause', 'resume', 'object', 'decideObjection',
  'decline', 'divert', 'requestReview', 'decideReview', 'requestReReview', 'decideReReview', 'supervise', 'answerSupervision', 'rate',
];
const PRIMARY = new Set<CommandName>(['assign', 'notifyReceipt', 'accept', 'reply', 'conclude', 'decideReview', 'decideReReview', 'answerSupervision']);
const DANGER = new Set<CommandName>(['decline', 'object']);

type Values = Record<string, unknown>;
const draftKey = (id: string, c: string) => `qiao.draft.${id}.${c}`;

/** The open supervision notices the user's unit may answer (core's answerableSupervisions). */
function openNotices(detail: Detail, unitId: string | null) {
  return answerableSupervisions(detail.state as unknown as PetitionState, unitId);
}
const DATE_FIELDS = ['deliveredOn', 'requestedOn'];

/** Form values → the command body: trims text, drops empty optionals, dates as YYYY-MM-DD. */
function toBody(values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    if (dayjs.isDayjs(v)) body[k] = v.format('YYYY-MM-DD');
    else if (typeof v === 'string') {
      const s = v.trim();
      if (s) body[k] = s;
    } else body[k] = v;
  }
  return body;
}

function fromDraft(d: Values): Values {
  const out: Values = { ...d };
  for (const k of DATE_FIELDS) if (typeof out[k] === 'string') out[k] = dayjs(out[k]);
  return out;
}

interface Props {
  detail: Detail;
  /** Reload the petition (after a success, or a 409). */
  reload: () => Promise<void>;
}

export function CommandPanel({ detail, reload }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  // The server lists exactly what the rules allow this user on this petition today (the core's availableCommands).
  const available = useMemo(() => ORDER.filter((c) => detail.availableCommands.includes(c)), [detail]);
  const [selected, setSelected] = useState<CommandName | null>(null);
  // A petition still with the supervisor's own office, which registered it, is that office's to route: no one
  // supervises their own office (an office above supervises a lower one that sits on a petition).
  const hint =
    me.user.role === 'supervisor' && detail.status === 'registered' && detail.registeringUnit?.id === me.user.unitId
      ? 'petition.noActionsSupervisorHint'
      : 'petition.noActionsHint';

  // Reopen the action the user was typing in before a reload or a detour.
  useEffect(() => {
    if (selected) return;
    const typed = available.find((c) => localStorage.getItem(draftKey(detail.id, c)));
    if (typed) setSelected(typed);
  }, [available, detail.id, selected]);

  if (available.length === 0 && !selected)
    return (
      <div className="empty-actions">
        <Typography.Paragraph strong>{t('petition.noActions')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t(hint)}</Typography.Paragraph>
      </div>
    );

  return (
    <div className="command-panel">
      <div className="command-buttons" role="toolbar" aria-label={t('petition.actions')}>
        {available.map((c) => (
          <Button
            key={c}
            type={selected === c ? 'primary' : PRIMARY.has(c) ? 'default' : 'dashed'}
            danger={DANGER.has(c)}
            onClick={() => setSelected(selected === c ? null : c)}
            aria-pressed={selected === c}
            data-command={c}
          >
            {t(`commands.${c}`)}
          </Button>
        ))}
      </div>
      {selected && (
        <CommandForm
          key={selected}
          command={selected}
          detail={detail}
          stillAvailable={available.includes(selected)}
          reload={reload}
          onDone={() => setSelected(null)}
        />
      )}
    </div>
  );
}

function CommandForm({
  command,
  detail,
  stillAvailable,
  reload,
  onDone,
}: {
  command: CommandName;
  detail: Detail;
  stillAvailable: boolean;
  reload: () => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ type: 'warning' | 'error'; text: string } | null>(null);
  const key = draftKey(detail.id, command);
  const initial = useMemo(() => fromDraft(readJson<Values>(key, {})), [key]);
  // A reason the petition's stage no longer allows (a saved draft, or a reload after it was routed) is replaced.
  useEffect(() => {
    if (command !== 'supervise') return;
    const reason = form.getFieldValue('reason') as SupervisionReason | undefined;
    if (reason && !supervisionReasonsFor(detail).includes(reason)) form.setFieldValue('reason', 'late');
  }, [command, detail, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.command(detail.id, command, toBody(values), detail.version);
      writeJson(key, null);
      message.success(t('petition.done', { action: t(`commands.${command}`) }));
      onDone();
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setProblem({ type: 'warning', text: t('petition.conflict') });
        message.warning(t('petition.conflict'));
        await reload();
      } else if (e instanceof ApiError && e.status === 400 && e.field && form.getFieldInstance(e.field.split('.')[0]!) !== undefined) {
        form.setFields([{ name: e.field.split('.')[0]!, errors: [e.message] }]);
      } else {
        setProblem({ type: 'error', text: errorMessage(e, t('errors.unknown')) });
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      form.submit();
    }
  };

  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  const accused = detail.accusedUnitIds;
  const supervisions = openNotices(detail, useMe().user.unitId);

  const fields = (() => {
    switch (command) {
      case 'assign':
      case 'forward':
        return (
          <>
            <Form.Item name="unitId" label={t('fields.unitId')} rules={[{ required: true, message: t('fields.unitRequired') }]}>
              <UnitPicker domain={detail.domain} exclude={accused} />
            </Form.Item>
            {command === 'assign' && (
              <Form.Item name="limitDays" label={t('fields.limitDays')}>
                <InputNumber min={1} max={60} style={{ width: 160 }} />
              </Form.Item>
            )}
            <NoteItem />
          </>
        );
      case 'notifyReceipt':
      case 'accept':
      case 'resume':
        return <NoteItem />;
      case 'decline':
        return (
          <>
            <Form.Item name="reason" label={t('fields.declineReason')} rules={[{ required: true, message: t('fields.reasonRequired') }]}>
              <Select options={Object.keys(t('options.declineReason', { returnObjects: true }) as object).map((v) => ({ value: v, label: t(`options.declineReason.${v}`) }))} />
            </Form.Item>
            <NoteItem required />
          </>
        );
      case 'object':
        return (
          <Form.Item name="reason" label={t('fields.reason')} rules={required(t('fields.reasonRequired'))}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        );
      case 'decideObjection':
        return (
          <>
            <Form.Item name="approve" label={t('fields.approve')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group>
                <Radio value={true}>{t('fields.approveYes')}</Radio>
                <Radio value={false}>{t('fields.approveNo')}</Radio>
              </Radio.Group>
            </Form.Item>
            <NoteItem />
          </>
        );
      case 'divert':
        return (
          <>
            <Form.Item name="to" label={t('fields.divertTo')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={['litigation', 'arbitration', 'reconsideration', 'partyDiscipline', 'otherLegal'].map((v) => ({ value: v, label: t(`options.divertTo.${v}`) }))} />
            </Form.Item>
            <NoteItem required />
          </>
        );
      case 'extend':
        return (
          <>
            <Form.Item name="days" label={t('fields.days')} rules={[{ required: true, type: 'integer', min: 1, max: 30, message: t('fields.daysRange') }]}>
              <InputNumber min={1} max={30} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="reason" label={t('fields.reason')} rules={required(t('fields.reasonRequired'))}>
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
          </>
        );
      case 'pause':
        return (
          <>
            <Form.Item name="reason" label={t('fields.pauseReason')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={['hearing', 'awaitingMaterial', 'expertAssessment'].map((v) => ({ value: v, label: t(`options.pauseReason.${v}`) }))} />
            </Form.Item>
            <NoteItem />
          </>
        );
      case 'reply':
        return (
          <>
            <Form.Item name="outcome" label={t('fields.outcome')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group optionType="button" options={['support', 'explain', 'notSupport', 'mediated'].map((v) => ({ value: v, label: t(`options.outcome.${v}`) }))} />
            </Form.Item>
            <Form.Item name="text" label={t('fields.text')} rules={required(t('fields.textRequired'))}>
              <Input.TextArea rows={8} maxLength={20000} showCount />
            </Form.Item>
            <DateItem name="deliveredOn" label={t('fields.deliveredOn')} />
          </>
        );
      case 'conclude':
        return (
          <>
            <Form.Item name="resolved" label={t('fields.resolved')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group>
                <Radio value={true}>{t('common.yes')}</Radio>
                <Radio value={false}>{t('common.no')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="report" label={t('fields.report')}>
              <Input.TextArea rows={4} maxLength={20000} />
            </Form.Item>
          </>
        );
      case 'requestReview':
      case 'requestReReview':
        return (
          <>
            <Form.Item name="reason" label={t('fields.reason')} rules={required(t('fields.reasonRequired'))}>
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="unitId" label={t('fields.reviewUnit')}>
              <UnitPicker domain={detail.domain} exclude={accused} allowClear />
            </Form.Item>
            <DateItem name="requestedOn" label={t('fields.requestedOn')} />
          </>
        );
      case 'decideReview':
      case 'decideReReview':
        return (
          <>
            <Form.Item name="outcome" label={t('fields.outcome')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group optionType="button" options={['uphold', 'revise'].map((v) => ({ value: v, label: t(`options.reviewOutcome.${v}`) }))} />
            </Form.Item>
            <Form.Item name="text" label={t('fields.text')} rules={required(t('fields.textRequired'))}>
              <Input.TextArea rows={8} maxLength={20000} showCount />
            </Form.Item>
            <DateItem name="deliveredOn" label={t('fields.deliveredOn')} />
          </>
        );
      case 'supervise':
        return (
          <>
            {/* 未按规定转送、交办 only while the petition waits with the office that registered it (core). */}
            <Form.Item
              name="reason"
              label={t('fields.supervisionReason')}
              rules={[{ required: true, message: t('common.required') }]}
              initialValue={supervisionReasonsFor(detail).includes('unrouted') ? 'unrouted' : 'late'}
            >
              <Select options={supervisionReasonsFor(detail).map((v) => ({ value: v, label: t(`options.supervisionReason.${v}`) }))} />
            </Form.Item>
            <NoteItem required />
            <Form.Item name="answerDays" label={t('fields.answerDays')}>
              <InputNumber min={1} max={60} style={{ width: 160 }} />
            </Form.Item>
          </>
        );
      case 'answerSupervision':
        return (
          <>
            <Form.Item name="supervisionId" label={t('fields.supervisionId')} rules={[{ required: true, message: t('common.required') }]} initialValue={supervisions[0]?.id}>
              <Select
                options={supervisions.map((s) => ({ value: s.id, label: `${dayjs(s.issuedOn).format('L')} · ${t(`options.supervisionReason.${s.reason}`)}` }))}
              />
            </Form.Item>
            <Form.Item name="text" label={t('fields.supervisionAnswer')} rules={required(t('fields.supervisionAnswerRequired'))}>
              <Input.TextArea rows={6} maxLength={20000} showCount />
            </Form.Item>
          </>
        );
      case 'rate':
        return (
          <>
            <Form.Item name="rating" label={t('fields.rating')} rules={[{ required: true, message: t('common.required') }]}>
              <Radio.Group optionType="button" options={['satisfied', 'basicallySatisfied', 'dissatisfied'].map((v) => ({ value: v, label: t(`options.rating.${v}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('fields.comment')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        );
      default:
        // Not in ORDER: the petition office's bookkeeping (repeat links, reclassification, merging) and joint
        // conferences have panels of their own on the petition page.
        return null;
    }
  })();

  return (
    <section className="command-form" aria-label={t(`commands.${command}`)} onKeyDown={onKeyDown}>
      <Typography.Title level={4} className="command-title">
        {t(`commands.${command}`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`commandHelp.${command}`)}</Typography.Paragraph>
      {!stillAvailable && <Alert type="warning" showIcon title={t('petition.unavailable')} className="gap-bottom" />}
      {problem && <Alert type={problem.type} showIcon title={problem.text} className="gap-bottom" role="alert" data-testid="command-problem" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onValuesChange={(_, all) => {
          const body = toBody(all);
          writeJson(key, Object.keys(body).length ? body : null);
        }}
        disabled={busy}
        name={`cmd-${command}`}
      >
        {fields}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!stillAvailable}>
            {t(`commands.${command}`)}
          </Button>
          <Button
            onClick={() => {
              writeJson(key, null);
              form.resetFields();
              onDone();
            }}
          >
            {t('common.cancel')}
          </Button>
          <Typography.Text type="secondary" className="hint">
            {t('petition.shortcutSubmit')}
          </Typography.Text>
        </Space>
      </Form>
    </section>
  );
}

function NoteItem({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('fields.note')} rules={required ? [{ required: true, whitespace: true, message: t('fields.noteRequired') }] : []}>
      <Input.TextArea rows={3} maxLength={5000} showCount />
    </Form.Item>
  );
}

/**
 * A China day counted from the server's today (not this computer's): a request is dated up to today (it may have
 * arrived earlier), a delivery from today to 30 days ahead (the core's rule).
 */
function DateItem({ name, label }: { name: string; label: string }) {
  const { today } = useMe();
  const upcoming = name === 'deliveredOn';
  const last = upcoming ? dayjs(today).add(30, 'day').format('YYYY-MM-DD') : today;
  return (
    <Form.Item name={name} label={label}>
      <DatePicker
        disabledDate={(d: Dayjs) => {
          const day = d.format('YYYY-MM-DD');
          return day > last || (upcoming && day < today);
        }}
      />
    </Form.Item>
  );
}
