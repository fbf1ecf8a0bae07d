import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { domains, loadStats, type Domain, type PublicStats, type RateCell, type StatCell } from '../api';
import { useLang, type Key, type Lang } from '../i18n';
import { Problem, useFocusHeading } from '../ui';

/**
 * The public figures (no login): monthly volumes, domains, and on-time and satisfaction rates by county, from
 * GET /api/portal/stats. Counts only; a cell with fewer than `minimumCell` petitions behind it comes back as
 * `{value: null, suppressed: true}` and is shown in words, never as a number or a zero.
 */

interface Period {
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** How far back the period pickers reach (the API takes at most MAX_SPAN months at once: core MAX_PERIOD_MONTHS, copied to keep the portal free of the core). */
const PICKER_MONTHS = 60;
const MAX_SPAN = 36;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

function addMonths(month: string, k: number): string {
  const i = monthIndex(month) + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function chinaMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A period from the address (?from=YYYY-MM&to=YYYY-MM), so a page of figures can be shared as a link. */
function periodInUrl(): Period | null {
  const q = new URLSearchParams(window.location.search);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  return MONTH.test(from) && MONTH.test(to) ? { from, to } : null;
}

function putPeriodInUrl(p: Period) {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ from: p.from, to: p.to }).toString();
  window.history.replaceState(null, '', url);
}

