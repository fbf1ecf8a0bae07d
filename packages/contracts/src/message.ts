import { z } from 'zod';

/** Text in both languages. Its own module so the feature contracts can use it without importing the index. */
export const Message = z.object({ zh: z.string(), en: z.string() });
