import { createTransport } from 'nodemailer';
import { maskPhone } from '@qiao/core';
import type { OutgoingMessage, Sender, Senders } from './deliver';

/** Development: says that a message would go out, without its body (an SMS may carry a tracking secret). */
export function consoleSender(write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Sender {
  return {
    async send(m: OutgoingMessage) {
      const to = m.channel === 'sms' ? maskPhone(m.recipient) : m.recipient.replace(/^(.).*(@.*)$/, '$1***$2');
      write(`[outbox] ${m.channel} ${m.template} → ${to} (${m.body.length} chars)`);
    },
  };
}

/** An SMS gateway reached by HTTP: POST {to, text} as JSON; any non-2xx answer is retried later. */
export function smsWebhookSender(url: string, token?: string): Sender {
  return {
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: m.recipient, text: m.body, reference: String(m.id) }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function smtpSender(url: string, from: string): Sender {
  const transport = createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.recipient, subject: '信访事项通知 / Petition notice', text: m.body });
    },
  };
}

/** Senders from the environment: QIAO_SMS_WEBHOOK_URL (+ QIAO_SMS_WEBHOOK_TOKEN), QIAO_SMTP_URL + QIAO_MAIL_FROM. */
export function sendersFromEnv(env: NodeJS.ProcessEnv = process.env): Senders {
  const fallback = consoleSender();
  return {
    sms: env.QIAO_SMS_WEBHOOK_URL ? smsWebhookSender(env.QIAO_SMS_WEBHOOK_URL, env.QIAO_SMS_WEBHOOK_TOKEN) : fallback,
    email: env.QIAO_SMTP_URL ? smtpSender(env.QIAO_SMTP_URL, env.QIAO_MAIL_FROM ?? 'qiao@localhost') : fallback,
  };
}