function formats(lang: Lang) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat(locale, {
    month: lang === 'zh' ? 'numeric' : 'short',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const dayMonth = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const asDate = (m: string) => new Date(`${m}-01T00:00:00Z`);
  return {
    number: (n: number) => number.format(n),
    percent: (r: number) => percent.format(r),
    month: (m: string) => month.format(asDate(m)),
    monthShort: (m: string) => monthOnly.format(asDate(m)),
    dayMonth: (iso: string) => dayMonth.format(new Date(`${iso}T00:00:00Z`)),
  };
}

export function StatsPage() {
  const { t, lang } = useLang();
  const h = useFocusHeading<HTMLHeadingElement>([]);
  const [requested, setRequested] = useState<Period | null>(periodInUrl);
  const [data, setData] = useState<PublicStats | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  /** The current month: the pickers end there (the device's clock in China time until the server says). */
  const [thisMonth, setThisMonth] = useState(chinaMonth);
  const [form, setForm] = useState<Period>(
    () => requested ?? { from: addMonths(thisMonth, -11), to: thisMonth },
  );

  useEffect(() => {
    let live = true;
    setProblem(null);
    setData(null);
    loadStats(requested).then(
      (d) => {
        if (!live) return;
        setData(d);
        setThisMonth(d.asOf.slice(0, 7));
        setForm(d.period);
      },
      (e: unknown) => live && setProblem(e),
    );
    return () => {
      live = false;
    };
  }, [requested, attempt]);

  const show = (p: Period) => {
    putPeriodInUrl(p);
    if (requested && requested.from === p.from && requested.to === p.to) setAttempt((a) => a + 1);
    else setRequested(p);
  };
  // A period the figures cannot be given for is told at the pickers, before asking the server.
  const [periodProblem, setPeriodProblem] = useState<'reversed' | 'tooLong' | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const span = monthIndex(form.to) - monthIndex(form.from) + 1;
    const why = span < 1 ? 'reversed' : span > MAX_SPAN ? 'tooLong' : null;
    setPeriodProblem(why);
    if (!why) show(form);
  };

  const f = useMemo(() => formats(lang), [lang]);
  const months = useMemo(() => {
    const list = Array.from({ length: PICKER_MONTHS }, (_, i) => addMonths(thisMonth, -i));
    for (const m of [form.from, form.to]) if (m && !list.includes(m)) list.push(m);
    return list.sort().reverse();
  }, [thisMonth, form.from, form.to]);

  return (
    <section aria-labelledby="stats-h" className="stats">
      <h1 id="stats-h" tabIndex={-1} ref={h}>
        {t('statsTitle')}
      </h1>
      <p className="lead">{t('statsIntro')}</p>
      <div className="note privacy-note" role="note">
        <p>
          <strong>{t('statsPrivacy')}</strong>
        </p>
        <p>{t('statsSuppressionNote', { n: data?.minimumCell ?? 5 })}</p>
      </div>

      <form className="card period" onSubmit={onSubmit} aria-labelledby="stats-period-h">
        <h2 id="stats-period-h">{t('statsPeriod')}</h2>
        <div className="period-pickers">
          <div className="field">
            <label htmlFor="stats-from">{t('statsFrom')}</label>
            <select
              id="stats-from"
              value={form.from}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {f.month(m)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="stats-to">{t('statsTo')}</label>
            <select id="stats-to" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {f.month(m)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn primary">
            {t('statsShow')}
          </button>
        </div>
        {periodProblem ? (
          <p className="error-text" role="alert" data-testid="period-problem">
            {periodProblem === 'reversed' ? t('statsPeriodReversed') : t('statsPeriodTooLong', { n: MAX_SPAN })}
          </p>
        ) : null}
        <div className="row presets" role="group" aria-label={t('statsPresets')}>
          <button
            type="button"
            className="btn secondary small"
            onClick={() => show({ from: addMonths(thisMonth, -11), to: thisMonth })}
          >
            {t('statsLast12')}
          </button>
          <button
            type="button"
            className="btn secondary small"
            onClick={() => show({ from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth })}
          >
            {t('statsThisYear')}
          </button>
          <button
            type="button"
            className="btn secondary small"
            onClick={() => {
              const y = Number(thisMonth.slice(0, 4)) - 1;
              show({ from: `${y}-01`, to: `${y}-12` });
            }}
          >
            {t('statsLastYear')}
          </button>
        </div>
      </form>

      <Problem error={problem} onRetry={() => setAttempt((a) => a + 1)} />
      {!data && !problem ? <p role="status">{t('loading')}</p> : null}
      {data ? <Figures data={data} f={f} /> : null}
    </section>
  );
}

type Formats = ReturnType<typeof formats>;

function Count({ cell, min, f, unit }: { cell: StatCell; min: number; f: Formats; unit?: boolean }) {
  const { t } = useLang();
  if (cell.suppressed || cell.value === null)
    return (
      <span className="suppressed" data-suppressed="" title={t('statsSuppressedTitle', { n: min })}>
        {t('statsSuppressed', { n: min })}
      </span>
    );
  return <>{unit ? t('statsPieces', { n: f.number(cell.value) }) : f.number(cell.value)}</>;
}

function Rate({ cell, min, f, of }: { cell: RateCell; min: number; f: Formats; of: Key }) {
  const { t } = useLang();
  if (cell.suppressed || cell.value === null)
    return (
      <span className="suppressed" data-suppressed="" title={t('statsRateSuppressedTitle', { n: min })}>
        {t('statsRateSuppressed')}
      </span>
    );
  return (
    <>
      <span className="rate">{f.percent(cell.value)}</span>
      {cell.denominator !== null ? (
        <span className="of">{t(of, { n: f.number(cell.denominator) })}</span>
      ) : null}
    </>
  );
}

/** A bar as wide as `value` is of `max` (none for a withheld cell). Decoration only: the number is text. */
function Meter({ cell, max }: { cell: StatCell; max: number }) {
  return (
    <span className="meter" aria-hidden="true">
      {cell.value !== null && max > 0 ? (
        <span className="fill" style={{ width: `${Math.max(2, (100 * cell.value) / max)}%` }} />
      ) : null}
    </span>
  );
}

/** A county's name; a code ending in 00 is the city itself: petitions not narrowed down to a county. */
const isCityLevel = (code: string) => code.endsWith('00');

function domainLabel(t: (k: Key) => string, domain: string): string {
  return (domains as readonly string[]).includes(domain)
    ? t(`domain_${domain as Domain}`)
    : t('domain_other');
}

function Figures({ data, f }: { data: PublicStats; f: Formats }) {
  const { t, date, lang } = useLang();
  const min = data.minimumCell;
  const monthMax = Math.max(0, ...data.monthly.map((m) => m.received.value ?? 0));
  const domainRows = [...data.domains].sort((a, b) => (b.received.value ?? -1) - (a.received.value ?? -1));
  const domainMax = Math.max(0, ...data.domains.map((d) => d.received.value ?? 0));
  const step = data.monthly.length <= 8 ? 1 : Math.ceil(data.monthly.length / 6);
  const countyLang = lang === 'en' ? 'zh-CN' : undefined;
  const asOfMonth = data.asOf.slice(0, 7);
  const partial = (month: string) =>
    month === asOfMonth ? t('statsPartial', { date: f.dayMonth(data.asOf) }) : '';
  const cityLevel = data.counties.some((c) => isCityLevel(c.code));

  return (
    <div className="figures" data-testid="figures">
      <div className="card total">
        <p className="period-shown" data-testid="period-shown">
          {t('statsShowing', { from: f.month(data.period.from), to: f.month(data.period.to) })}
        </p>
        <p className="total-label">{t('statsTotal')}</p>
        <p className="total-value" data-testid="total">
          <Count cell={data.received} min={min} f={f} unit />
        </p>
        <p className="muted asof">{t('statsAsOf', { date: date(data.asOf) })}</p>
      </div>

      <section className="card" aria-labelledby="stats-monthly-h">
        <h2 id="stats-monthly-h">{t('statsMonthlyTitle')}</h2>
        {data.monthly.length >= 3 ? (
          <div className="chart" aria-hidden="true">
            {data.monthly.map((m, i) => (
              <div className="col" key={m.month}>
                <div className="bar-area">
                  {m.received.value === null ? (
                    <span className="bar none" />
                  ) : (
                    <span
                      className={m.month === asOfMonth ? 'bar partial' : 'bar'}
                      style={{
                        height: `${monthMax ? Math.max(1, (100 * m.received.value) / monthMax) : 0}%`,
                      }}
                    />
                  )}
                </div>
                <span className="tick-label">{i % step === 0 ? f.monthShort(m.month) : ''}</span>
              </div>
            ))}
          </div>
        ) : null}
        <table className="figures-table" data-testid="monthly">
          <caption className="sr-only">{t('statsMonthlyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statsMonth')}</th>
              <th scope="col" className="num">
                {t('statsReceived')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.monthly.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">
                  {f.month(m.month)}
                  {partial(m.month) ? <span className="partial-note">{partial(m.month)}</span> : null}
                </th>
                <td className="num">
                  <Count cell={m.received} min={min} f={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="stats-domains-h">
        <h2 id="stats-domains-h">{t('statsDomainsTitle')}</h2>
        <table className="figures-table bars" data-testid="domains">
          <caption className="sr-only">{t('statsDomainsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statsDomain')}</th>
              <th scope="col" className="num">
                {t('statsReceived')}
              </th>
            </tr>
          </thead>
          <tbody>
            {domainRows.map((d) => (
              <tr key={d.domain} data-domain={d.domain}>
                <th scope="row">{domainLabel(t, d.domain)}</th>
                <td className="num">
                  <span className="with-meter">
                    <Meter cell={d.received} max={domainMax} />
                    <span className="n">
                      <Count cell={d.received} min={min} f={f} />
                    </span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="stats-counties-h">
        <h2 id="stats-counties-h">{t('statsCountiesTitle')}</h2>
        {data.counties.length === 0 ? (
          <p>{t('statsNoCounties')}</p>
        ) : (
          <table className="figures-table counties" data-testid="counties">
            <caption className="sr-only">{t('statsCountiesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statsCounty')}</th>
                <th scope="col" className="num">
                  {t('statsReceived')}
                </th>
                <th scope="col" className="num">
                  {t('statsOnTime')}
                </th>
                <th scope="col" className="num">
                  {t('statsSatisfaction')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.counties.map((c) => (
                <tr key={c.code} data-county={c.code}>
                  <th scope="row" lang={isCityLevel(c.code) ? undefined : countyLang}>
                    {isCityLevel(c.code) ? t('statsCityLevel', { name: c.name }) : c.name}
                  </th>
                  <td className="num">
                    <Count cell={c.received} min={min} f={f} />
                  </td>
                  <td className="num">
                    <Rate cell={c.onTimeRate} min={min} f={f} of="statsOnTimeOf" />
                  </td>
                  <td className="num">
                    <Rate cell={c.satisfactionRate} min={min} f={f} of="statsSatisfactionOf" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {cityLevel ? <p className="muted asof">{t('statsCityLevelNote')}</p> : null}
      </section>

      <section className="card" aria-labelledby="stats-def-h">
        <h2 id="stats-def-h">{t('statsDefinitions')}</h2>
        <dl className="definitions">
          <dt>{t('statsReceived')}</dt>
          <dd>{t('statsDefReceived')}</dd>
          <dt>{t('statsOnTime')}</dt>
          <dd>{t('statsDefOnTime')}</dd>
          <dt>{t('statsSatisfaction')}</dt>
          <dd>{t('statsDefSatisfaction')}</dd>
        </dl>
      </section>
    </div>
  );
}
