import { z } from 'zod';
import { isIsoDate } from '@qiao/core';

/** Text in both languages. Its own module so the feature contracts can use it without importing the index. */
export const Message = z.object({ zh: z.string(), en: z.string() });

/**
 * A refinement's message in both languages: English as zod's message, Chinese as the issue's `params.zh`, which the
 * server's validator answers with in zh (zod's own Chinese for a refinement is only "无效输入").
 * Use as `.refine(check, bilingual('…', '…'))`, adding `path` where the issue belongs to one field.
 */
export const bilingual = (zh: string, en: string) => ({ error: en, params: { zh } });

/** A real calendar date as YYYY-MM-DD (core's isIsoDate: 2026-02-30 is refused, not only 2026-13-45). */
export const IsoDate = z.string().refine(isIsoDate, bilingual('应为真实存在的日期（YYYY-MM-DD）', 'a real date as YYYY-MM-DD'));
