import { eq } from 'drizzle-orm';
import { can, type PetitionScope } from '@qiao/core';
import type { Tx } from '../db/open';
import { users } from '../db/schema';
import { badRequest } from '../lib/errors';

type UserRow = typeof users.$inferSelect;

/**
 * Whether a user may own a petition (包案): an active leader who may see it by core's `can` — their area covers it
 * and it does not accuse their unit. The ownership route, its candidates and a ledger's 包案领导 all ask this.
 */
export function mayOwn(user: Pick<UserRow, 'id' | 'role' | 'active' | 'unitId' | 'jurisdictionCode'>, scope: PetitionScope): boolean {
  if (user.role !== 'leader' || !user.active) return false;
  const actor = { userId: user.id, role: 'leader' as const, unitId: user.unitId, jurisdictionCode: user.jurisdictionCode, atPetitionOffice: false };
  return can(actor, 'view', scope).allowed;
}

/** Why a leader may not own a petition, after who they are (a field, a name). */
export const cannotOwn = {
  zh: '不能包案此事项（不在其辖区，或是被检举控告单位的领导）',
  en: 'cannot own this petition (outside their area, or of the accused unit)',
};

/** The leader `leaderId` names as a petition's owner, or a 400 on `field` when they may not own it. */
export async function owningLeader(db: Tx, leaderId: string, scope: PetitionScope, field: string): Promise<UserRow> {
  const [leader] = await db.select().from(users).where(eq(users.id, leaderId));
  if (!leader || !mayOwn(leader, scope))
    throw badRequest(
      'unknownLeader',
      {
        zh: `${field}：该领导${cannotOwn.zh}`,
        en: `${field}: this leader ${cannotOwn.en}`,
      },
      { field },
    );
  return leader;
}
