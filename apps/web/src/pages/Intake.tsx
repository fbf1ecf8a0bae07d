import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Switch,
  Tabs,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { DeleteOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RECEIVED_MAX_DAYS_BACK, validateIdCard } from '@qiao/core';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { canRegister, intakePath, useMe } from '../auth';
import { PlacePicker, UnitPicker } from '../components/Pickers';
import { IntakeSuggestions } from '../components/analysis/IntakeSuggestions';
import { api, ApiError, errorMessage, type Created, type Intake, type Respondent } from '../lib/api';
import { useUnits } from '../lib/directory';
import { readJson, writeJson } from '../lib/storage';

/** The petition office's channels (tabs). A proxy agent has one form: the server files everything they register as `proxy`. */
const CHANNELS = ['visit', 'letter', 'hotline', 'transfer'] as const;
type IntakeChannel = (typeof CHANNELS)[number] | 'proxy';
const DOMAINS = ['labor', 'housing', 'land', 'propertyManagement', 'urbanConstruction', 'environment', 'socialSecurity', 'health', 'education', 'agriculture', 'legal', 'other'] as const;
const MAX_REPRESENTATIVES = 5;

interface PersonValues {
  name?: string;
  phone?: string;
  idCard?: string;
  address?: string;
}
interface Values {
  category: 'claim' | 'suggestion' | 'accusation';
  litigationRelated?: boolean;
  domain?: string;
  title?: string;
  content?: string;
  demands?: string;
  respondentName?: string;
  respondentUnitId?: string;
  jurisdictionCode?: string;
  address?: string;
  receivedOn?: Dayjs;
  collective?: boolean;
  headcount?: number;
  petitioners: PersonValues[];
  transferFrom?: string;
  transferNo?: string;
  repeatOf?: string;
  residentConsent?: boolean;
}
interface Draft extends Omit<Values, 'receivedOn'> {
  receivedOn?: string;
  idempotencyKey?: string;
}

const emptyValues = (): Values => ({ category: 'claim', petitioners: [{}], collective: false, headcount: 2 });
const draftKey = (c: IntakeChannel) => `qiao.intake.${c}`;
const trimmed = (s?: string) => (s && s.trim() ? s.trim() : undefined);
/** The ID card number checked as the server checks it (core's validateIdCard), before the form is sent. */
function idCardRule(v: string | undefined, t: TFunction): Promise<void> {
  if (!v || !v.trim()) return Promise.resolve();
  const r = validateIdCard(v);
  if (r.ok) return Promise.resolve();
  return Promise.reject(new Error(t(r.reason === 'checksum' ? 'intake.idCardChecksum' : r.reason === 'birthDate' ? 'intake.idCardBirthDate' : 'intake.idCardInvalid')));
}
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * The respondent as the API takes it: a name, with the unit when one is picked. A unit picked without a name is
 * sent under its own name, never dropped: an accusation must know the unit it accuses, so that the petition is
 * never routed to it nor shown to it.
 */
function respondentOf(v: Pick<Values, 'respondentName' | 'respondentUnitId'>, units: readonly { id: string; name: string }[]): Intake['respondent'] {
  const unitId = v.respondentUnitId || undefined;
  const name = trimmed(v.respondentName) ?? (unitId ? (units.find((u) => u.id === unitId)?.name ?? unitId) : undefined);
  return name ? { name, unitId } : undefined;
}

export default function IntakePage() {
  const { channel: param } = useParams<{ channel: string }>();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!canRegister(me)) return <Navigate to="/inbox" replace />;
  if (me.user.role === 'proxyAgent') {
    if (param !== 'proxy') return <Navigate to={intakePath(me)} replace />;
    return (
      <div className="intake">
        <div className="page-head">
          <Typography.Title level={1} className="page-title">
            {t('workbench.proxyTitle')}
          </Typography.Title>
        </div>
        <IntakeForm key="proxy" channel="proxy" />
      </div>
    );
  }
  const channel = CHANNELS.find((c) => c === param);
  if (!channel) return <Navigate to={intakePath(me)} replace />;
  return (
    <div className="intake">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('intake.title')}
        </Typography.Title>
      </div>
      <Tabs
        activeKey={channel}
        onChange={(k) => void navigate(`/intake/${k}`)}
        items={CHANNELS.map((c) => ({ key: c, label: t(`intake.${c}`) }))}
      />
      <IntakeForm key={channel} channel={channel} />
    </div>
  );
}

