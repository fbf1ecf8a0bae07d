import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api';
import { useLang } from './i18n';
import { hasNavigated } from './router';

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field({
  label,
  hint,
  error,
  optional,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { t } = useLang();
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="opt">{t('optional')}</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {error ? (
        <p className="error-text" id={errId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A refusal or failure from the server, in the language on screen. */
export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const text = error instanceof ApiError ? pick(error.messages) : t('networkError');
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{text}</p>
      {/* Asking again helps when the network or the server failed, or after a rate limit, not when the request itself was refused. */}
      {onRetry && !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) ? (
        <button type="button" className="btn secondary small" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // older phones and plain http: fall back to a selection
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useLang();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="btn secondary"
        onClick={() => {
          void writeClipboard(text).then((ok) => setState(ok ? 'copied' : 'failed'));
        }}
      >
        {label}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}

/** Codes shown once, large, with a copy button and a warning to keep them. */
export function Credentials({
  items,
  copyLabel,
  warning,
}: {
  items: { label: string; value: string; testId: string }[];
  copyLabel: string;
  warning: string;
}) {
  const text = items.map((i) => `${i.label}: ${i.value}`).join('\n');
  return (
    <div className="credentials">
      <dl>
        {items.map((i) => (
          <div key={i.label}>
            <dt>{i.label}</dt>
            <dd className="code" data-testid={i.testId}>
              {i.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="row">
        <CopyButton text={text} label={copyLabel} />
      </div>
      <p className="warning" role="note">
        {warning}
      </p>
    </div>
  );
}

/** Move focus to a page's heading when it appears, so a screen reader announces the new page. */
export function useFocusHeading<T extends HTMLElement>(deps: unknown[]) {
  const ref = useRef<T>(null);
  const runs = useRef(0);
  useEffect(() => {
    // Not on the first page a visitor opens: only after they move within the portal.
    if (runs.current++ > 0 || hasNavigated()) ref.current?.focus();
  }, deps);
  return ref;
}
