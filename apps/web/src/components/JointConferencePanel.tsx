import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth';
import { ApiError, errorMessage, type Detail } from '../lib/api';
import { useUnits } from '../lib/directory';
import {
  jointConferenceApi,
  type JointConferenceCommand,
  type JointConferenceState,
} from '../lib/joint-conference-api';
import { ClockBadge } from './Badges';
import { UnitPicker } from './Pickers';

type Values = Record<string, unknown>;

/**
 * The joint conference (联席会议) on the petition page: its referral and decision (lead unit, co-units, reply
 * deadline), the co-units' opinions, and the forms of the three commands for whoever may run them now.
 */
export function JointConferencePanel({ detail, reload }: { detail: Detail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const [units] = useUnits();
  const [open, setOpen] = useState<JointConferenceCommand | null>(null);
  const jc = (detail.state.jointConference ?? null) as JointConferenceState | null;
  const may = (c: JointConferenceCommand) => detail.availableCommands.includes(c);
  const name = useMemo(() => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    return (id: string) => names.get(id) ?? id;
  }, [units]);
  const opinions = detail.timeline.filter((e) => e.type === 'coUnitOpinionAdded');
  const clock = detail.clocks.find((c) => c.name === 'jointConference');
  const commands = (
    ['referToJointConference', 'recordJointConferenceDecision', 'addCoUnitOpinion'] as const
  ).filter(may);
  if (!jc && commands.length === 0) return null;
  const coUnit = may('addCoUnitOpinion');

  return (
    <Card
      title={<h2 className="card-h">{t('jointConf.title')}</h2>}
      size="small"
      className="section joint-conference"
      data-testid="joint-conference"
    >
      {jc && !jc.decidedOn && (
        <Alert
          type="info"
          showIcon
          title={t('jointConf.pending', { date: dayjs(jc.referredOn).format('LL') })}
          className="gap-bottom"
        />
      )}
      {jc?.decidedOn && (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'lead',
              label: t('jointConf.leadUnit'),
              children: jc.leadUnit ? name(jc.leadUnit.id) : '—',
            },
            {
              key: 'co',
              label: t('jointConf.coUnits'),
              children: jc.coUnits.length
                ? jc.coUnits.map((u) => name(u.id)).join('、')
                : t('jointConf.none'),
            },
            {
              key: 'due',
              label: t('jointConf.replyDueOn'),
              children: (
                <Space size={8} wrap>
                  <span>{jc.replyDueOn ? dayjs(jc.replyDueOn).format('LL') : '—'}</span>
                  {clock && <ClockBadge today={me.today} clock={clock} />}
                </Space>
              ),
            },
            { key: 'decided', label: t('jointConf.decidedOn'), children: dayjs(jc.decidedOn).format('LL') },
          ]}
        />
      )}
      {coUnit && (
        <Alert
          type="warning"
          showIcon
          title={t('jointConf.coUnitNotice')}
          className="gap-bottom"
          data-testid="co-unit-notice"
        />
      )}
      {jc?.decidedOn && (jc.coUnits.length > 0 || opinions.length > 0) && (
        <>
          <Typography.Title level={5} className="sub">
            {t('jointConf.opinions')}
          </Typography.Title>
          {opinions.length === 0 ? (
            <Typography.Text type="secondary">{t('jointConf.noOpinions')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={opinions}
              renderItem={(e) => (
                <List.Item key={e.seq}>
                  <div>
                    <div className="muted">
                      {dayjs(e.at).format('L')} · {e.actor.unit?.name ?? ''}
                    </div>
                    <div className="prose">{typeof e.data.text === 'string' ? e.data.text : ''}</div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
      {commands.length > 0 && (
        <Space wrap className="no-print" style={{ display: 'flex', marginTop: 12 }}>
          {commands.map((c) => (
            <Button
              key={c}
              type={open === c ? 'primary' : 'default'}
              onClick={() => setOpen(open === c ? null : c)}
              aria-pressed={open === c}
              data-command={c}
            >
              {t(
                c === 'referToJointConference'
                  ? 'jointConf.refer'
                  : c === 'recordJointConferenceDecision'
                    ? 'jointConf.record'
                    : 'jointConf.addOpinion',
              )}
            </Button>
          ))}
        </Space>
      )}
      {open && commands.includes(open) && (
        <CommandForm key={open} command={open} detail={detail} reload={reload} onDone={() => setOpen(null)} />
      )}
    </Card>
  );
}

const LABELS: Record<JointConferenceCommand, string> = {
  referToJointConference: 'jointConf.refer',
  recordJointConferenceDecision: 'jointConf.record',
  addCoUnitOpinion: 'jointConf.addOpinion',
};

function CommandForm({
  command,
  detail,
  reload,
  onDone,
}: {
  command: JointConferenceCommand;
  detail: Detail;
  reload: () => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [units] = useUnits();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const lead = Form.useWatch('leadUnitId', form) as string | undefined;
  const accused = detail.accusedUnitIds;
  const label = t(LABELS[command]);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      if (command === 'referToJointConference')
        await jointConferenceApi.command(
          detail.id,
          command,
          { reason: String(v.reason).trim() },
          detail.version,
        );
      else if (command === 'addCoUnitOpinion')
        await jointConferenceApi.command(detail.id, command, { text: String(v.text).trim() }, detail.version);
      else
        await jointConferenceApi.command(
          detail.id,
          command,
          {
            leadUnitId: String(v.leadUnitId),
            coUnitIds: (v.coUnitIds as string[] | undefined) ?? [],
            replyDueOn: (v.replyDueOn as Dayjs).format('YYYY-MM-DD'),
            summary: String(v.summary).trim(),
          },
          detail.version,
        );
      message.success(t('jointConf.done', { action: label }));
      onDone();
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('petition.conflict'));
        await reload();
      } else setProblem(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const today = dayjs(me.today);
  const coOptions = units
    .filter((u) => u.active)
    .map((u) => ({
      value: u.id,
      label: u.name,
      disabled: accused.includes(u.id) || u.id === lead,
      title: accused.includes(u.id) ? t('fields.accused') : u.name,
    }));

  return (
    <section className="command-form" style={{ marginTop: 12 }} aria-label={label}>
      <Typography.Paragraph type="secondary">
        {command === 'referToJointConference'
          ? t('jointConf.referHelp')
          : command === 'recordJointConferenceDecision'
            ? t('jointConf.recordHelp')
            : t('jointConf.coUnitNotice')}
      </Typography.Paragraph>
      {command === 'recordJointConferenceDecision' && accused.length > 0 && (
        <Alert type="warning" showIcon title={t('jointConf.accusedHint')} className="gap-bottom" />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          className="gap-bottom"
          role="alert"
          data-testid="jc-problem"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        disabled={busy}
        name={`jc-${command}`}
      >
        {command === 'referToJointConference' && (
          <Form.Item
            name="reason"
            label={t('jointConf.reason')}
            rules={[{ required: true, whitespace: true, message: t('jointConf.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
        )}
        {command === 'recordJointConferenceDecision' && (
          <>
            <Form.Item
              name="leadUnitId"
              label={t('jointConf.leadUnit')}
              rules={[{ required: true, message: t('jointConf.leadRequired') }]}
            >
              <UnitPicker domain={detail.domain} exclude={accused} />
            </Form.Item>
            <Form.Item name="coUnitIds" label={t('jointConf.coUnits')} extra={t('jointConf.coUnitsHelp')}>
              <Select
                mode="multiple"
                options={coOptions}
                maxCount={10}
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                placeholder={t('fields.unitSearch')}
              />
            </Form.Item>
            <Form.Item
              name="replyDueOn"
              label={t('jointConf.replyDueOn')}
              rules={[{ required: true, message: t('jointConf.replyDueRequired') }]}
            >
              <DatePicker
                disabledDate={(d: Dayjs) =>
                  !d.isAfter(today, 'day') || d.isAfter(today.add(60, 'day'), 'day')
                }
              />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t('jointConf.summary')}
              rules={[{ required: true, whitespace: true, message: t('jointConf.summaryRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
          </>
        )}
        {command === 'addCoUnitOpinion' && (
          <Form.Item
            name="text"
            label={t('jointConf.opinion')}
            rules={[{ required: true, whitespace: true, message: t('jointConf.opinionRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={20000} showCount />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {label}
          </Button>
          <Button onClick={onDone}>{t('jointConf.cancel')}</Button>
        </Space>
      </Form>
    </section>
  );
}
