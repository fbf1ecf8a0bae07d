import { desc, eq } from 'drizzle-orm';
import { can, type PetitionScope } from '@qiao/core';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { attachments, auditReads, users } from '../db/schema';
import { forbidden, notFound } from '../lib/errors';
import { revealedPetitioners } from './petitioners';
import { scopeOf, type Tx } from './repo';
import { maskedWords, visiblePetition } from './read';

/** Write an audit row for a read of personal data. Call inside the transaction that reads it. */
export async function auditRead(
  tx: Tx,
  row: { id: string; jurisdictionCode: string },
  actor: SessionUser,
  action: string,
  reason: string,
  fields: string[],
  at: Date,
) {
  await tx.insert(auditReads).values({
    petitionId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    userId: actor.userId,
    action,
    reason,
    fields,
    at,
  });
}

function require(actor: SessionUser, action: 'revealPersonalData' | 'listAudit', scope: PetitionScope) {
  const p = can(actor, action, scope);
  if (!p.allowed) throw forbidden(p.message);
}

/** Reveal the petitioners' personal data. The audit row commits with the read, or neither happens. */
export async function revealPetitioners(deps: Deps, actor: SessionUser, id: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    const row = await visiblePetition(tx, actor, id);
    require(actor, 'revealPersonalData', scopeOf(row));
    const list = await revealedPetitioners(tx, deps.keys, id);
    const fields = ['name', 'phone', 'idCard', 'address', 'email'].filter((f) =>
      list.some((p) => p[f as keyof typeof p] !== null),
    );
    // The words whole, when masking changed them: they are read with the petitioners, and audited with them.
    const masked = maskedWords(row, list);
    await auditRead(tx, row, actor, 'revealPersonalData', reason, masked.masked ? [...fields, 'content'] : fields, deps.now());
    return { petitioners: list, words: { title: row.title, content: row.content, demands: row.demands } };
  });
}

/** An attachment's bytes; scans and recordings carry personal data, so each download is audited too. */
export async function downloadAttachment(deps: Deps, actor: SessionUser, id: string, attachmentId: string) {
  return deps.db.transaction(async (tx) => {
    const row = await visiblePetition(tx, actor, id);
    const [file] = await tx.select().from(attachments).where(eq(attachments.id, attachmentId));
    if (!file || file.petitionId !== id) throw notFound({ zh: '该附件', en: 'attachment' });
    await auditRead(tx, row, actor, 'downloadAttachment', file.filename, ['attachment'], deps.now());
    return file;
  });
}

export async function listAudit(deps: Deps, actor: SessionUser, id: string) {
  const row = await visiblePetition(deps.db, actor, id);
  require(actor, 'listAudit', scopeOf(row));
  const rows = await deps.db
    .select({ audit: auditReads, username: users.username })
    .from(auditReads)
    .leftJoin(users, eq(users.id, auditReads.userId))
    .where(eq(auditReads.petitionId, id))
    .orderBy(desc(auditReads.at), desc(auditReads.id));
  return rows.map((r) => ({
    id: r.audit.id,
    at: r.audit.at.toISOString(),
    userId: r.audit.userId,
    username: r.username,
    action: r.audit.action,
    reason: r.audit.reason,
    fields: r.audit.fields,
  }));
}