function IntakeForm({ channel }: { channel: IntakeChannel }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [units] = useUnits();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [restored, setRestored] = useState(false);
  const idempotency = useRef<string>('');

  const initial = useMemo((): Values => {
    const d = readJson<Draft | null>(draftKey(channel), null);
    idempotency.current = d?.idempotencyKey ?? crypto.randomUUID();
    if (!d) return { ...emptyValues(), receivedOn: dayjs(me.today) };
    return { ...emptyValues(), ...d, receivedOn: d.receivedOn ? dayjs(d.receivedOn) : dayjs(me.today) };
  }, [channel, me.today]);
  useEffect(() => {
    setRestored(readJson<Draft | null>(draftKey(channel), null) !== null);
  }, [channel]);

  // The first field has the focus as soon as the form opens: a call or a visitor can be typed in at once.
  useEffect(() => {
    const first = channel === 'transfer' ? 'transferFrom' : channel === 'letter' ? 'title' : 'petitioners_0_name';
    // Never steal the focus from a field the user is already typing in (a late re-render must not move it).
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.closest(`.intake-${channel}`)) return;
      document.getElementById(`intake-${channel}_${first}`)?.focus();
    }, 50);
    return () => clearTimeout(timer);
  }, [channel]);

  const collective = Form.useWatch('collective', form) ?? false;
  const category = Form.useWatch('category', form);
  const domain = Form.useWatch('domain', form);
  const people = Form.useWatch('petitioners', form) ?? [];

  const saveDraft = () => {
    const v = form.getFieldsValue(true) as Values;
    writeJson(draftKey(channel), { ...v, receivedOn: v.receivedOn?.format('YYYY-MM-DD'), idempotencyKey: idempotency.current } satisfies Draft);
  };
  const discardDraft = () => {
    writeJson(draftKey(channel), null);
    idempotency.current = crypto.randomUUID();
    form.resetFields();
    form.setFieldsValue({ ...emptyValues(), receivedOn: dayjs(me.today) });
    setFiles([]);
    setRestored(false);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      let repeatOf = trimmed(v.repeatOf);
      if (repeatOf && !isUuid(repeatOf)) {
        const found = (await api.petitions({ text: repeatOf, limit: 5 })).items.find((p) => p.trackingCode === repeatOf!.toUpperCase());
        if (!found) {
          form.setFields([{ name: 'repeatOf', errors: [t('petition.notFound')] }]);
          return;
        }
        repeatOf = found.id;
      }
      let content = v.content?.trim() ?? '';
      if (channel === 'transfer') content = `【${t('intake.transferFrom')}：${v.transferFrom?.trim() ?? ''}${v.transferNo?.trim() ? `，${t('intake.transferNo')}：${v.transferNo.trim()}` : ''}】\n${content}`;
      const intake: Intake = {
        channel,
        category: v.category,
        litigationRelated: v.litigationRelated ?? false,
        domain: v.domain as Intake['domain'],
        title: v.title?.trim() ?? '',
        content,
        demands: trimmed(v.demands),
        respondent: respondentOf(v, units),
        jurisdictionCode: v.jurisdictionCode ?? '',
        address: trimmed(v.address),
        collective: channel === 'visit' ? (v.collective ?? false) : false,
        headcount: channel === 'visit' && v.collective ? (v.headcount ?? 2) : 1,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
        repeatOf,
        petitioners: v.petitioners.map((p) => ({
          name: p.name?.trim() ?? '',
          phone: trimmed(p.phone),
          idCard: trimmed(p.idCard)?.toUpperCase(),
          address: trimmed(p.address),
        })),
      };
      const res = await api.register(
        me.user.role === 'proxyAgent' ? { ...intake, residentConsent: v.residentConsent === true } : intake,
        files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => f !== undefined),
        idempotency.current,
      );
      writeJson(draftKey(channel), null);
      setCreated(res);
      message.success(t('intake.created'));
    } catch (e) {
      if (e instanceof ApiError && e.field) {
        const path = e.field.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
        const name = path[0] === 'respondent' ? (path[1] === 'unitId' ? 'respondentUnitId' : 'respondentName') : path;
        try {
          form.setFields([{ name: name as never, errors: [e.message] }]);
          form.scrollToField(name);
        } catch {
          // not a form field
        }
      }
      setProblem(errorMessage(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+Enter sends the form from anywhere on the page: after a click in the suggestions beside it (采用此分类)
  // the focus is no longer in the form, and the shortcut bound on the form did nothing (walkthrough).
  useEffect(() => {
    if (created) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
      if (e.target instanceof Element && e.target.closest('.ant-modal-wrap, .ant-drawer')) return;
      e.preventDefault();
      form.submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form, created]);

  // An accusation against the clerk's own office is registered at the office above (Art. 30): the clerk hands the
  // code and secret over, and may not open it.
  const passedUp = created !== null && me.user.unitId !== null && created.registeringUnitId !== me.user.unitId;
  if (created)
    return (
      <Card className="intake-done">
        <Result
          status="success"
          title={t('intake.created')}
          subTitle={passedUp ? `${t('intake.passedUp')} ${t('intake.secretOnce')}` : t('intake.secretOnce')}
          extra={
            <Space wrap className="no-print">
              {!passedUp && (
                <Button type="primary" onClick={() => void navigate(`/petitions/${created.id}`)}>
                  {t('intake.openPetition')}
                </Button>
              )}
              <Button onClick={() => window.print()}>{t('intake.printReceipt')}</Button>
              <Button
                onClick={() => {
                  idempotency.current = crypto.randomUUID();
                  setCreated(null);
                  setFiles([]);
                  form.resetFields();
                  form.setFieldsValue({ ...emptyValues(), receivedOn: dayjs(me.today) });
                }}
              >
                {t('intake.another')}
              </Button>
            </Space>
          }
        >
          <Descriptions
            bordered
            column={1}
            size="middle"
            items={[
              { key: 'code', label: t('intake.trackingCode'), children: <Typography.Text className="mono big" copyable>{created.trackingCode}</Typography.Text> },
              { key: 'secret', label: t('intake.trackingSecret'), children: <Typography.Text className="mono big" copyable>{created.trackingSecret}</Typography.Text> },
            ]}
          />
        </Result>
      </Card>
    );

  const personFirst = channel === 'visit' || channel === 'hotline' || channel === 'proxy';
  const maxPeople = channel === 'visit' && collective ? MAX_REPRESENTATIVES : 50;
  const personLabel = channel === 'visit' && collective ? t('intake.representatives') : t('intake.petitioners');

  const peopleSection = (
    <Card size="small" title={personLabel} className="section" key="people">
      <Form.List
        name="petitioners"
        rules={[
          {
            validator: async (_, list: unknown[]) => {
              if (channel === 'visit' && form.getFieldValue('collective') && list.length > MAX_REPRESENTATIVES) throw new Error(t('intake.maxReps'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} className="person-row" align="top">
                <Col xs={24} md={5}>
                  <Form.Item name={[f.name, 'name']} label={`${t('intake.petitionerName')} ${fields.length > 1 ? i + 1 : ''}`} rules={[{ required: true, whitespace: true, message: t('intake.nameRequired') }]}>
                    <Input autoFocus={i === 0 && personFirst} maxLength={60} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[f.name, 'phone']} label={t('intake.phone')} rules={[{ pattern: /^[0-9+\-\s()]{5,20}$/, message: t('intake.phoneInvalid') }]}>
                    <Input inputMode="tel" maxLength={40} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'idCard']} label={t('intake.idCard')} rules={[{ validator: (_, v?: string) => idCardRule(v, t) }]}>
                    <Input maxLength={18} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={22} md={7}>
                  <Form.Item name={[f.name, 'address']} label={t('intake.personAddress')}>
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} className="person-remove">
                  {fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${i + 1}`} onClick={() => remove(f.name)} />
                  )}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={people.length >= maxPeople}>
              {channel === 'visit' && collective ? t('intake.addRepresentative') : t('intake.addPetitioner')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );

  const matterSection = (
    <Card size="small" title={t('petition.facts')} className="section" key="matter">
      {channel === 'transfer' && (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="transferFrom" label={t('intake.transferFrom')} rules={[{ required: true, whitespace: true, message: t('intake.transferFromRequired') }]}>
              <Input autoFocus maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="transferNo" label={t('intake.transferNo')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="title" label={t('intake.titleField')} rules={[{ required: true, whitespace: true, message: t('intake.titleRequired') }]}>
        <Input maxLength={100} showCount autoFocus={channel === 'letter'} />
      </Form.Item>
      <Form.Item
        name="content"
        label={channel === 'hotline' ? t('intake.callerNote') : t('intake.content')}
        rules={[{ required: true, whitespace: true, message: t('intake.contentRequired') }]}
      >
        <Input.TextArea rows={channel === 'hotline' ? 4 : 7} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item name="demands" label={t('intake.demands')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('intake.category')} rules={[{ required: true, message: t('intake.categoryRequired') }]}>
            <Radio.Group optionType="button" options={(['claim', 'suggestion', 'accusation'] as const).map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="domain" label={t('intake.domain')} rules={[{ required: true, message: t('intake.domainRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="litigationRelated" valuePropName="checked" label=" ">
            <Checkbox>{t('intake.litigationRelated')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="respondentName" label={t('intake.respondent')} extra={t('intake.respondentHint')}>
            <RespondentInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="respondentUnitId" label={t('intake.respondentUnit')} extra={category === 'accusation' ? t('fields.accused') : undefined}>
            <UnitPicker allowClear domain={domain as never} placeholder={t('fields.unitSearch')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="jurisdictionCode" label={t('intake.place')} rules={[{ required: true, message: t('intake.placeRequired') }]}>
            <PlacePicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('intake.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="receivedOn" label={t('intake.receivedOn')}>
            <DatePicker
              disabledDate={(d: Dayjs) =>
                d.isAfter(dayjs(me.today), 'day') || d.isBefore(dayjs(me.today).subtract(RECEIVED_MAX_DAYS_BACK, 'day'), 'day')
              }
              allowClear={false}
            />
          </Form.Item>
        </Col>
        {channel === 'visit' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item name="collective" valuePropName="checked" label={t('intake.collective')}>
                <Switch />
              </Form.Item>
            </Col>
            {collective && (
              <Col xs={12} md={10}>
                <Form.Item name="headcount" label={t('intake.headcount')} rules={[{ required: true, type: 'integer', min: 2, message: t('intake.headcountMin') }]}>
                  <InputNumber min={2} max={100000} />
                </Form.Item>
              </Col>
            )}
          </>
        )}
      </Row>
      <IntakeSuggestions form={form} />
      <Form.Item name="repeatOf" label={t('intake.repeatOf')}>
        <Input maxLength={40} className="mono" />
      </Form.Item>
    </Card>
  );

  const scans = (channel === 'letter' || channel === 'proxy') && (
    <Card size="small" title={channel === 'proxy' ? t('workbench.proxyMaterials') : t('intake.scans')} className="section" key="scans">
      <Upload.Dragger
        multiple
        accept="image/*,application/pdf"
        fileList={files}
        beforeUpload={() => false}
        onChange={({ fileList }) => setFiles(fileList)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{channel === 'proxy' ? t('workbench.proxyMaterialsHint') : t('intake.scansHint')}</p>
      </Upload.Dragger>
    </Card>
  );


  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      onValuesChange={saveDraft}
      onKeyDown={keepEnterInField}
      scrollToFirstError
      className={`intake-form intake-${channel}`}
      name={`intake-${channel}`}
    >
      <Typography.Paragraph type="secondary">{channel === 'proxy' ? t('workbench.proxyHelp') : t(`intake.${channel}Help`)}</Typography.Paragraph>
      {restored && (
        <Alert
          type="info"
          showIcon
          className="gap-bottom"
          title={t('common.draftRestored')}
          action={
            <Button size="small" onClick={discardDraft}>
              {t('common.discardDraft')}
            </Button>
          }
        />
      )}
      {/* A proxy agent confirms the resident's consent first, as the help above asks: at the top, where it is seen
          before anything is entered, and where its error shows (it sat below the sticky 登记 bar, its error under
          the button). A submission without it scrolls here (scrollToFirstError). */}
      {me.user.role === 'proxyAgent' && (
        <div className="consent-box">
          <Form.Item
            name="residentConsent"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('intake.consentRequired')))) }]}
          >
            <Checkbox>{t('intake.residentConsent')}</Checkbox>
          </Form.Item>
        </div>
      )}
      {personFirst ? [peopleSection, matterSection, scans] : [matterSection, scans, peopleSection]}
      {problem && <Alert type="error" showIcon title={problem} className="gap-bottom" role="alert" />}
      <div className="form-actions">
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {busy ? t('intake.submitting') : t('intake.submit')}
        </Button>
        <Typography.Text type="secondary">{t('petition.shortcutSubmit')}</Typography.Text>
      </div>
    </Form>
  );
}

/** Inputs where a browser's Enter sends the form (implicit submission): the single-line ones. */
const NO_SUBMIT_ON_ENTER = new Set(['text', 'search', 'tel', 'email', 'url', 'number', 'password', 'date', 'datetime-local', 'month', 'week', 'time']);

/**
 * Enter in a single-line field (the date received, a name, a picker's search) never registers the petition: the
 * browser would send the form from any such field, one keystroke away from a half-typed registration (walkthrough:
 * Enter in 收到日期). The field itself still sees the key first (a picker takes its option or date); only the
 * form's default is stopped. The button, and Ctrl+Enter from anywhere (the page's shortcut), still register.
 */
function keepEnterInField(e: ReactKeyboardEvent<HTMLFormElement>) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
  const target = e.target;
  if (target instanceof HTMLInputElement && NO_SUBMIT_ON_ENTER.has(target.type)) e.preventDefault();
}

/** Respondent name with suggestions from earlier petitions (most frequent first). */
function RespondentInput({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [options, setOptions] = useState<Respondent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      api
        .respondents(q.trim())
        .then(setOptions)
        .catch(() => setOptions([]));
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={onChange}
      onSearch={search}
      onFocus={() => search(value ?? '')}
      options={options.map((o) => ({ value: o.name, label: `${o.name}（${o.count}）` }))}
      maxLength={200}
    />
  );
}
