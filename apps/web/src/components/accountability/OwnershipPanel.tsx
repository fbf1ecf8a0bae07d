import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { CheckCircleTwoTone, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import {
  accountabilityApi,
  type LeaderRef,
  type Ownership,
  type PlanStep,
} from '../../lib/accountability-api';
import { errorMessage } from '../../lib/api';
import './accountability.css';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

interface StepForm {
  text: string;
  due?: Dayjs | null;
  done?: boolean;
}

/**
 * Leader ownership on the petition page (包案): who owns the case, the resolution plan (steps, target date) and
 * the progress. The petition office makes a leader owner; a leader may take the case; the owner (or the office)
 * writes the plan and records progress until the problem is resolved.
 */
export function OwnershipPanel({ petitionId }: { petitionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const role = me.user.role;
  const [owner, setOwner] = useState<Ownership | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'assign' | 'take' | 'plan' | 'progress' | null>(null);
  const [busy, setBusy] = useState(false);
  const [candidates, setCandidates] = useState<LeaderRef[]>([]);
  const [assignForm] = Form.useForm<{ leaderUserId?: string; targetOn?: Dayjs | null }>();
  const [takeForm] = Form.useForm<{ targetOn?: Dayjs | null }>();
  const [planForm] = Form.useForm<{ steps: StepForm[]; targetOn?: Dayjs | null }>();
  const [progressForm] = Form.useForm<{ text: string; resolved?: boolean }>();

  const load = useCallback(async () => {
    try {
      setOwner(await accountabilityApi.owner(petitionId));
      setProblem(null);
    } catch (e) {
      setOwner(null);
      setProblem(errorMessage(e, t('acct.loadFailed')));
    }
  }, [petitionId, t]);
  useEffect(() => {
    setOwner(undefined);
    void load();
  }, [load]);

  const mayAssign = role === 'clerk';
  const mayTake =
    role === 'leader' && (!owner || owner.leader.id !== me.user.id || owner.status === 'resolved');
  const mayEdit =
    !!owner && owner.status === 'active' && (owner.leader.id === me.user.id || role === 'clerk');

  const openAssign = async () => {
    setDialog('assign');
    try {
      setCandidates(await accountabilityApi.ownerCandidates(petitionId));
    } catch (e) {
      message.error(errorMessage(e, t('acct.loadFailed')));
    }
  };
  const targetInitial = owner?.targetOn ? dayjs(owner.targetOn) : null;
  const planInitial = {
    steps: (owner?.plan.steps ?? []).map((s): StepForm => ({
      text: s.text,
      due: s.due ? dayjs(s.due) : null,
      done: s.done,
    })),
    targetOn: targetInitial,
  };

  const run = async (what: () => Promise<Ownership>) => {
    setBusy(true);
    try {
      setOwner(await what());
      setDialog(null);
      message.success(t('acct.owner.saved'));
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const toggleStep = (i: number, done: boolean) => {
    if (!owner) return;
    const steps = owner.plan.steps.map((s, j) => (j === i ? { ...s, done } : s));
    void run(() => accountabilityApi.writePlan(petitionId, { steps, targetOn: owner.targetOn }));
  };

  const actions = (
    <Space size={4} wrap className="no-print">
      {mayAssign && (
        <Button size="small" onClick={() => void openAssign()}>
          {owner ? t('acct.owner.changeOwner') : t('acct.owner.makeOwner')}
        </Button>
      )}
      {mayTake && (
        <Button size="small" type="primary" onClick={() => setDialog('take')}>
          {t('acct.owner.take')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      title={<h2 className="card-h">{t('acct.owner.title')}</h2>}
      size="small"
      className="section acct-owner no-print"
      extra={actions}
    >
      {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" />}
      {owner === undefined ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : owner === null ? (
        <Typography.Text className="empty-note">{t('acct.owner.none')}</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'leader',
                label: t('acct.owner.leader'),
                children: <strong>{owner.leader.name}</strong>,
              },
              {
                key: 'status',
                label: t('acct.owner.status'),
                children: (
                  <span className={`pill ${owner.status === 'resolved' ? 'pill-green' : 'pill-blue'}`}>
                    {t(`acct.owner.${owner.status}`)}
                  </span>
                ),
              },
              {
                key: 'assigned',
                label: t('acct.owner.assignedAt'),
                children: dayjs(owner.assignedAt).format('LL'),
              },
              {
                key: 'target',
                label: t('acct.owner.target'),
                children: owner.targetOn ? dayjs(owner.targetOn).format('LL') : '—',
              },
            ]}
          />
          <div className="acct-owner-sub">
            <Typography.Title level={3} className="acct-h3">
              {t('acct.owner.plan')}
            </Typography.Title>
            {mayEdit && (
              <Button size="small" onClick={() => setDialog('plan')}>
                {t('acct.owner.editPlan')}
              </Button>
            )}
          </div>
          {owner.plan.steps.length === 0 ? (
            <Typography.Text className="empty-note">{t('acct.owner.noSteps')}</Typography.Text>
          ) : (
            <List
              size="small"
              className="acct-steps"
              dataSource={owner.plan.steps.map((s, i) => ({ ...s, i }))}
              renderItem={(s) => (
                <List.Item key={s.i}>
                  {mayEdit ? (
                    <Checkbox
                      checked={s.done}
                      disabled={busy}
                      onChange={(e) => toggleStep(s.i, e.target.checked)}
                    >
                      <span className={s.done ? 'acct-step-done' : ''}>{s.text}</span>
                    </Checkbox>
                  ) : (
                    <span>
                      {s.done && (
                        <CheckCircleTwoTone twoToneColor="#2e7d32" aria-label={t('acct.owner.stepDone')} />
                      )}{' '}
                      <span className={s.done ? 'acct-step-done' : ''}>{s.text}</span>
                    </span>
                  )}
                  {s.due && (
                    <small className="muted acct-step-due">{t('acct.owner.stepDue', { due: s.due })}</small>
                  )}
                </List.Item>
              )}
            />
          )}
          <div className="acct-owner-sub">
            <Typography.Title level={3} className="acct-h3">
              {t('acct.owner.progress')}
            </Typography.Title>
            {mayEdit && (
              <Button size="small" onClick={() => setDialog('progress')}>
                {t('acct.owner.recordProgress')}
              </Button>
            )}
          </div>
          {owner.progress.length === 0 ? (
            <Typography.Text className="empty-note">{t('acct.owner.noProgress')}</Typography.Text>
          ) : (
            <Timeline
              className="acct-progress"
              items={owner.progress.map((p, i) => ({
                key: i,
                color: owner.status === 'resolved' && i === owner.progress.length - 1 ? 'green' : 'blue',
                title: <span className="tl-when">{t('acct.owner.by', { on: p.on, by: p.by })}</span>,
                content: <span className="tl-what">{p.text}</span>,
              }))}
            />
          )}
        </>
      )}

      <Modal
        open={dialog === 'assign'}
        title={owner ? t('acct.owner.changeOwner') : t('acct.owner.makeOwner')}
        onCancel={() => setDialog(null)}
        onOk={() => assignForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={assignForm}
          layout="vertical"
          name="acct-assign"
          initialValues={{ targetOn: targetInitial }}
          onFinish={(v) =>
            void run(() =>
              accountabilityApi.makeOwner(petitionId, {
                leaderUserId: v.leaderUserId,
                ...(v.targetOn ? { targetOn: day(v.targetOn)! } : {}),
              }),
            )
          }
        >
          <Form.Item
            name="leaderUserId"
            label={t('acct.owner.pickLeader')}
            rules={[{ required: true, message: t('acct.owner.pickLeaderRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
              placeholder={t('acct.owner.pickLeader')}
            />
          </Form.Item>
          <Form.Item name="targetOn" label={t('acct.owner.target')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'take'}
        title={t('acct.owner.take')}
        onCancel={() => setDialog(null)}
        onOk={() => takeForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('acct.owner.takeConfirm')}</Typography.Paragraph>
        <Form
          form={takeForm}
          layout="vertical"
          name="acct-take"
          onFinish={(v) =>
            void run(() =>
              accountabilityApi.makeOwner(petitionId, v.targetOn ? { targetOn: day(v.targetOn)! } : {}),
            )
          }
        >
          <Form.Item name="targetOn" label={t('acct.owner.target')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'plan'}
        title={t('acct.owner.planTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => planForm.submit()}
        confirmLoading={busy}
        width={720}
        destroyOnHidden
      >
        <Form
          form={planForm}
          layout="vertical"
          name="acct-plan"
          initialValues={planInitial}
          onFinish={(v) =>
            void run(() =>
              accountabilityApi.writePlan(petitionId, {
                steps: (v.steps ?? []).map((s): PlanStep => ({
                  text: s.text.trim(),
                  due: day(s.due),
                  done: !!s.done,
                })),
                targetOn: day(v.targetOn),
              }),
            )
          }
        >
          <Form.Item name="targetOn" label={t('acct.owner.target')}>
            <DatePicker />
          </Form.Item>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" className="acct-step-row" wrap>
                    <Form.Item
                      name={[field.name, 'text']}
                      label={`${t('acct.owner.step')} ${i + 1}`}
                      rules={[
                        { required: true, whitespace: true, message: t('acct.owner.stepTextRequired') },
                      ]}
                      className="acct-step-text"
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'due']} label={t('acct.owner.stepDueLabel')}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'done']}
                      label={t('acct.owner.stepDone')}
                      valuePropName="checked"
                    >
                      <Checkbox aria-label={`${t('acct.owner.stepDone')} ${i + 1}`} />
                    </Form.Item>
                    <Button
                      type="text"
                      className="acct-step-remove"
                      icon={<MinusCircleOutlined />}
                      aria-label={`${t('acct.owner.removeStep')} ${i + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: '', due: null, done: false })}
                >
                  {t('acct.owner.addStep')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'progress'}
        title={t('acct.owner.recordProgress')}
        onCancel={() => setDialog(null)}
        onOk={() => progressForm.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={progressForm}
          layout="vertical"
          name="acct-progress"
          onFinish={(v) =>
            void run(() =>
              accountabilityApi.recordProgress(petitionId, { text: v.text.trim(), resolved: !!v.resolved }),
            )
          }
        >
          <Form.Item
            name="text"
            label={t('acct.owner.progressText')}
            rules={[{ required: true, whitespace: true, message: t('acct.owner.progressRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="resolved" valuePropName="checked">
            <Checkbox>{t('acct.owner.markResolved')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
