import { useEffect, useState, type FormEvent } from 'react';
import {
  ApiError,
  bookReception,
  cancelBooking,
  loadReceptionDays,
  type Booked,
  type BookingBody,
  type ReceptionDay,
} from '../api';
import * as handoff from '../handoff';
import { useLang } from '../i18n';
import { Credentials, Field, Problem, useFocusHeading } from '../ui';

export function ReceptionPage() {
  const { t } = useLang();
  const [days, setDays] = useState<ReceptionDay[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const h = useFocusHeading<HTMLHeadingElement>([]);

  useEffect(() => {
    let live = true;
    setProblem(null);
    loadReceptionDays().then(
      (d) => live && setDays(d),
      (e: unknown) => live && setProblem(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <section aria-labelledby="rec-h">
      <h1 id="rec-h" tabIndex={-1} ref={h}>
        {t('receptionTitle')}
      </h1>
      <p className="lead">{t('receptionIntro')}</p>

      {booked ? <BookedCard booked={booked} onDone={() => setBooked(null)} /> : null}

      <Problem error={problem} onRetry={() => setAttempt((a) => a + 1)} />
      {!days && !problem ? <p role="status">{t('loading')}</p> : null}
      {days && days.length === 0 ? <p className="card">{t('noDays')}</p> : null}
      {days && !booked ? (
        <ul className="days">
          {days.map((d) => (
            <li key={d.id}>
              <DayCard
                day={d}
                open={openDay === d.id}
                onOpen={() => setOpenDay(openDay === d.id ? null : d.id)}
                onBooked={(b) => {
                  setBooked(b);
                  setOpenDay(null);
                  setAttempt((a) => a + 1);
                }}
                onFull={() => setAttempt((a) => a + 1)}
              />
            </li>
          ))}
        </ul>
      ) : null}

      <CancelCard onCancelled={() => setAttempt((a) => a + 1)} />
    </section>
  );
}

function DayCard({
  day,
  open,
  onOpen,
  onBooked,
  onFull,
}: {
  day: ReceptionDay;
  open: boolean;
  onOpen: () => void;
  onBooked: (b: Booked) => void;
  onFull: () => void;
}) {
  const { t, date } = useLang();
  const full = day.remaining <= 0;
  const headingId = `day-${day.id}`;
  return (
    <article className="card day" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {date(day.date)} <span className="time">{`${day.startTime}–${day.endTime}`}</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('leader')}</dt>
          <dd>
            {day.leaderName} <span className="muted">{day.leaderTitle}</span>
          </dd>
        </div>
        <div>
          <dt>{t('place')}</dt>
          <dd>{day.place}</dd>
        </div>
        {day.topics.length ? (
          <div>
            <dt>{t('topics')}</dt>
            <dd>
              <ul className="chips">
                {day.topics.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className={`slots${full ? ' none' : ''}`}>
        {full ? t('full') : t('remaining', { n: day.remaining, capacity: day.capacity })}
      </p>
      {!full ? (
        <button type="button" className="btn primary" aria-expanded={open} onClick={onOpen}>
          {open ? t('cancelForm') : t('book')}
        </button>
      ) : null}
      {open ? <BookingForm day={day} onBooked={onBooked} onFull={onFull} /> : null}
    </article>
  );
}

function BookingForm({
  day,
  onBooked,
  onFull,
}: {
  day: ReceptionDay;
  onBooked: (b: Booked) => void;
  onFull: () => void;
}) {
  const { t, date } = useLang();
  const known = handoff.current();
  const [mode, setMode] = useState<'existing' | 'new'>(known ? 'existing' : 'new');
  const [code, setCode] = useState(known?.code ?? '');
  const [secret, setSecret] = useState(known?.secret ?? '');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const ready =
    name.trim() && phone.trim() && (mode === 'new' ? summary.trim() : code.trim() && secret.trim());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    const body: BookingBody =
      mode === 'existing'
        ? {
            trackingCode: code.trim().toUpperCase(),
            secret: secret.trim(),
            name: name.trim(),
            phone: phone.trim(),
            ...(summary.trim() ? { summary: summary.trim() } : {}),
          }
        : { name: name.trim(), phone: phone.trim(), summary: summary.trim() };
    setBusy(true);
    setProblem(null);
    bookReception(day.id, body)
      .then(onBooked)
      .catch((err: unknown) => {
        setProblem(err);
        if (err instanceof ApiError && err.status === 409) onFull();
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="booking" onSubmit={onSubmit} aria-label={t('bookTitle', { date: date(day.date) })}>
      <fieldset className="ratings">
        <legend>{t('bookAs')}</legend>
        <label className={`pill${mode === 'existing' ? ' chosen' : ''}`}>
          <input
            type="radio"
            name={`mode-${day.id}`}
            checked={mode === 'existing'}
            onChange={() => setMode('existing')}
          />
          <span>{t('bookExisting')}</span>
        </label>
        <label className={`pill${mode === 'new' ? ' chosen' : ''}`}>
          <input
            type="radio"
            name={`mode-${day.id}`}
            checked={mode === 'new'}
            onChange={() => setMode('new')}
          />
          <span>{t('bookNew')}</span>
        </label>
      </fieldset>
      {mode === 'existing' ? (
        <>
          <Field label={t('trackingCode')}>
            {(p) => (
              <input
                {...p}
                name="trackingCode"
                required
                className="mono"
                autoComplete="off"
                spellCheck={false}
                value={code}
                maxLength={40}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('secret')}>
            {(p) => (
              <input
                {...p}
                name="secret"
                required
                className="mono"
                autoComplete="off"
                spellCheck={false}
                value={secret}
                maxLength={64}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      <Field label={t('contactName')}>
        {(p) => (
          <input
            {...p}
            name="name"
            required
            autoComplete="name"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('contactPhone')}>
        {(p) => (
          <input
            {...p}
            name="phone"
            required
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            maxLength={40}
            onChange={(e) => setPhone(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('summary')} hint={t('summaryHint')} optional={mode === 'existing'}>
        {(p) => (
          <textarea
            {...p}
            name="summary"
            required={mode === 'new'}
            rows={3}
            maxLength={2000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      <Problem error={problem} />
      <button type="submit" className="btn primary block" disabled={!ready || busy}>
        {busy ? t('booking') : t('bookSubmit')}
      </button>
    </form>
  );
}

function BookedCard({ booked, onDone }: { booked: Booked; onDone: () => void }) {
  const { t, date } = useLang();
  const h = useFocusHeading<HTMLHeadingElement>([booked.bookingCode]);
  return (
    <section className="card done" aria-labelledby="booked-h">
      <h2 id="booked-h" tabIndex={-1} ref={h}>
        <span className="tick" aria-hidden="true">
          ✓
        </span>{' '}
        {t('bookedTitle')}
      </h2>
      <p className="lead">
        {t('bookedWhen', { date: date(booked.date), time: booked.startTime, place: booked.place })} ·{' '}
        {t('slot', { n: booked.slot })}
      </p>
      <Credentials
        items={[
          { label: t('bookingCode'), value: booked.bookingCode, testId: 'booking-code' },
          { label: t('cancelSecret'), value: booked.cancelSecret, testId: 'cancel-secret' },
        ]}
        copyLabel={t('copy')}
        warning={t('bookedWarning')}
      />
      <button type="button" className="btn secondary" onClick={onDone}>
        {t('done')}
      </button>
    </section>
  );
}

function CancelCard({ onCancelled }: { onCancelled: () => void }) {
  const { t } = useLang();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState('');
  return (
    <section className="card" aria-labelledby="cancel-h">
      <h2 id="cancel-h">{t('cancelTitle')}</h2>
      <p className="hint">{t('cancelIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!code.trim() || !secret.trim() || busy) return;
          setBusy(true);
          setProblem(null);
          setDone('');
          cancelBooking(code, secret)
            .then(() => {
              setDone(t('cancelled', { code: code.trim() }));
              setCode('');
              setSecret('');
              onCancelled();
            })
            .catch((err: unknown) => setProblem(err))
            .finally(() => setBusy(false));
        }}
      >
        <Field label={t('bookingCode')}>
          {(p) => (
            <input
              {...p}
              name="bookingCode"
              required
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={code}
              maxLength={40}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('cancelSecret')}>
          {(p) => (
            <input
              {...p}
              name="cancelSecret"
              required
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={secret}
              maxLength={64}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        <Problem error={problem} />
        <p role="status" className="ok" data-testid="cancel-status">
          {done}
        </p>
        <button type="submit" className="btn secondary" disabled={!code.trim() || !secret.trim() || busy}>
          {busy ? t('cancelling') : t('cancelSubmit')}
        </button>
      </form>
    </section>
  );
}
