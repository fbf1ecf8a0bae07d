import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  categories,
  domains,
  loadJurisdictions,
  newIdempotencyKey,
  submitPetition,
  type Category,
  type Domain,
  type Intake,
  type Jurisdiction,
  type Submitted,
} from '../api';
import { setCurrent } from '../handoff';
import { useLang, type Key } from '../i18n';
import { navigate } from '../router';
import { Credentials, Field, Problem, useFocusHeading } from '../ui';

const MAX_FILE = 20 * 1024 * 1024;
const MAX_FILES = 20;

interface Form {
  category: Category | '';
  domain: Domain | '';
  city: string;
  county: string;
  town: string;
  address: string;
  respondent: string;
  title: string;
  content: string;
  demands: string;
  name: string;
  phone: string;
  idCard: string;
  contactAddress: string;
  consent: boolean;
}

const empty: Form = {
  category: '',
  domain: '',
  city: '',
  county: '',
  town: '',
  address: '',
  respondent: '',
  title: '',
  content: '',
  demands: '',
  name: '',
  phone: '',
  idCard: '',
  contactAddress: '',
  consent: false,
};

type FieldName = keyof Form | 'place';

/** Server field paths to the control that shows the problem. */
const serverField: Record<string, FieldName> = {
  category: 'category',
  domain: 'domain',
  title: 'title',
  content: 'content',
  demands: 'demands',
  jurisdictionCode: 'place',
  address: 'address',
  'respondent.name': 'respondent',
  'contact.name': 'name',
  'contact.phone': 'phone',
  'contact.idCard': 'idCard',
  'contact.address': 'contactAddress',
  // The resident is the petition's one petitioner: the server checks them as such.
  'petitioners.0.name': 'name',
  'petitioners.0.phone': 'phone',
  'petitioners.0.idCard': 'idCard',
  'petitioners.0.address': 'contactAddress',
  consent: 'consent',
};

export function SubmitPage() {
  const [done, setDone] = useState<{ result: Submitted; phone: boolean } | null>(null);
  if (done) return <Done result={done.result} phone={done.phone} onAnother={() => setDone(null)} />;
  return <SubmitForm onDone={(result, phone) => setDone({ result, phone })} />;
}

