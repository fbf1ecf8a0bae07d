import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/open';
import type { Keys } from './lib/crypto';
import type { ClockSettingsStore } from './settings/clock-settings';

/** What every service gets: the database, the keys, the clock (a fake one in tests) and the clock settings. */
export interface Deps {
  db: Db;
  keys: Keys;
  now: () => Date;
  clockSettings: ClockSettingsStore;
  tokenTtlSeconds: number;
  log?: FastifyBaseLogger;
  /** A classifier model retrained with the clerks' corrections (data folder), used instead of the shipped one when it exists. */
  modelPath?: string;
  /** Started with the demo data (`serve --demo`): only then does the sign-in page name the demo accounts. */
  demo?: boolean;
  /** An SMS gateway is configured (QIAO_SMS_WEBHOOK_URL): only then is a resident told a text is on its way. */
  smsGateway?: boolean;
}
