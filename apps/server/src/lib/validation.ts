import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import type { AppError } from './errors';

const zh = z.locales.zhCN().localeError;

export interface FieldIssue {
  field: string;
  zh: string;
  en: string;
}

/** Thrown by the validator: every issue with its field path and a message in both languages. */
export class ValidationFailure extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: FieldIssue[],
  ) {
    super(issues.map((i) => `${i.field}: ${i.en}`).join('; '));
  }
}

function localise(issue: z.core.$ZodIssue): string {
  // zod's Chinese for a pattern is the regular expression itself; a user reads the format the schema names.
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    const named = !issue.message.startsWith('Invalid') && /^[\w\-:./]{1,20}$/.test(issue.message);
    return named ? `格式不正确，应为 ${issue.message}` : '格式不正确';
  }
  // A refinement that speaks Chinese says so in its params (contracts' `bilingual`).
  if (issue.code === 'custom' && typeof issue.params?.zh === 'string') return issue.params.zh;
  const out = zh(issue as never);
  const text = typeof out === 'string' ? out : out?.message;
  return text ?? issue.message;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    en: issue.message,
    zh: localise(issue),
  }));
}

/** Like fastify-type-provider-zod's compiler, but keeps the issues whole so errors can speak both languages. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new ValidationFailure(httpPart ?? 'body', toFieldIssues(result.error)) };
  };

export type { AppError };