function usePlaces() {
  const [list, setList] = useState<Jurisdiction[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    loadJurisdictions().then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const children = useMemo(() => {
    const m = new Map<string | null, Jurisdiction[]>();
    const codes = new Set((list ?? []).map((j) => j.code));
    for (const j of list ?? []) {
      const parent = j.parentCode && codes.has(j.parentCode) ? j.parentCode : null;
      m.set(parent, [...(m.get(parent) ?? []), j]);
    }
    for (const v of m.values()) v.sort((a, b) => a.code.localeCompare(b.code));
    return m;
  }, [list]);
  return {
    list,
    error,
    retry: () => setAttempt((a) => a + 1),
    childrenOf: (code: string | null) => children.get(code) ?? [],
  };
}

function SubmitForm({ onDone }: { onDone: (r: Submitted, phone: boolean) => void }) {
  const { t, pick } = useLang();
  const [form, setForm] = useState<Form>(empty);
  const [files, setFiles] = useState<File[]>([]);
  const [fileNote, setFileNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const places = usePlaces();
  const formRef = useRef<HTMLFormElement>(null);

  const cities = places.childrenOf(null);
  const counties = form.city ? places.childrenOf(form.city) : [];
  const towns = form.county ? places.childrenOf(form.county) : [];

  // One city: choose it for the resident.
  useEffect(() => {
    if (!form.city && cities.length === 1) setForm((f) => ({ ...f, city: cities[0]!.code }));
  }, [cities, form.city]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  function validate(): Partial<Record<FieldName, string>> {
    const e: Partial<Record<FieldName, string>> = {};
    const need = (label: Key) => t('errRequired', { field: t(label) });
    if (!form.category) e.category = t('errChoose', { field: t('kindLegend') });
    if (!form.city || (counties.length > 0 && !form.county)) e.place = t('errChoose', { field: t('county') });
    if (!form.title.trim()) e.title = need('title');
    if (!form.content.trim()) e.content = need('content');
    if (!form.name.trim()) e.name = need('contactName');
    if (form.phone.trim() && !/^[0-9+\-\s()]{7,20}$/.test(form.phone.trim())) e.phone = t('errPhone');
    if (!form.consent) e.consent = t('errConsent');
    return e;
  }

  function focusFirstError(e: Partial<Record<FieldName, string>>) {
    const first = Object.keys(e)[0];
    if (!first) return;
    const el = formRef.current?.querySelector<HTMLElement>(
      `[data-field="${first}"] input, [data-field="${first}"] select, [data-field="${first}"] textarea`,
    );
    el?.focus();
  }

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    const e = validate();
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length) {
      focusFirstError(e);
      return;
    }
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const body: Intake = {
      category: form.category as Category,
      domain: form.domain || 'other',
      title: form.title.trim(),
      content: form.content.trim(),
      demands: opt(form.demands),
      jurisdictionCode: form.town || form.county || form.city,
      address: opt(form.address),
      respondent: opt(form.respondent) ? { name: form.respondent.trim() } : undefined,
      contact: {
        name: form.name.trim(),
        phone: opt(form.phone),
        idCard: opt(form.idCard),
        address: opt(form.contactAddress),
      },
      consent: true,
    };
    setBusy(true);
    try {
      const result = await submitPetition(body, files, key.current);
      setCurrent({ code: result.trackingCode, secret: result.secret });
      onDone(result, Boolean(body.contact.phone));
    } catch (err) {
      if (err instanceof ApiError && err.field) {
        const f = serverField[err.field] ?? serverField[err.field.split('.')[0] ?? ''];
        if (f) {
          const fe = { [f]: pick(err.messages) };
          setErrors(fe);
        }
      }
      setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  function addFiles(list: FileList | null) {
    if (!list) return;
    const notes: string[] = [];
    const next = [...files];
    for (const f of Array.from(list)) {
      if (f.size > MAX_FILE) notes.push(t('attachTooBig', { name: f.name }));
      else if (next.length >= MAX_FILES) notes.push(t('attachTooMany'));
      else next.push(f);
    }
    setFiles(next);
    setFileNote([...new Set(notes)].join(' '));
  }

  const errorList = Object.entries(errors).filter(([, v]) => v);

  return (
    <section aria-labelledby="submit-h">
      <h1 id="submit-h">{t('submitTitle')}</h1>
      <p className="lead">{t('submitIntro')}</p>

      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate>
        {errorList.length > 1 ? (
          <div className="alert" role="alert">
            <p>{t('fixErrors')}</p>
            <ul>
              {errorList.map(([k, v]) => (
                <li key={k}>{v}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <fieldset
          className={`card choices${errors.category ? ' invalid' : ''}`}
          data-field="category"
          aria-describedby={errors.category ? 'cat-err' : undefined}
        >
          <legend>{t('kindLegend')}</legend>
          {categories.map((c) => (
            <label key={c} className={`choice${form.category === c ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="category"
                value={c}
                checked={form.category === c}
                onChange={() => set('category', c)}
              />
              <span>
                <strong>{t(`kind_${c}`)}</strong>
                <span className="help">{t(`kind_${c}_help`)}</span>
              </span>
            </label>
          ))}
          {errors.category ? (
            <p className="error-text" id="cat-err">
              {errors.category}
            </p>
          ) : null}
        </fieldset>

        <aside className="note" aria-labelledby="court-h">
          <h2 id="court-h">{t('courtTitle')}</h2>
          <p>{t('courtText')}</p>
          <ul>
            <li>{t('court1')}</li>
            <li>{t('court2')}</li>
            <li>{t('court3')}</li>
          </ul>
        </aside>

        <fieldset
          className={`card${errors.place ? ' invalid' : ''}`}
          data-field="place"
          aria-describedby="place-help"
        >
          <legend>{t('placeLegend')}</legend>
          <p className="hint" id="place-help">
            {t('placeHelp')}
          </p>
          {places.error ? (
            <div className="alert" role="alert">
              <p>
                {t('placeLoadError')}：
                {places.error instanceof ApiError ? pick(places.error.messages) : t('networkError')}
              </p>
              <button type="button" className="btn secondary small" onClick={places.retry}>
                {t('retry')}
              </button>
            </div>
          ) : !places.list ? (
            <p role="status">{t('loading')}</p>
          ) : (
            <div className="cascade">
              <Field label={t('city')}>
                {(p) => (
                  <select
                    {...p}
                    value={form.city}
                    onChange={(e) => setForm((f) => ({ ...f, city: e.target.value, county: '', town: '' }))}
                  >
                    <option value="">{t('choose')}</option>
                    {cities.map((j) => (
                      <option key={j.code} value={j.code}>
                        {j.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('county')} error={errors.place}>
                {(p) => (
                  <select
                    {...p}
                    value={form.county}
                    disabled={!form.city || counties.length === 0}
                    onChange={(e) => {
                      setForm((f) => ({ ...f, county: e.target.value, town: '' }));
                      setErrors((er) => ({ ...er, place: undefined }));
                    }}
                  >
                    <option value="">{t('choose')}</option>
                    {counties.map((j) => (
                      <option key={j.code} value={j.code}>
                        {j.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('town')} optional>
                {(p) => (
                  <select
                    {...p}
                    value={form.town}
                    disabled={!form.county || towns.length === 0}
                    onChange={(e) => set('town', e.target.value)}
                  >
                    <option value="">{t('chooseAny')}</option>
                    {towns.map((j) => (
                      <option key={j.code} value={j.code}>
                        {j.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}
          <div data-field="address">
            <Field label={t('address')} hint={t('addressHint')} optional error={errors.address}>
              {(p) => (
                <input
                  {...p}
                  value={form.address}
                  maxLength={300}
                  onChange={(e) => set('address', e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('matterLegend')}</legend>
          <div data-field="domain">
            <Field label={t('domain')} optional>
              {(p) => (
                <select {...p} value={form.domain} onChange={(e) => set('domain', e.target.value as Domain)}>
                  <option value="">{t('choose')}</option>
                  {domains.map((d) => (
                    <option key={d} value={d}>
                      {t(`domain_${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div data-field="respondent">
            <Field label={t('respondent')} hint={t('respondentHint')} optional error={errors.respondent}>
              {(p) => (
                <input
                  {...p}
                  value={form.respondent}
                  maxLength={200}
                  onChange={(e) => set('respondent', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="title">
            <Field label={t('title')} hint={t('titleHint')} error={errors.title}>
              {(p) => (
                <input
                  {...p}
                  required
                  value={form.title}
                  maxLength={100}
                  onChange={(e) => set('title', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="content">
            <Field label={t('content')} hint={t('contentHint')} error={errors.content}>
              {(p) => (
                <textarea
                  {...p}
                  required
                  rows={6}
                  value={form.content}
                  maxLength={20000}
                  onChange={(e) => set('content', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="demands">
            <Field label={t('demands')} hint={t('demandsHint')} optional error={errors.demands}>
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={form.demands}
                  maxLength={5000}
                  onChange={(e) => set('demands', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="field">
            <span className="label" id="att-label">
              {t('attachments')}
              <span className="opt">{t('optional')}</span>
            </span>
            <p className="hint" id="att-hint">
              {t('attachmentsHint')}
            </p>
            <label className="btn secondary file-btn">
              {t('attachAdd')}
              <input
                type="file"
                multiple
                aria-labelledby="att-label"
                aria-describedby="att-hint"
                accept="image/*,audio/*,.pdf,.doc,.docx,.xls,.xlsx,.txt"
                onChange={(e) => {
                  addFiles(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
            {fileNote ? (
              <p className="error-text" role="status">
                {fileNote}
              </p>
            ) : null}
            {files.length ? (
              <ul className="files">
                {files.map((f, i) => (
                  <li key={`${f.name}-${i}`}>
                    <span className="fname">{f.name}</span>
                    <span className="fsize">{formatSize(f.size)}</span>
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t('attachRemove')} ${f.name}`}
                      onClick={() => setFiles(files.filter((_, j) => j !== i))}
                    >
                      {t('attachRemove')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('contactLegend')}</legend>
          <div data-field="name">
            <Field label={t('contactName')} error={errors.name}>
              {(p) => (
                <input
                  {...p}
                  required
                  autoComplete="name"
                  value={form.name}
                  maxLength={60}
                  onChange={(e) => set('name', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="phone">
            <Field label={t('contactPhone')} hint={t('contactPhoneHint')} optional error={errors.phone}>
              {(p) => (
                <input
                  {...p}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={form.phone}
                  maxLength={40}
                  onChange={(e) => set('phone', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="idCard">
            <Field label={t('contactIdCard')} optional error={errors.idCard}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  value={form.idCard}
                  maxLength={30}
                  onChange={(e) => set('idCard', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div data-field="contactAddress">
            <Field label={t('contactAddress')} optional error={errors.contactAddress}>
              {(p) => (
                <input
                  {...p}
                  autoComplete="street-address"
                  value={form.contactAddress}
                  maxLength={200}
                  onChange={(e) => set('contactAddress', e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <section className="card privacy" aria-labelledby="privacy-h">
          <h2 id="privacy-h">{t('privacyTitle')}</h2>
          <p>{t('privacyText')}</p>
          <div data-field="consent" className={errors.consent ? 'invalid' : undefined}>
            <label className="check">
              <input
                type="checkbox"
                checked={form.consent}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={errors.consent ? 'consent-err' : undefined}
                onChange={(e) => set('consent', e.target.checked)}
              />
              <span>{t('consent')}</span>
            </label>
            {errors.consent ? (
              <p className="error-text" id="consent-err">
                {errors.consent}
              </p>
            ) : null}
          </div>
        </section>

        <Problem error={problem} />

        <button type="submit" className="btn primary block" disabled={busy} aria-busy={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
    </section>
  );
}

function formatSize(n: number) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function Done({ result, phone, onAnother }: { result: Submitted; phone: boolean; onAnother: () => void }) {
  const { t } = useLang();
  const h = useFocusHeading<HTMLHeadingElement>([result.trackingCode]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <section aria-labelledby="done-h" className="done">
      <h1 id="done-h" tabIndex={-1} ref={h}>
        <span className="tick" aria-hidden="true">
          ✓
        </span>{' '}
        {t('doneTitle')}
      </h1>
      <p className="lead">{t('doneIntro')}</p>
      <Credentials
        items={[
          { label: t('trackingCode'), value: result.trackingCode, testId: 'tracking-code' },
          { label: t('secret'), value: result.secret, testId: 'tracking-secret' },
        ]}
        copyLabel={t('copyBoth')}
        warning={t('keepWarning')}
      />
      {phone && result.texted ? <p>{t('smsNote')}</p> : null}
      <div className="actions">
        <button type="button" className="btn primary" onClick={() => navigate('/track')}>
          {t('goTrack')}
        </button>
        <button type="button" className="btn secondary" onClick={onAnother}>
          {t('submitAnother')}
        </button>
      </div>
    </section>
  );
}
