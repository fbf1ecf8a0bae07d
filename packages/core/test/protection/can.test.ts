import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProcessCommandType } from '../../src/petition/index';
import {
  ACTIONS,
  ROLES,
  can,
  canAssignTo,
  matchesVisibility,
  visibilityFilter,
  type Action,
  type Actor,
  type DenialReason,
  type PetitionScope,
} from '../../src/protection/index';
import type { CommandType } from '../../src/protection/types';

// The world: a county petition office (330102) and its units, one town's proxy agent, and a petition elsewhere.
const actors = {
  clerk: actor('clerk', 'U-OFFICE', '330102', true),
  officeHandler: actor('handler', 'U-OFFICE', '330102', true),
  officeHead: actor('unitHead', 'U-OFFICE', '330102', true),
  handler: actor('handler', 'U-LABOR', '330102', false),
  unitHead: actor('unitHead', 'U-LABOR', '330102', false),
  leader: actor('leader', 'U-GOV', '330102', false),
  supervisor: actor('supervisor', 'U-OFFICE', '330102', true),
  admin: actor('admin', 'U-IT', '330102', false),
  proxyAgent: { ...actor('proxyAgent', 'U-COMMUNITY', '330102001', false), userId: 'u-proxy' },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

function actor(
  role: Actor['role'],
  unitId: string | null,
  jurisdictionCode: string,
  atPetitionOffice: boolean,
): Actor {
  return { userId: `u-${role}`, role, unitId, jurisdictionCode, atPetitionOffice };
}

function petition(overrides: Partial<PetitionScope>): PetitionScope {
  return {
    jurisdictionCode: '330212',
    registeringUnitId: 'U-NINGBO-OFFICE',
    currentUnitId: 'U-NINGBO',
    involvedUnitIds: ['U-NINGBO'],
    category: 'claim',
    respondentUnitId: null,
    submittedByUserId: null,
    ...overrides,
  };
}

/** A code one level inside the actor's jurisdiction. */
function childOf(code: string): string {
  return code.length === 6 ? `${code}003` : `${code}005`;
}

/** Petition situations, relative to the actor looking at them. */
const situations = {
  ownUnitCurrent: (a: Actor) =>
    petition({
      jurisdictionCode: a.jurisdictionCode,
      currentUnitId: a.unitId,
      involvedUnitIds: [a.unitId ?? '-'],
    }),
  ownUnitInvolvedBefore: (a: Actor) =>
    petition({
      jurisdictionCode: '330106',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: [a.unitId ?? '-', 'U-OTHER'],
    }),
  otherUnitInSubtree: (a: Actor) =>
    petition({
      jurisdictionCode: childOf(a.jurisdictionCode),
      registeringUnitId: 'U-TOWN-OFFICE',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: ['U-OTHER'],
    }),
  outside: () => petition({}),
  // A joint conference named the actor's unit a co-unit (协办): it sees the petition and adds opinions only.
  coUnit: (a: Actor) =>
    petition({
      jurisdictionCode: '330106',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: ['U-OTHER', a.unitId ?? '-'],
      coUnitIds: [a.unitId ?? '-'],
    }),
  // Everything that would grant access, and still nothing: the accused unit never sees the accusation.
  accusationAgainstOwnUnit: (a: Actor) =>
    petition({
      jurisdictionCode: a.jurisdictionCode,
      registeringUnitId: a.unitId ?? '-',
      currentUnitId: a.unitId,
      involvedUnitIds: [a.unitId ?? '-'],
      category: 'accusation',
      respondentUnitId: a.unitId,
      submittedByUserId: a.userId,
      coUnitIds: [a.unitId ?? '-'],
    }),
  accusationAgainstOtherUnit: (a: Actor) =>
    petition({
      jurisdictionCode: a.jurisdictionCode,
      currentUnitId: a.unitId,
      involvedUnitIds: [a.unitId ?? '-'],
      category: 'accusation',
      respondentUnitId: 'U-OTHER',
    }),
  // A claim (not an accusation) about the actor's own unit is handled by that unit as usual.
  claimAboutOwnUnit: (a: Actor) =>
    petition({
      jurisdictionCode: a.jurisdictionCode,
      currentUnitId: a.unitId,
      involvedUnitIds: [a.unitId ?? '-'],
      respondentUnitId: a.unitId,
    }),
  proxyOwn: () =>
    petition({
      jurisdictionCode: '330102001',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: ['U-OTHER'],
      submittedByUserId: 'u-proxy',
    }),
  proxyOther: () =>
    petition({
      jurisdictionCode: '330102001',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: ['U-OTHER'],
      submittedByUserId: 'u-proxy-2',
    }),
  noPetition: () => null,
} satisfies Record<string, (a: Actor) => PetitionScope | null>;
type Situation = keyof typeof situations;

// What each role may do where it may act; everything else is refused.
const OFFICE: Action[] = [
  'view',
  'register',
  'revealPersonalData',
  'assign',
  'forward',
  'divert',
  'decline',
  'decideObjection',
  'requestReview',
  'requestReReview',
  'rate',
  'supervise',
  // the office's bookkeeping (issue 6)
  'linkRepeat',
  'unlinkRepeat',
  'reclassify',
  'mergeInto',
  'mergeIn',
  // the joint conference (issue 5)
  'referToJointConference',
  'recordJointConferenceDecision',
];
// The office holding the petition itself: it answers a supervision notice on it, and supervises only other units.
const OFFICE_HOLDING: Action[] = [...OFFICE.filter((a) => a !== 'supervise'), 'answerSupervision'];
const CURRENT_HANDLER: Action[] = [
  'view',
  'revealPersonalData',
  'notifyReceipt',
  'accept',
  'decline',
  'object',
  'divert',
  'pause',
  'resume',
  'reply',
  'conclude',
  'answerSupervision',
  'decideReview',
  'decideReReview',
];
const CURRENT_HEAD: Action[] = [...CURRENT_HANDLER, 'extend'];
const VIEW_ONLY: Action[] = ['view'];
const CO_UNIT: Action[] = ['view', 'addCoUnitOpinion'];
const LEADER: Action[] = ['view', 'revealPersonalData'];
const SUPERVISOR: Action[] = ['view', 'supervise', 'listAudit'];
const SUPERVISOR_HOLDING: Action[] = ['view', 'listAudit'];
const ADMIN: Action[] = ['view', 'listAudit'];
const PROXY_OWN: Action[] = [
  'view',
  'register',
  'revealPersonalData',
  'requestReview',
  'requestReReview',
  'rate',
];
const NONE: Action[] = [];

interface Expectation {
  allowed: Action[];
  /** The reason every other action is refused with. */
  otherwise: DenialReason;
}
const ok = (allowed: Action[]): Expectation => ({ allowed, otherwise: 'role' });
const OUT: Expectation = { allowed: NONE, otherwise: 'outOfScope' };
const ACCUSED: Expectation = { allowed: NONE, otherwise: 'accused' };
/** An explicit outcome for each action, when one reason does not fit all refusals. */
interface PerAction {
  perAction: Record<string, 'allowed' | DenialReason>;
}

/** Without a petition only `register` and `listAudit` make sense; the rest is refused as out of scope. */
function noPetition(...allowed: Action[]): PerAction {
  return {
    perAction: Object.fromEntries(
      ACTIONS.map((a) => [
        a,
        allowed.includes(a) ? 'allowed' : a === 'register' || a === 'listAudit' ? 'role' : 'outOfScope',
      ]),
    ),
  };
}

const matrix: Record<ActorName, Record<Situation, Expectation | PerAction>> = {
  clerk: {
    ownUnitCurrent: ok(OFFICE_HOLDING),
    ownUnitInvolvedBefore: ok(OFFICE),
    otherUnitInSubtree: ok(OFFICE),
    outside: OUT,
    coUnit: ok(OFFICE),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(OFFICE_HOLDING),
    claimAboutOwnUnit: ok(OFFICE_HOLDING),
    proxyOwn: ok(OFFICE),
    proxyOther: ok(OFFICE),
    noPetition: noPetition('register'),
  },
  officeHandler: {
    ownUnitCurrent: ok(CURRENT_HANDLER),
    ownUnitInvolvedBefore: ok(VIEW_ONLY),
    otherUnitInSubtree: ok(VIEW_ONLY),
    outside: OUT,
    coUnit: ok(CO_UNIT),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(CURRENT_HANDLER),
    claimAboutOwnUnit: ok(CURRENT_HANDLER),
    proxyOwn: ok(VIEW_ONLY),
    proxyOther: ok(VIEW_ONLY),
    noPetition: noPetition(),
  },
  officeHead: {
    ownUnitCurrent: ok(CURRENT_HEAD),
    ownUnitInvolvedBefore: ok(VIEW_ONLY),
    otherUnitInSubtree: ok(VIEW_ONLY),
    outside: OUT,
    coUnit: ok(CO_UNIT),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(CURRENT_HEAD),
    claimAboutOwnUnit: ok(CURRENT_HEAD),
    proxyOwn: ok(VIEW_ONLY),
    proxyOther: ok(VIEW_ONLY),
    noPetition: noPetition(),
  },
  handler: {
    ownUnitCurrent: ok(CURRENT_HANDLER),
    ownUnitInvolvedBefore: ok(VIEW_ONLY),
    otherUnitInSubtree: OUT,
    outside: OUT,
    coUnit: ok(CO_UNIT),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(CURRENT_HANDLER),
    claimAboutOwnUnit: ok(CURRENT_HANDLER),
    proxyOwn: OUT,
    proxyOther: OUT,
    noPetition: noPetition(),
  },
  unitHead: {
    ownUnitCurrent: ok(CURRENT_HEAD),
    ownUnitInvolvedBefore: ok(VIEW_ONLY),
    otherUnitInSubtree: OUT,
    outside: OUT,
    coUnit: ok(CO_UNIT),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(CURRENT_HEAD),
    claimAboutOwnUnit: ok(CURRENT_HEAD),
    proxyOwn: OUT,
    proxyOther: OUT,
    noPetition: noPetition(),
  },
  leader: {
    ownUnitCurrent: ok(LEADER),
    ownUnitInvolvedBefore: ok(LEADER),
    otherUnitInSubtree: ok(LEADER),
    outside: OUT,
    coUnit: ok(LEADER),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(LEADER),
    claimAboutOwnUnit: ok(LEADER),
    proxyOwn: ok(LEADER),
    proxyOther: ok(LEADER),
    noPetition: noPetition(),
  },
  supervisor: {
    ownUnitCurrent: ok(SUPERVISOR_HOLDING),
    ownUnitInvolvedBefore: ok(SUPERVISOR),
    otherUnitInSubtree: ok(SUPERVISOR),
    outside: OUT,
    coUnit: ok(SUPERVISOR),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(SUPERVISOR_HOLDING),
    claimAboutOwnUnit: ok(SUPERVISOR_HOLDING),
    proxyOwn: ok(SUPERVISOR),
    proxyOther: ok(SUPERVISOR),
    noPetition: noPetition('listAudit'),
  },
  admin: {
    ownUnitCurrent: ok(ADMIN),
    ownUnitInvolvedBefore: ok(ADMIN),
    otherUnitInSubtree: ok(ADMIN),
    outside: OUT,
    coUnit: ok(ADMIN),
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: ok(ADMIN),
    claimAboutOwnUnit: ok(ADMIN),
    proxyOwn: ok(ADMIN),
    proxyOther: ok(ADMIN),
    noPetition: noPetition('listAudit'),
  },
  proxyAgent: {
    ownUnitCurrent: OUT,
    ownUnitInvolvedBefore: OUT,
    otherUnitInSubtree: OUT,
    outside: OUT,
    coUnit: OUT,
    accusationAgainstOwnUnit: ACCUSED,
    accusationAgainstOtherUnit: OUT,
    claimAboutOwnUnit: OUT,
    proxyOwn: ok(PROXY_OWN),
    proxyOther: OUT,
    noPetition: noPetition('register'),
  },
};

function expand(e: Expectation | PerAction): Record<string, 'allowed' | DenialReason> {
  if ('perAction' in e) return e.perAction;
  return Object.fromEntries(ACTIONS.map((a) => [a, e.allowed.includes(a) ? 'allowed' : e.otherwise]));
}

const rows = (Object.keys(matrix) as ActorName[]).flatMap((name) =>
  (Object.keys(situations) as Situation[]).map((situation) => ({
    name,
    situation,
    expected: expand(matrix[name][situation]),
  })),
);

describe('types', () => {
  it("protection's CommandType is the petition module's process commands", () => {
    expectTypeOf<CommandType>().toEqualTypeOf<ProcessCommandType>();
  });
});

describe('can: role × situation × action matrix', () => {
  it('covers every role', () => {
    expect(new Set(Object.values(actors).map((a) => a.role))).toEqual(new Set(ROLES));
  });

  it.each(rows)('$name on $situation', ({ name, situation, expected }) => {
    const a = actors[name];
    const p = situations[situation](a);
    const actual = Object.fromEntries(
      ACTIONS.map((action) => {
        const result = can(a, action, p);
        return [action, result.allowed ? 'allowed' : result.reason];
      }),
    );
    expect(actual).toEqual(expected);
  });
});

describe('can: details', () => {
  const p = situations.ownUnitCurrent(actors.handler);

  it('every refusal carries a Chinese and an English sentence', () => {
    for (const a of Object.values(actors)) {
      for (const make of Object.values(situations)) {
        for (const action of ACTIONS) {
          const result = can(a, action, make(a));
          if (result.allowed) continue;
          expect(result.message.zh).toMatch(/\p{Script=Han}/u);
          expect(result.message.zh).toMatch(/。$/);
          expect(result.message.en).toMatch(/^[A-Z][\x20-\x7e]+\.$/);
        }
      }
    }
  });

  it('a handler of the current unit is told that an extension needs the unit head (Art. 33)', () => {
    const result = can(actors.handler, 'extend', p);
    expect(result).toMatchObject({ allowed: false, reason: 'role' });
    expect(!result.allowed && result.message.zh).toContain('单位负责人');
    expect(can(actors.unitHead, 'extend', p)).toEqual({ allowed: true });
  });

  it('a unit that was involved but is no longer current is told it is not the current unit', () => {
    const earlier = situations.ownUnitInvolvedBefore(actors.handler);
    const result = can(actors.handler, 'reply', earlier);
    expect(result).toMatchObject({ allowed: false, reason: 'role' });
    expect(!result.allowed && result.message.en).toContain('not the one currently handling');
  });

  it('the reviewing unit decides the review while it is the current unit', () => {
    const review = petition({ currentUnitId: 'U-CITY', involvedUnitIds: ['U-LABOR', 'U-CITY'] });
    const cityHandler = actor('handler', 'U-CITY', '330100', false);
    expect(can(cityHandler, 'decideReview', review)).toEqual({ allowed: true });
    expect(can(actors.handler, 'decideReview', review)).toMatchObject({ allowed: false, reason: 'role' });
  });

  it('the accused rule wins for every role, even a proxy who submitted the accusation', () => {
    for (const a of Object.values(actors)) {
      const accusation = situations.accusationAgainstOwnUnit(a);
      for (const action of ACTIONS) expect(can(a, action, accusation)).toMatchObject({ reason: 'accused' });
    }
  });

  it('a unit answers the supervision notice issued to it once the petition has moved on; the office above supervises it', () => {
    // The county office was supervised by the city for sitting on the petition, then routed it to another unit.
    const routed = petition({
      jurisdictionCode: '330102',
      registeringUnitId: 'U-OFFICE',
      currentUnitId: 'U-OTHER',
      involvedUnitIds: ['U-OFFICE', 'U-OTHER'],
      supervisedUnitIds: ['U-OFFICE'],
    });
    for (const a of [actors.clerk, actors.officeHandler, actors.officeHead]) {
      expect(can(a, 'answerSupervision', routed)).toEqual({ allowed: true });
      expect(can(a, 'answerSupervision', { ...routed, supervisedUnitIds: [] })).toMatchObject({ reason: 'role' });
    }
    // The labour bureau, neither holding it nor supervised, answers nothing.
    const involved = { ...routed, involvedUnitIds: ['U-OFFICE', 'U-LABOR', 'U-OTHER'] };
    expect(can(actors.handler, 'answerSupervision', involved)).toMatchObject({ reason: 'role' });
    // While the county office holds it, a city supervisor may supervise it, the county office's own may not.
    const held = petition({
      jurisdictionCode: '330102',
      registeringUnitId: 'U-OFFICE',
      currentUnitId: 'U-OFFICE',
      currentUnitJurisdictionCode: '330102',
      involvedUnitIds: ['U-OFFICE'],
    });
    expect(can(actor('supervisor', 'U-CITY-OFFICE', '330100', true), 'supervise', held)).toEqual({ allowed: true });
    expect(can(actors.supervisor, 'supervise', held)).toMatchObject({ reason: 'role', message: { en: expect.stringContaining('Your own unit') } });
    // Another office of the same county does not supervise it either; nor does a county office one the city holds.
    expect(can(actor('clerk', 'U-OTHER-OFFICE', '330102', true), 'supervise', held)).toMatchObject({ message: { en: expect.stringContaining('only an office above') } });
    const atCity = petition({
      jurisdictionCode: '330102001',
      registeringUnitId: 'U-CITY-OFFICE',
      currentUnitId: 'U-CITY-OFFICE',
      currentUnitJurisdictionCode: '330100',
      involvedUnitIds: ['U-CITY-OFFICE'],
    });
    expect(can(actors.clerk, 'view', atCity)).toEqual({ allowed: true });
    expect(can(actors.clerk, 'supervise', atCity)).toMatchObject({ reason: 'role', message: { en: expect.stringContaining('only an office above') } });
    // Once a unit handles it, the county office supervises that unit as before.
    expect(can(actors.clerk, 'supervise', { ...atCity, currentUnitId: 'U-LABOR', currentUnitJurisdictionCode: '330102' })).toEqual({ allowed: true });
  });

  it('the accused rule holds for every unit an accusation is against, not only its respondent unit', () => {
    for (const a of Object.values(actors)) {
      if (a.unitId === null) continue;
      // The actor's unit is the second of two an accusation names (举报两个局互相推诿); the form's respondent is another.
      const accusation = { ...situations.accusationAgainstOwnUnit(a), respondentUnitId: 'U-ELSEWHERE', respondentUnitIds: ['U-ELSEWHERE', a.unitId] };
      for (const action of ACTIONS) expect(can(a, action, accusation)).toMatchObject({ reason: 'accused' });
      expect(matchesVisibility(visibilityFilter(a), accusation)).toBe(false);
      // The same petition as a claim: the units it names may handle it.
      expect(can(a, 'view', { ...accusation, category: 'claim' })).toEqual({ allowed: true });
    }
  });

  it('a unit role without a unit sees nothing, even a petition with no current unit', () => {
    const loose = actor('handler', null, '330102', false);
    expect(can(loose, 'view', petition({ currentUnitId: null, involvedUnitIds: [] }))).toMatchObject({
      reason: 'outOfScope',
    });
  });

  it('a jurisdiction role with an invalid jurisdiction code falls back to its own unit', () => {
    const broken = { ...actors.leader, jurisdictionCode: 'xx' };
    expect(can(broken, 'view', situations.otherUnitInSubtree(actors.leader))).toMatchObject({
      reason: 'outOfScope',
    });
    expect(can(broken, 'view', situations.ownUnitInvolvedBefore(broken))).toEqual({ allowed: true });
  });

  it('a city office sees its counties; a county office does not see its city or siblings', () => {
    const cityClerk = actor('clerk', 'U-CITY-OFFICE', '330100', true);
    expect(can(cityClerk, 'view', petition({ jurisdictionCode: '330102001' }))).toEqual({ allowed: true });
    expect(can(cityClerk, 'view', petition({ jurisdictionCode: '330100' }))).toEqual({ allowed: true });
    expect(can(actors.clerk, 'view', petition({ jurisdictionCode: '330100' }))).toMatchObject({
      reason: 'outOfScope',
    });
    expect(can(actors.clerk, 'view', petition({ jurisdictionCode: '330106' }))).toMatchObject({
      reason: 'outOfScope',
    });
  });

  it('a clerk sees what its office registered even when it is elsewhere now', () => {
    const sentUp = petition({ registeringUnitId: 'U-OFFICE' });
    expect(can(actors.clerk, 'view', sentUp)).toEqual({ allowed: true });
    expect(can(actors.handler, 'view', petition({ registeringUnitId: 'U-LABOR' }))).toMatchObject({
      reason: 'outOfScope',
    });
  });
});

describe('canAssignTo', () => {
  const accusation = petition({ category: 'accusation', respondentUnitId: 'U-LABOR' });
  it.each([
    ['accusation to the accused unit', accusation, 'U-LABOR', false],
    ['accusation to another unit', accusation, 'U-DISCIPLINE', true],
    ['claim about a unit to that unit', { ...accusation, category: 'claim' as const }, 'U-LABOR', true],
    ['suggestion with no respondent', petition({ category: 'suggestion' }), 'U-LABOR', true],
    ['accusation against no unit of ours', petition({ category: 'accusation' }), 'U-LABOR', true],
    ['accusation against two units to the second', petition({ category: 'accusation', respondentUnitId: 'U-LABOR', respondentUnitIds: ['U-HOUSING'] }), 'U-HOUSING', false],
    ['claim about two units to the second', petition({ category: 'claim', respondentUnitId: 'U-LABOR', respondentUnitIds: ['U-HOUSING'] }), 'U-HOUSING', true],
  ])('%s → %s', (_label, p, target, expected) => {
    expect(canAssignTo(p, target)).toBe(expected);
  });
});

describe('visibilityFilter', () => {
  it.each([
    [actors.clerk, { kind: 'jurisdiction', jurisdictionPrefix: '330102', unitId: 'U-OFFICE' }],
    [actor('leader', 'U-CITY-GOV', '330100', false), { kind: 'jurisdiction', jurisdictionPrefix: '3301' }],
    [actors.officeHandler, { kind: 'jurisdiction', jurisdictionPrefix: '330102' }],
    [actors.handler, { kind: 'unit', unitId: 'U-LABOR', excludeAccusationsAgainstUnitId: 'U-LABOR' }],
    [actors.proxyAgent, { kind: 'submittedBy', userId: 'u-proxy' }],
    [actor('unitHead', null, '330102', false), { kind: 'none' }],
  ])('%o → %o', (a, expected) => {
    expect(visibilityFilter(a)).toMatchObject(expected);
  });

  it('agrees with can on view for every actor and situation', () => {
    for (const a of Object.values(actors)) {
      for (const make of Object.values(situations)) {
        const p = make(a);
        if (p === null) continue;
        expect(matchesVisibility(visibilityFilter(a), p)).toBe(can(a, 'view', p).allowed);
      }
    }
  });
});
