import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Result, Row, Skeleton, Space, Timeline, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, EyeOutlined, FileOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../auth';
import { ClockBadge, StatusTag } from '../components/Badges';
import { CommandPanel } from '../components/CommandPanel';
import { JointConferencePanel } from '../components/JointConferencePanel';
import { PetitionSupervisions } from '../components/SupervisionRecordLink';
import { TimelineTexts } from '../components/TimelineTexts';
import { AnalysisPanels } from '../components/analysis/AnalysisPanels';
import { DocumentsMenu } from '../components/accountability/DocumentsMenu';
import { OwnershipPanel } from '../components/accountability/OwnershipPanel';
import { PetitionPrintHead } from '../components/accountability/PetitionPrintHead';
import { api, ApiError, errorMessage, type Detail, type Revealed } from '../lib/api';
import { chinaTime } from '../lib/dates';
import { placeName, useJurisdictions, useUnits } from '../lib/directory';

type Petitioner = Detail['petitioners'][number];
type Attachment = Detail['attachments'][number];

/**
 * A clock's label: `supervision:<notice id>` (one clock per supervision notice) reads as its kind, 督办答复期限. Only
 * the kind goes into the key: in `clocks.supervision:…` i18next reads the ':' as a namespace and finds nothing.
 */
function clockLabel(t: TFunction, name: string): string {
  const kind = name.split(':')[0]!;
  return t(`clocks.${kind}`, { defaultValue: kind });
}

/** The respondent's name, and the unit of ours it is when that unit goes by another name. */
function respondentText(r: Detail['respondent'], units: readonly { id: string; name: string }[]): string {
  if (!r) return '—';
  const unit = r.unitId ? (units.find((u) => u.id === r.unitId)?.name ?? null) : null;
  return unit && unit !== r.name ? `${r.name} · ${unit}` : r.name;
}

