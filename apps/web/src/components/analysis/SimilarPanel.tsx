import { useCallback, useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusTag } from '../Badges';
import { errorMessage, type Detail, type Status } from '../../lib/api';
import { analysisApi, type SimilarPetition } from '../../lib/analysis-api';
import { currentLang } from '../../i18n';

/** Statuses a petition can still be merged in (before it is answered). */
const MERGEABLE = ['registered', 'awaitingAcceptance', 'objected', 'accepted'];

interface Props {
  detail: Detail;
  reload: () => Promise<void>;
}

/**
 * 相似信访件 on the petition page: the petitions about the same matter, ranked with their reasons; the petition
 * office links this one as a repeat of an earlier one (or undoes the link), or merges several into this one as a
 * collective petition. Only what `availableCommands` allows is offered.
 */
export function SimilarPanel({ detail, reload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<SimilarPetition[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [linking, setLinking] = useState<SimilarPetition | null>(null);
  const [unlinking, setUnlinking] = useState(false);
  const [merging, setMerging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [linkForm] = Form.useForm<{ note?: string }>();
  const [unlinkForm] = Form.useForm<{ reason: string }>();
  const [mergeForm] = Form.useForm<{ headcount: number; representatives: number; note?: string }>();
  const lang = currentLang();
  const state = detail.state as { mergedInto?: string | null; mergedFrom?: string[] };
  const can = (c: string) => detail.availableCommands.includes(c);

  const load = useCallback(async () => {
    try {
      setFailed(null);
      setItems((await analysisApi.similar(detail.id)).similar);
    } catch (e) {
      setFailed(errorMessage(e, t('analysis.similar.loadFailed')));
    }
  }, [detail.id, t]);
  useEffect(() => {
    void load();
  }, [load, detail.version]);

  const repeatOfCode = useMemo(
    () => (detail.repeatOf ? (items?.find((s) => s.id === detail.repeatOf)?.trackingCode ?? null) : null),
    [detail.repeatOf, items],
  );
  const chosen = (items ?? []).filter((s) => selected.includes(s.id));

  const done = async (text: string) => {
    void message.success(text);
    setSelected([]);
    await reload();
  };
  const failedWith = (e: unknown) => void message.error(errorMessage(e, t('analysis.similar.loadFailed')));

  const submitLink = async () => {
    if (!linking) return;
    setBusy(true);
    try {
      await analysisApi.linkRepeat(detail.id, linking.id, detail.version, linkForm.getFieldValue('note')?.trim() || undefined);
      setLinking(null);
      await done(t('analysis.similar.linked'));
    } catch (e) {
      failedWith(e);
    } finally {
      setBusy(false);
    }
  };
  const submitUnlink = async () => {
    const { reason } = await unlinkForm.validateFields();
    setBusy(true);
    try {
      await analysisApi.unlinkRepeat(detail.id, reason.trim(), detail.version);
      setUnlinking(false);
      unlinkForm.resetFields();
      await done(t('analysis.similar.unlinked'));
    } catch (e) {
      failedWith(e);
    } finally {
      setBusy(false);
    }
  };
  const openMerge = () => {
    mergeForm.setFieldsValue({ headcount: Math.max(2, detail.headcount + chosen.length), representatives: 1, note: undefined });
    setMerging(true);
  };
  const submitMerge = async () => {
    const v = await mergeForm.validateFields();
    setBusy(true);
    try {
      const r = await analysisApi.merge(detail.id, {
        petitionIds: selected,
        headcount: v.headcount,
        representatives: v.representatives,
        note: v.note?.trim() || undefined,
        expectedVersion: detail.version,
      });
      setMerging(false);
      await done(t('analysis.similar.merged', { headcount: r.headcount }));
    } catch (e) {
      failedWith(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="similar-panel" data-testid="similar-panel">
      {state.mergedInto && (
        <Alert
          type="info"
          showIcon
          className="similar-note"
          message={t('analysis.similar.mergedInto')}
          action={<Link to={`/petitions/${state.mergedInto}`}>{t('analysis.similar.openCollective')}</Link>}
        />
      )}
      {(state.mergedFrom?.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary">{t('analysis.similar.mergedFrom', { count: state.mergedFrom?.length })}</Typography.Paragraph>
      )}
      {detail.repeatOf && (
        <Alert
          type="warning"
          showIcon
          className="similar-note"
          message={
            <span>
              {repeatOfCode ? t('analysis.similar.isRepeatOf', { code: repeatOfCode }) : t('analysis.similar.isRepeatOfOther')}{' '}
              <Link to={`/petitions/${detail.repeatOf}`}>{repeatOfCode ?? '→'}</Link>
            </span>
          }
          action={
            can('unlinkRepeat') ? (
              <Button size="small" onClick={() => setUnlinking(true)}>
                {t('analysis.similar.unlink')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Typography.Paragraph type="secondary" className="similar-intro">
        {t('analysis.similar.intro')}
      </Typography.Paragraph>
      {failed && <Alert type="error" message={failed} />}
      <List
        size="small"
        loading={items === null && !failed}
        dataSource={items ?? []}
        locale={{ emptyText: <Typography.Text className="empty-note">{t('analysis.similar.empty')}</Typography.Text> }}
        renderItem={(s) => {
          const earlier = s.receivedOn <= detail.receivedOn;
          const mergeable = can('mergeIn') && MERGEABLE.includes(s.status);
          return (
            <List.Item
              key={s.id}
              data-testid={`similar-${s.trackingCode}`}
              actions={[
                can('linkRepeat') ? (
                  <Button
                    key="link"
                    size="small"
                    disabled={!earlier}
                    title={earlier ? t('analysis.similar.linkHint') : t('analysis.similar.laterThanThis')}
                    onClick={() => {
                      linkForm.resetFields();
                      setLinking(s);
                    }}
                  >
                    {t('analysis.similar.link')}
                  </Button>
                ) : null,
                mergeable ? (
                  <Checkbox
                    key="merge"
                    checked={selected.includes(s.id)}
                    onChange={(e) => setSelected((cur) => (e.target.checked ? [...cur, s.id] : cur.filter((x) => x !== s.id)))}
                  >
                    {t('analysis.similar.select')}
                  </Checkbox>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <Link to={`/petitions/${s.id}`} className="mono">
                      {s.trackingCode}
                    </Link>
                    <span>{s.title}</span>
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <Tag color={s.sameMatter ? 'red' : 'default'}>{s.sameMatter ? t('analysis.similar.sameMatter') : t('analysis.similar.related')}</Tag>
                    <Tag>{t('analysis.similar.score', { pct: Math.min(100, Math.round(s.score * 100)) })}</Tag>
                    <StatusTag status={s.status as Status} />
                    <span>{t('analysis.similar.received', { date: dayjs(s.receivedOn).format('LL') })}</span>
                    {s.repeatOf === detail.id && <Tag color="orange">{t('analysis.similar.linkedHere')}</Tag>}
                    {s.reasons.map((r, i) => (
                      <Typography.Text key={i} type="secondary">
                        · {r.message[lang]}
                      </Typography.Text>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {selected.length > 0 && (
        <Button type="primary" className="similar-merge" onClick={openMerge}>
          {t('analysis.similar.merge', { count: selected.length })}
        </Button>
      )}

      <Modal
        open={linking !== null}
        title={t('analysis.similar.link')}
        okText={t('analysis.similar.link')}
        confirmLoading={busy}
        onOk={() => void submitLink()}
        onCancel={() => setLinking(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{linking && t('analysis.similar.linkConfirm', { code: linking.trackingCode })}</Typography.Paragraph>
        <Form form={linkForm} layout="vertical">
          <Form.Item name="note" label={t('analysis.similar.linkNote')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={unlinking}
        title={t('analysis.similar.unlinkTitle')}
        okText={t('analysis.similar.unlink')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => void submitUnlink()}
        onCancel={() => setUnlinking(false)}
      >
        <Form form={unlinkForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('analysis.similar.unlinkReason')}
            rules={[{ required: true, whitespace: true, message: t('analysis.similar.unlinkReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={merging}
        title={t('analysis.similar.mergeTitle')}
        okText={t('analysis.similar.mergeTitle')}
        confirmLoading={busy}
        onOk={() => void submitMerge()}
        onCancel={() => setMerging(false)}
      >
        <Typography.Paragraph>{t('analysis.similar.mergeIntro', { count: selected.length })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{chosen.map((c) => c.trackingCode).join('、')}</Typography.Paragraph>
        <Form form={mergeForm} layout="vertical">
          <Form.Item name="headcount" label={t('analysis.similar.headcount')} extra={t('analysis.similar.headcountHelp')} rules={[{ required: true }]}>
            <InputNumber min={2} max={100000} precision={0} />
          </Form.Item>
          <Form.Item
            name="representatives"
            label={t('analysis.similar.representatives')}
            extra={t('analysis.similar.representativesHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t('analysis.similar.mergeNote')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
