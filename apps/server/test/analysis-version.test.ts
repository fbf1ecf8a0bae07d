// Fingerprints made by an older FINGERPRINT_VERSION (before words were told from trigrams by their hash and
// issue tags were kept) compare poorly with new ones: `qiao index --backfill` re-indexes them, once.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from '@qiao/core/text';
import { backfillIndex, hasStaleFingerprints } from '../src/analysis/indexing';
import { analysisFingerprints } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, register } from './support/http';

const body = (content: string, phone: string) => ({
  title: '反映拖欠工资',
  content,
  domain: 'labor',
  petitioners: [{ name: '吴六', phone }],
});

describe.skipIf(!available)(`fingerprint versions (${engineName})`, () => {
  const t = useTestApp();

  it('stores the current version, and backfill re-indexes older ones once', async () => {
    t.clock.set('2025-09-01');
    const text = '我们是在白沙镇枫林村水厂工地干活的工人，鑫瑞劳务分包有限公司拖欠我们工资一万四千元，请督促支付。';
    const { id } = await register(t, body(text, '13900000011'));
    const version = async () =>
      (await t.deps.db.select({ v: analysisFingerprints.version }).from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, id)))[0]?.v;
    expect(await version()).toBe(FINGERPRINT_VERSION);
    expect(await backfillIndex(t.deps.db, t.deps)).toBe(0);
    expect(await hasStaleFingerprints(t.deps.db)).toBe(false);

    // As migration 0004 leaves rows indexed before it; and as version 2 (before the issue words were tightened).
    for (const old of [1, FINGERPRINT_VERSION - 1]) {
      await t.deps.db.execute(sql`update analysis_fingerprints set fingerprint_version = ${old} where petition_id = ${id}`);
      expect(await hasStaleFingerprints(t.deps.db)).toBe(true); // serve says so at start
      expect(await backfillIndex(t.deps.db, t.deps)).toBe(1);
      expect(await version()).toBe(FINGERPRINT_VERSION);
      expect(await backfillIndex(t.deps.db, t.deps)).toBe(0);
      expect(await hasStaleFingerprints(t.deps.db)).toBe(false);
    }

    // The re-indexed petition is found again by a retelling.
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: '来电称鑫瑞劳务分包公司欠白沙镇水厂工地工人工资一万四千元未付。' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().similar as { id: string }[])[0]?.id).toBe(id);
  });
});
