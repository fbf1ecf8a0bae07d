import { useEffect, useRef, useState, type FormEvent } from 'react';
import { appeal, downloadReply, rate, ratings, track, type PortalView, type Rating } from '../api';
import * as handoff from '../handoff';
import { useLang } from '../i18n';
import { Field, Problem, useFocusHeading } from '../ui';

export function TrackPage() {
  const { t } = useLang();
  const start = handoff.current();
  const wasRemembered = handoff.remembered() !== null;
  const [code, setCode] = useState(start?.code ?? '');
  const [secret, setSecret] = useState(start?.secret ?? '');
  const [rememberIt, setRememberIt] = useState(wasRemembered);
  const [view, setView] = useState<PortalView | null>(null);
  const [open, setOpen] = useState<handoff.Credentials | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const h = useFocusHeading<HTMLHeadingElement>([]);

  async function lookUp(c: string, s: string, keep: boolean) {
    setBusy(true);
    setProblem(null);
    setNote('');
    try {
      const v = await track(c, s);
      const creds = { code: v.trackingCode, secret: s };
      setView(v);
      setOpen(creds);
      handoff.setCurrent(creds);
      if (keep) handoff.remember(creds);
      else handoff.forget();
    } catch (e) {
      setView(null);
      setProblem(e);
    } finally {
      setBusy(false);
    }
  }

  // Opened right after submitting, or with a code remembered on this device: look it up at once.
  const autoLooked = useRef(false);
  useEffect(() => {
    if (autoLooked.current || !start) return;
    autoLooked.current = true;
    void lookUp(start.code, start.secret, wasRemembered);
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && code.trim() && secret.trim())
      void lookUp(code.trim().toUpperCase(), secret.trim(), rememberIt);
  };

  return (
    <section aria-labelledby="track-h">
      <h1 id="track-h" tabIndex={-1} ref={h}>
        {t('trackTitle')}
      </h1>
      <form className="card" onSubmit={onSubmit}>
        <p className="hint">{t('trackIntro')}</p>
        <Field label={t('trackingCode')}>
          {(p) => (
            <input
              {...p}
              name="trackingCode"
              required
              className="mono"
              autoComplete="off"
              autoCapitalize="characters"
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
              autoCapitalize="off"
              spellCheck={false}
              value={secret}
              maxLength={64}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={rememberIt}
            onChange={(e) => setRememberIt(e.target.checked)}
            aria-describedby="remember-hint"
          />
          <span>
            {t('remember')}
            <span className="hint" id="remember-hint">
              {t('rememberHint')}
            </span>
          </span>
        </label>
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy || !code.trim() || !secret.trim()}>
            {busy ? t('querying') : t('query')}
          </button>
          {wasRemembered || handoff.remembered() ? (
            <button
              type="button"
              className="btn secondary"
              onClick={() => {
                handoff.forget();
                handoff.setCurrent(null);
                setRememberIt(false);
                setCode('');
                setSecret('');
                setView(null);
                setNote(t('forgotten'));
              }}
            >
              {t('forget')}
            </button>
          ) : null}
        </div>
        <p role="status" className="status-note">
          {note}
        </p>
      </form>
      <Problem error={problem} />
      {view && open ? <CaseView view={view} creds={open} onChange={setView} /> : null}
    </section>
  );
}

function CaseView({
  view,
  creds,
  onChange,
}: {
  view: PortalView;
  creds: handoff.Credentials;
  onChange: (v: PortalView) => void;
}) {
  const { t, pick, date } = useLang();
  const h = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    h.current?.focus();
  }, [view.trackingCode]);
  return (
    <div className="case">
      <article className="card" aria-labelledby="case-h">
        <h2 id="case-h" tabIndex={-1} ref={h}>
          {view.title}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('trackingCode')}</dt>
            <dd className="mono">{view.trackingCode}</dd>
          </div>
          <div>
            <dt>{t('receivedOn')}</dt>
            <dd>{date(view.receivedOn)}</dd>
          </div>
          {view.handlingUnit ? (
            <div>
              <dt>{t('handlingUnit')}</dt>
              <dd>{view.handlingUnit}</dd>
            </div>
          ) : null}
        </dl>
        <div className={`status status-${view.status}`} data-testid="status">
          <span className="label">{t('status')}</span>
          <strong>{pick(view.statusText)}</strong>
        </div>
      </article>

      {view.mergedInto ? <MergedCard merged={view.mergedInto} /> : null}
      {view.reply ? <ReplyCard view={view} creds={creds} /> : null}
      {view.reply ? <RateCard view={view} creds={creds} onChange={onChange} /> : null}
      {view.reply ? <AppealCards view={view} creds={creds} onChange={onChange} /> : null}

      {view.deadlines.length ? (
        <section className="card" aria-labelledby="dl-h">
          <h2 id="dl-h">{t('deadlinesTitle')}</h2>
          <p className="hint">{t('deadlinesIntro')}</p>
          <ul className="deadlines">
            {view.deadlines.map((d) => (
              <li key={d.name} className={d.late ? 'late' : undefined}>
                <span className="what">{pick(d.label)}</span>
                <span className="when">
                  {t('dueOn', { date: date(d.due) })}
                  <span className={`badge ${d.late ? 'bad' : d.status}`}>
                    {d.late ? t('late') : t(`clock_${d.status}`)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="tl-h">
        <h2 id="tl-h">{t('timelineTitle')}</h2>
        <ol className="timeline">
          {[...view.timeline].reverse().map((e, i) => (
            <li key={`${e.on}-${i}`}>
              <time dateTime={e.on}>{date(e.on)}</time>
              <span className="what">{pick(e.summary)}</span>
              {e.unit ? <span className="unit">{e.unit}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/**
 * A petition merged into a collective one: how that one stands, in plain words. The API gives no number, names
 * or reply text of the collective petition (other residents' matter), and none is shown.
 */
function MergedCard({ merged }: { merged: NonNullable<PortalView['mergedInto']> }) {
  const { t, pick, date } = useLang();
  return (
    <section className="card merged" aria-labelledby="merged-h" data-testid="merged">
      <h2 id="merged-h">{t('mergedTitle')}</h2>
      <p>{t('mergedIntro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('mergedStatus')}</dt>
          <dd>
            <strong>{pick(merged.statusText)}</strong>
          </dd>
        </div>
        {merged.handlingUnit ? (
          <div>
            <dt>{t('handlingUnit')}</dt>
            <dd>{merged.handlingUnit}</dd>
          </div>
        ) : null}
      </dl>
      {merged.reply ? (
        <p role="status">{t('mergedReply', { date: date(merged.reply.issuedOn), outcome: pick(merged.reply.outcomeText) })}</p>
      ) : null}
      {merged.deadlines.length ? (
        <>
          <h3>{t('mergedDeadlines')}</h3>
          <ul className="deadlines">
            {merged.deadlines.map((d) => (
              <li key={d.name} className={d.late ? 'late' : undefined}>
                <span className="what">{pick(d.label)}</span>
                <span className="when">
                  {t('dueOn', { date: date(d.due) })}
                  <span className={`badge ${d.late ? 'bad' : d.status}`}>{d.late ? t('late') : t(`clock_${d.status}`)}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ReplyCard({ view, creds }: { view: PortalView; creds: handoff.Credentials }) {
  const { t, pick, date } = useLang();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const reply = view.reply!;
  return (
    <section className="card reply" aria-labelledby="reply-h">
      <h2 id="reply-h">{t('replyTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('outcome')}</dt>
          <dd>
            <strong>{pick(reply.outcomeText)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('issuedOn')}</dt>
          <dd>{date(reply.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('deliveredOn')}</dt>
          <dd>{date(reply.deliveredOn)}</dd>
        </div>
      </dl>
      <blockquote className="reply-text">{reply.text}</blockquote>
      {view.review?.decidedOn ? (
        <>
          <h3>{t('reviewDecided', { date: date(view.review.decidedOn) })}</h3>
          {view.review.text ? <blockquote className="reply-text">{view.review.text}</blockquote> : null}
        </>
      ) : null}
      {view.reReview?.decidedOn ? (
        <>
          <h3>{t('reReviewDecided', { date: date(view.reReview.decidedOn) })}</h3>
          {view.reReview.text ? <blockquote className="reply-text">{view.reReview.text}</blockquote> : null}
        </>
      ) : null}
      <button
        type="button"
        className="btn secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setProblem(null);
          downloadReply(creds.code, creds.secret)
            .catch((e: unknown) => setProblem(e))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('downloading') : t('download')}
      </button>
      <Problem error={problem} />
    </section>
  );
}

function RateCard({
  view,
  creds,
  onChange,
}: {
  view: PortalView;
  creds: handoff.Credentials;
  onChange: (v: PortalView) => void;
}) {
  const { t } = useLang();
  const [rating, setRating] = useState<Rating | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const known = (r: string): r is Rating => (ratings as string[]).includes(r);
  if (view.rating) {
    return (
      <section className="card" aria-labelledby="rate-h">
        <h2 id="rate-h">{t('rateTitle')}</h2>
        <p role="status" data-testid="rating">
          {t('yourRating', { rating: known(view.rating) ? t(`rating_${view.rating}`) : view.rating })}
        </p>
      </section>
    );
  }
  if (!view.canRate) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating || busy) return;
    setBusy(true);
    setProblem(null);
    rate(creds.code, creds.secret, rating, comment)
      .then(onChange)
      .catch((err: unknown) => setProblem(err))
      .finally(() => setBusy(false));
  };
  return (
    <section className="card" aria-labelledby="rate-h">
      <h2 id="rate-h">{t('rateTitle')}</h2>
      <form onSubmit={onSubmit}>
        <fieldset className="ratings">
          <legend>{t('rateIntro')}</legend>
          {ratings.map((r) => (
            <label key={r} className={`pill${rating === r ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="rating"
                value={r}
                checked={rating === r}
                onChange={() => setRating(r)}
              />
              <span>{t(`rating_${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field label={t('comment')} optional>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <Problem error={problem} />
        <button type="submit" className="btn primary" disabled={!rating || busy}>
          {t('sendRating')}
        </button>
      </form>
    </section>
  );
}

function AppealCards({
  view,
  creds,
  onChange,
}: {
  view: PortalView;
  creds: handoff.Credentials;
  onChange: (v: PortalView) => void;
}) {
  const { t, date } = useLang();
  const reviewDecided = Boolean(view.review?.decidedOn);
  return (
    <>
      {!reviewDecided ? (
        <section className="card" aria-labelledby="review-h">
          <h2 id="review-h">{t('reviewTitle')}</h2>
          {view.review ? (
            <p role="status" data-testid="review-status">
              {t('reviewRequested')}
            </p>
          ) : view.reviewWindow?.open ? (
            <AppealForm
              intro={`${t('reviewIntro')}${t('reviewOpenUntil', { date: date(view.reviewWindow.closesOn) })}`}
              submitLabel={t('sendReview')}
              send={(reason) => appeal(creds.code, creds.secret, 'requestReview', reason)}
              onChange={onChange}
            />
          ) : view.reviewWindow ? (
            <p className="refusal">{t('reviewClosed', { date: date(view.reviewWindow.closesOn) })}</p>
          ) : (
            <p className="hint">{t('reviewIntro')}</p>
          )}
        </section>
      ) : (
        <section className="card" aria-labelledby="rereview-h">
          <h2 id="rereview-h">{t('reReviewTitle')}</h2>
          {view.reReview ? (
            <p role="status">{t('reReviewRequested')}</p>
          ) : view.reReviewWindow?.open ? (
            <AppealForm
              intro={`${t('reReviewIntro')}${t('reviewOpenUntil', { date: date(view.reReviewWindow.closesOn) })}`}
              submitLabel={t('sendReReview')}
              send={(reason) => appeal(creds.code, creds.secret, 'requestReReview', reason)}
              onChange={onChange}
            />
          ) : view.reReviewWindow ? (
            <p className="refusal">{t('reReviewClosed', { date: date(view.reReviewWindow.closesOn) })}</p>
          ) : (
            <p className="hint">{t('reReviewIntro')}</p>
          )}
        </section>
      )}
    </>
  );
}

function AppealForm({
  intro,
  submitLabel,
  send,
  onChange,
}: {
  intro: string;
  submitLabel: string;
  send: (reason: string) => Promise<PortalView>;
  onChange: (v: PortalView) => void;
}) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim() || busy) return;
        setBusy(true);
        setProblem(null);
        send(reason)
          .then(onChange)
          .catch((err: unknown) => setProblem(err))
          .finally(() => setBusy(false));
      }}
    >
      <p className="hint window">{intro}</p>
      <Field label={t('reason')} hint={t('reasonHint')}>
        {(p) => (
          <textarea
            {...p}
            required
            rows={4}
            maxLength={5000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <Problem error={problem} />
      <button type="submit" className="btn primary" disabled={!reason.trim() || busy}>
        {submitLabel}
      </button>
    </form>
  );
}