export default function PetitionPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  // The title, content and demands whole, once the petitioners are revealed (the detail masks their identity).
  const [words, setWords] = useState<Revealed['words'] | null>(null);
  const [places] = useJurisdictions();
  const [units] = useUnits();
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  const reload = useCallback(async () => {
    try {
      const d = await api.petition(id);
      setDetail(d);
      setError(null);
    } catch (e) {
      setError(e as Error);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setWords(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (detail) document.title = `${detail.trackingCode} · ${t('app.name')}`;
  }, [detail, t]);

  if (error && !detail)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={error instanceof ApiError && error.status === 404 ? t('petition.notFound') : errorMessage(error, t('errors.unknown'))}
        extra={
          <Button type="primary" onClick={() => void navigate('/inbox')}>
            {t('common.backHome')}
          </Button>
        }
      />
    );
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;

  const d = words ? { ...detail, ...words } : detail;
  const running = d.clocks.filter((c) => c.status !== 'ended');
  const ended = d.clocks.filter((c) => c.status === 'ended');

  return (
    <article className="petition" aria-labelledby="petition-title">
      <PetitionPrintHead detail={d} />
      <div className="print-only print-head">
        {t('app.name')} · {t('petition.printed')} {chinaTime().format('LLL')}
      </div>
      <div className="petition-head">
        <Space className="no-print">
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('common.back')}
          </Button>
        </Space>
        <div className="petition-heading">
          <Typography.Text className="mono tracking" copyable={{ text: d.trackingCode }}>
            {t('petition.trackingCode')} {d.trackingCode}
          </Typography.Text>
          <Typography.Title level={1} id="petition-title" className="page-title">
            {d.title}
          </Typography.Title>
          <Space wrap size={6}>
            <StatusTag status={d.status} />
            <span className="pill pill-grey">{t(`category.${d.category}`)}</span>
            <span className="pill pill-grey">{t(`domain.${d.domain}`)}</span>
            <span className="pill pill-grey">{t(`channel.${d.channel}`)}</span>
            {d.collective && <span className="pill pill-amber">{t('inbox.collective', { count: d.headcount })}</span>}
            {d.litigationRelated && <span className="pill pill-purple">{t('petition.litigation')}</span>}
            {d.repeatOf ? (
              <Link to={`/petitions/${d.repeatOf}`} className="pill pill-amber">
                {t('petition.repeatOf')} →
              </Link>
            ) : (
              <span className="pill pill-green">{t('petition.firstPetition')}</span>
            )}
          </Space>
        </div>
        <Space className="no-print">
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void reload()} />
          </Tooltip>
          <DocumentsMenu detail={d} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        </Space>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15} className="petition-main">
          <Card title={<h2 className="card-h">{t('petition.facts')}</h2>} size="small" className="section">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'received', label: t('petition.received'), children: dayjs(d.receivedOn).format('LL') },
                { key: 'place', label: t('petition.place'), children: placeName(places, d.jurisdictionCode) },
                { key: 'address', label: t('petition.address'), children: d.address ?? '—' },
                { key: 'respondent', label: t('petition.respondent'), children: respondentText(d.respondent, units) },
                // Whom it may never go to: the respondent unit, and any other unit its words accuse (Art. 30).
                ...(d.accusedUnitIds.length
                  ? [{ key: 'accused', label: t('petition.accusedUnits'), children: d.accusedUnitIds.map((id) => units.find((u) => u.id === id)?.name ?? id).join('、') }]
                  : []),
                { key: 'registering', label: t('petition.registeringUnit'), children: d.registeringUnit?.name ?? '—' },
                { key: 'current', label: t('petition.currentUnit'), children: d.currentUnit?.name ?? '—' },
                ...(d.collective ? [{ key: 'headcount', label: t('petition.headcount'), children: d.headcount }] : []),
              ]}
            />
            <Typography.Title level={5} className="sub">
              {t('petition.content')}
            </Typography.Title>
            <Typography.Paragraph className="prose">{d.content}</Typography.Paragraph>
            {d.personalDataMasked && !words && (
              <Typography.Paragraph type="secondary" className="no-print">
                {t('petition.wordsMasked')}
              </Typography.Paragraph>
            )}
            {d.demands && (
              <>
                <Typography.Title level={5} className="sub">
                  {t('petition.demands')}
                </Typography.Title>
                <Typography.Paragraph className="prose">{d.demands}</Typography.Paragraph>
              </>
            )}
          </Card>

          <Petitioners id={d.id} initial={d.petitioners} onRevealed={setWords} />
          <Attachments id={d.id} attachments={d.attachments} />

          <Card title={<h2 className="card-h">{t('petition.timeline')}</h2>} size="small" className="section">
            <Timeline
              items={d.timeline.map((e) => ({
                key: e.seq,
                color: e.type === 'supervised' ? 'red' : e.type === 'replied' || e.type === 'concluded' || e.type.endsWith('Decided') ? 'green' : 'blue',
                // One column, as a case file reads: when and by whom, then what happened.
                content: (
                  <>
                    <div className="tl-when">
                      {chinaTime(e.at).format('L HH:mm')}
                      {(e.actor.name || e.actor.unit) && (
                        <span className="tl-who">
                          {' · '}
                          {[e.actor.unit?.name, e.actor.name].filter(Boolean).join(' ')}
                        </span>
                      )}
                    </div>
                    <div className="tl-what">{e.summary[lang]}</div>
                    <TimelineTexts entry={e} />
                  </>
                ),
              }))}
            />
          </Card>
          <AnalysisPanels detail={d} reload={reload} />
        </Col>

        <Col xs={24} xl={9} className="petition-side">
          <Card title={<h2 className="card-h">{t('petition.deadlines')}</h2>} size="small" className="section deadlines">
            {d.clocks.length === 0 ? (
              <Typography.Text type="secondary">{t('petition.noDeadlines')}</Typography.Text>
            ) : (
              <ul className="clock-list">
                {[...running, ...ended].map((c) => (
                  <li key={c.name} className={c.status === 'ended' ? 'clock-ended' : ''}>
                    <div>
                      <strong>{clockLabel(t, c.name)}</strong>
                      <div className="clock-meta">
                        {dayjs(c.due).format('LL')} · {lang === 'zh' ? c.article.replace(/^Art\.\s*(\d+)$/, '第$1条') : c.article}
                      </div>
                    </div>
                    <ClockBadge today={me.today} clock={c} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={<h2 className="card-h">{t('petition.actions')}</h2>} size="small" className="section actions no-print">
            <CommandPanel detail={d} reload={reload} />
          </Card>
          <OwnershipPanel petitionId={d.id} />
          <JointConferencePanel detail={d} reload={reload} />
          <PetitionSupervisions detail={d} />
        </Col>
      </Row>
    </article>
  );
}

function Petitioners({ id, initial, onRevealed }: { id: string; initial: Petitioner[]; onRevealed: (words: Revealed['words']) => void }) {
  const { t, i18n } = useTranslation();
  const colon = i18n.language === 'en' ? ': ' : '：';
  const [shown, setShown] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (!revealed) setShown(initial);
  }, [initial, revealed]);

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.reveal(id, reason.trim());
      setShown(r.petitioners);
      onRevealed(r.words);
      setRevealed(true);
      setAsking(false);
    } catch (e) {
      setProblem(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <h2 className="card-h">
          {t('petition.petitioners')} {!revealed && <small className="muted">{i18n.language === 'en' ? `(${t('petition.masked')})` : `（${t('petition.masked')}）`}</small>}
        </h2>
      }
      size="small"
      className="section"
      extra={
        !revealed && (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} className="no-print">
            {t('petition.reveal')}
          </Button>
        )
      }
    >
      {revealed && <Alert type="warning" showIcon title={t('petition.revealed')} className="gap-bottom" />}
      <List
        size="small"
        dataSource={shown}
        renderItem={(p) => (
          <List.Item key={p.position}>
            <Space wrap size="large">
              <strong>{p.name}</strong>
              {p.phone && (
                <span>
                  {t('petition.phone')}{colon}{p.phone}
                </span>
              )}
              {p.idCard && (
                <span>
                  {t('petition.idCard')}{colon}{p.idCard}
                </span>
              )}
              {p.address && (
                <span>
                  {t('petition.personAddress')}{colon}{p.address}
                </span>
              )}
              {p.email && (
                <span>
                  {t('integrations.petitionerEmail')}{colon}{p.email}
                </span>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={asking}
        title={t('petition.revealTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" />}
        <Form form={form} layout="vertical" onFinish={(v) => void reveal(v)} preserve={false}>
          <Form.Item name="reason" label={t('petition.revealReason')} rules={[{ required: true, whitespace: true, message: t('petition.revealReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 850 B, 12 KB, 3.4 MB: never "0 KB" for a small scan. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Attachments({ id, attachments }: { id: string; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ url: string; a: Attachment } | null>(null);
  const fetchUrl = async (a: Attachment) => URL.createObjectURL(await api.attachment(id, a.id));
  const open = async (a: Attachment) => {
    try {
      setPreview({ url: await fetchUrl(a), a });
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };
  const download = async (a: Attachment) => {
    try {
      const url = await fetchUrl(a);
      const link = document.createElement('a');
      link.href = url;
      link.download = a.filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      message.error(errorMessage(e, t('errors.unknown')));
    }
  };
  const close = () => {
    if (preview) URL.revokeObjectURL(preview.url);
    setPreview(null);
  };
  const previewable = (a: Attachment) => a.mime.startsWith('image/') || a.mime === 'application/pdf';
  return (
    <Card title={<h2 className="card-h">{t('petition.attachments')}</h2>} size="small" className="section">
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petition.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                ...(previewable(a)
                  ? [
                      <Button key="p" size="small" onClick={() => void open(a)}>
                        {t('petition.preview')}
                      </Button>,
                    ]
                  : []),
                <Button key="d" size="small" onClick={() => void download(a)}>
                  {t('petition.download')}
                </Button>,
              ]}
            >
              <Space>
                <FileOutlined />
                <span>{a.filename}</span>
                <small className="muted">{fileSize(a.size)}</small>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal open={preview !== null} title={preview?.a.filename} onCancel={close} footer={null} width={900} destroyOnHidden>
        {preview &&
          (preview.a.mime === 'application/pdf' ? (
            <iframe src={preview.url} title={preview.a.filename} className="pdf-frame" />
          ) : (
            <img src={preview.url} alt={preview.a.filename} className="image-preview" />
          ))}
      </Modal>
    </Card>
  );
}
