import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, List, Row, Space, Tag, Typography, type FormInstance } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { StatusTag } from '../Badges';
import { errorMessage, type Category, type Domain, type Status } from '../../lib/api';
import { analysisApi, type SuggestBody, type SuggestResponse, type UnitSuggestion } from '../../lib/analysis-api';
import { currentLang } from '../../i18n';

/** The intake form's fields this panel reads or fills (names as in pages/Intake.tsx). */
interface IntakeFields {
  title?: string;
  content?: string;
  demands?: string;
  category: Category;
  domain?: string;
  litigationRelated?: boolean;
  respondentName?: string;
  respondentUnitId?: string;
  jurisdictionCode?: string;
  address?: string;
  receivedOn?: Dayjs;
  repeatOf?: string;
  petitioners: { name?: string; phone?: string; idCard?: string; address?: string }[];
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Ask only once the text says something, and only when typing has paused. */
const MIN_CHARS = 20;
const PAUSE_MS = 600;

/**
 * 智能提示 at intake (issue 6): as the clerk types, the model's domain, category and litigation-relatedness with
 * the words behind them (one click fills the form; nothing is changed without it), the territorial and subject
 * units it would route to and why, and earlier petitions about the same matter with their similarity and reasons,
 * each of which can be named as the one this petition repeats (`repeatOf`). Shows nothing personal of those
 * petitions' petitioners: the API gives none.
 */
export function IntakeSuggestions({ form: f }: { form: FormInstance<IntakeFields> }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const colon = lang === 'en' ? ': ' : '：';
  const title = Form.useWatch('title', f) ?? '';
  const content = Form.useWatch('content', f) ?? '';
  const demands = Form.useWatch('demands', f) ?? '';
  const domain = Form.useWatch('domain', f);
  const category = Form.useWatch('category', f);
  const litigationRelated = Form.useWatch('litigationRelated', f) ?? false;
  const respondentName = Form.useWatch('respondentName', f);
  const respondentUnitId = Form.useWatch('respondentUnitId', f);
  const jurisdictionCode = Form.useWatch('jurisdictionCode', f);
  const address = Form.useWatch('address', f);
  const receivedOn = Form.useWatch('receivedOn', f);
  const repeatOf = Form.useWatch('repeatOf', f);
  const people = Form.useWatch('petitioners', f);

  const [result, setResult] = useState<SuggestResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef(0);

  const enough = `${title}${content}`.replace(/\s/g, '').length >= MIN_CHARS;
  const body: SuggestBody | null = enough
    ? {
        text: content.trim() || title.trim(),
        title: title.trim() || undefined,
        demands: demands.trim() || undefined,
        respondent: respondentName?.trim() ? { name: respondentName.trim(), unitId: respondentUnitId || undefined } : undefined,
        address: address?.trim() || undefined,
        jurisdictionCode: jurisdictionCode || undefined,
        domain: (domain as Domain | undefined) || undefined,
        category: category || undefined,
        petitioners: (people ?? [])
          .map((p) => ({ phone: p?.phone?.trim() || undefined, idCard: p?.idCard?.trim() || undefined }))
          .filter((p) => p.phone || p.idCard),
        limit: 5,
      }
    : null;
  const key = body ? JSON.stringify(body) : '';

  useEffect(() => {
    if (!key || me.user.role === 'proxyAgent') return;
    const timer = setTimeout(() => {
      const mine = ++asked.current;
      setLoading(true);
      analysisApi
        .suggest(JSON.parse(key) as SuggestBody)
        .then((r) => {
          if (mine !== asked.current) return; // an answer to older text
          setResult(r);
          setProblem(null);
        })
        .catch((e: unknown) => {
          if (mine === asked.current) setProblem(errorMessage(e, t('errors.unknown')));
        })
        .finally(() => {
          if (mine === asked.current) setLoading(false);
        });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key, me.user.role, t]);

  if (me.user.role === 'proxyAgent') return null;

  const c = result?.classification;
  const inUse = c !== undefined && domain === c.domain && category === c.category && litigationRelated === c.litigationRelated;
  const use = () => {
    if (!c) return;
    f.setFieldsValue({ domain: c.domain, category: c.category, litigationRelated: c.litigationRelated });
  };
  // A score adds the same respondent, place or petitioner to the text similarity and can pass 1: shown up to 100%.
  const pct = (x: number) => Math.min(100, Math.round(x * 100));
  const marked = (code: string) => (repeatOf ?? '').trim().toUpperCase() === code;
  const today = receivedOn?.format('YYYY-MM-DD');

  const unit = (label: string, u: UnitSuggestion | null) => (
    <div className="intake-suggest-unit">
      <Typography.Text type="secondary">{label}{colon}</Typography.Text>
      {u ? (
        <>
          <Typography.Text strong>{u.unitName}</Typography.Text>
          <Typography.Text type="secondary"> — {u.reason[lang]}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('analysis.intake.noUnit')}</Typography.Text>
      )}
    </div>
  );

  return (
    <Card
      size="small"
      className="intake-suggestions"
      style={{ marginBottom: 16 }}
      data-testid="intake-suggestions"
      title={t('analysis.intake.title')}
      extra={loading ? <Typography.Text type="secondary">{t('analysis.intake.loading')}</Typography.Text> : undefined}
      role="region"
      aria-label={t('analysis.intake.title')}
    >
      {/* One short line for screen readers when the suggestions change; the details are below. */}
      <div style={visuallyHidden} aria-live="polite">
        {c ? t('analysis.intake.summary', { domain: t(`domain.${c.domain}`), count: result?.similar.length ?? 0 }) : ''}
      </div>
      {!result && !problem && <Typography.Paragraph type="secondary">{enough ? t('analysis.intake.loading') : t('analysis.intake.waiting')}</Typography.Paragraph>}
      {problem && <Alert type="warning" showIcon message={t('analysis.intake.failed', { message: problem })} />}
      {result && c && (
        <>
          <Typography.Paragraph type="secondary" className="intake-suggest-intro">
            {t('analysis.intake.intro')}
          </Typography.Paragraph>
          <Row gutter={[16, 8]}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('analysis.intake.classification')}</Typography.Title>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <div data-testid="suggested-domain">
                  <Typography.Text type="secondary">{t('analysis.intake.domain')}{colon}</Typography.Text>
                  <Typography.Text strong>{t(`domain.${c.domain}`)}</Typography.Text>{' '}
                  <Tag>{t('analysis.intake.confidence', { pct: pct(c.detail.domain.confidence) })}</Tag>
                  {domain && domain !== c.domain && <Tag>{t('analysis.intake.differs')}</Tag>}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('analysis.intake.category')}{colon}</Typography.Text>
                  <Typography.Text strong>{t(`category.${c.category}`)}</Typography.Text>{' '}
                  <Tag>{t('analysis.intake.confidence', { pct: pct(c.detail.category.confidence) })}</Tag>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('analysis.intake.litigation')}{colon}</Typography.Text>
                  <Typography.Text strong>{c.litigationRelated ? t('analysis.classification.yes') : t('analysis.classification.no')}</Typography.Text>{' '}
                  <Tag>{t('analysis.intake.confidence', { pct: pct(c.detail.litigationRelated.confidence) })}</Tag>
                </div>
                {c.words.length > 0 && (
                  <div>
                    <Typography.Text type="secondary">{t('analysis.intake.words')}{colon}</Typography.Text>
                    {c.words.slice(0, 8).map((w) => (
                      <Tag key={w.zh} className="intake-suggest-word">
                        {w[lang]}
                      </Tag>
                    ))}
                  </div>
                )}
                <div>
                  {inUse ? (
                    <Typography.Text type="success" strong>
                      <CheckOutlined /> {t('analysis.intake.used')}
                    </Typography.Text>
                  ) : (
                    <Button size="small" type="primary" ghost onClick={use} title={t('analysis.intake.useHint')}>
                      {t('analysis.intake.use')}
                    </Button>
                  )}
                </div>
              </Space>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('analysis.intake.routing')}</Typography.Title>
              {unit(t('analysis.intake.territorial'), result.routing.territorial)}
              {unit(t('analysis.intake.subject'), result.routing.subject)}
              {result.routing.excluded.map((x) => (
                <div key={x.unitId} className="intake-suggest-unit">
                  <Typography.Text type="secondary">{t('analysis.intake.excluded')}{colon}</Typography.Text>
                  <Typography.Text delete>{x.unitName}</Typography.Text>
                  <Typography.Text type="secondary"> — {x.reason[lang]}</Typography.Text>
                </div>
              ))}
            </Col>
          </Row>
          <Typography.Title level={5} className="intake-suggest-similar-title">
            {t('analysis.intake.similar')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('analysis.intake.similarIntro')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={result.similar}
            locale={{ emptyText: <Typography.Text className="empty-note">{t('analysis.intake.none')}</Typography.Text> }}
            renderItem={(s) => {
              const later = today !== undefined && s.receivedOn > today;
              const isMarked = marked(s.trackingCode);
              return (
                <List.Item
                  key={s.id}
                  data-testid={`intake-similar-${s.trackingCode}`}
                  actions={[
                    isMarked ? (
                      <Space key="marked" size={4}>
                        <Typography.Text strong>
                          <CheckOutlined /> {t('analysis.intake.marked')}
                        </Typography.Text>
                        <Button size="small" onClick={() => f.setFieldsValue({ repeatOf: undefined })}>
                          {t('analysis.intake.unmark')}
                        </Button>
                      </Space>
                    ) : (
                      <Button
                        key="mark"
                        size="small"
                        disabled={later}
                        title={later ? t('analysis.intake.laterThanThis') : t('analysis.intake.markRepeatHint', { code: s.trackingCode })}
                        onClick={() => f.setFieldsValue({ repeatOf: s.trackingCode })}
                      >
                        {t('analysis.intake.markRepeat')}
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap size={6}>
                        <a href={`/petitions/${s.id}`} target="_blank" rel="noopener noreferrer" className="mono">
                          {s.trackingCode}
                        </a>
                        <span>{s.title}</span>
                      </Space>
                    }
                    description={
                      <Space wrap size={4}>
                        <Tag color={s.sameMatter ? 'red' : 'default'}>{s.sameMatter ? t('analysis.similar.sameMatter') : t('analysis.similar.related')}</Tag>
                        <Tag>{t('analysis.similar.score', { pct: pct(s.score) })}</Tag>
                        <StatusTag status={s.status as Status} />
                        <span>{t('analysis.similar.received', { date: dayjs(s.receivedOn).format('LL') })}</span>
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
        </>
      )}
    </Card>
  );
}
