/**
 * The text of an in-app notice in both languages. The outbox row keeps one encrypted body; for in-app notices
 * it holds both texts as a small JSON envelope, and `/api/notifications` answers in the reader's language.
 * Rows written before the envelope (plain Chinese text) are read as they are, in either language.
 * Messages to residents (SMS, email) and webhook bodies stay single texts: they are not in-app notices.
 */
export interface NoticeText {
  zh: string;
  en: string;
}

const MARK = 'qiaoNotice';

/** The body to encrypt into `outbox.body_enc` for an in-app notice. */
export function noticeBody(text: NoticeText): string {
  return JSON.stringify({ [MARK]: 1, zh: text.zh, en: text.en });
}

/** A decrypted body in the reader's language: an envelope gives that language, an older plain text itself. */
export function noticeIn(body: string, lang: 'zh' | 'en'): string {
  if (!body.startsWith('{')) return body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    if (parsed[MARK] !== 1) return body;
    const text = parsed[lang] ?? parsed.zh;
    return typeof text === 'string' ? text : body;
  } catch {
    return body;
  }
}
