import type { Message } from '@qiao/core';

/** An error the client caused or may see: an HTTP status, a stable code and a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(messages.en);
  }
}

export const notFound = (what: { zh: string; en: string }) =>
  new AppError(404, 'notFound', { zh: `找不到${what.zh}`, en: `No such ${what.en}` });

export const forbidden = (messages: Message, code = 'forbidden') => new AppError(403, code, messages);

export const badRequest = (code: string, messages: Message, details?: Record<string, unknown>) =>
  new AppError(400, code, messages, details);

/** zh unless the client prefers English (Accept-Language, or ?lang=en). */
export function pickLanguage(acceptLanguage: string | undefined): 'zh' | 'en' {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
