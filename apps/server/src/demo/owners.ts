// The demo's leader ownership (包案): the petition offices give each leader a few of the hardest open matters their
// area holds (collective, repeated, supervised or under review), with a resolution plan and the progress recorded
// so far, and one matter the leader already saw resolved, so a leader signing in to the demo finds their own cases.
import { addDays, compareDates, daysBetween, maxDate, respondentUnitIdsOf, terminalStatuses, type Domain, type PetitionState } from '@qiao/core';
import type { petitionOwners } from '../db/schema';
import { mayOwn } from '../ownership/leaders';
import type { Rng } from './random';
import type { User } from './types';

type OwnerRow = typeof petitionOwners.$inferInsert;

/** Open cases a leader owns, and ones they saw resolved, each. */
const OPEN_CASES = 4;
const RESOLVED_CASES = 1;

/** What a leader's plan does about a domain's matter, before the steps every plan has. */
const domainStep: Partial<Record<Domain, string>> = {
  labor: '约谈欠薪企业负责人，会同人社部门核实欠薪人数和金额',
  land: '会同自然资源部门核对征收补偿标准和安置方案',
  housing: '协调住建部门和开发企业，制定复工交房时间表',
  propertyManagement: '召集街道、业委会和物业企业三方协商',
  education: '会同教育部门核实学位分配情况',
  health: '请卫健部门组织医疗纠纷调解',
  environment: '请生态环境部门现场监测并通报结果',
  urbanConstruction: '会同城管和住建部门现场踏勘',
  socialSecurity: '会同民政、社保部门逐户核实待遇',
  agriculture: '会同农业农村部门核实承包合同和补贴发放',
};

const progressNotes = [
  '已召开包案协调会，明确牵头单位和办理时限',
  '已与信访人面谈，听取诉求并说明办理进展',
  '责任单位已提交核查报告，正在研究化解方案',
  '已约谈相关单位负责人，要求按时限落实',
];

export interface Leader {
  user: User;
  id: string;
  /** The user id of the petition office's clerk who assigns the leader. */
  assignedBy: string;
}

/** How hard a matter is: one a leader should own rather than leave to routine handling scores 2 or more. */
function weight(s: PetitionState): number {
  return (s.collective ? 3 + Math.min(s.headcount, 50) / 10 : 0) + (s.repeatOf ? 2 : 0) + s.supervisions.length * 2 + (s.review ? 2 : 0);
}

/** May this leader own the petition: the ownership route's own test (`mayOwn`: core `can`, never an accused unit). */
function mayOwnMatter(leader: Leader, s: PetitionState): boolean {
  // The demo holds states, not rows: the scope `scopeOf` would read from the row, from the state.
  const scope = {
    jurisdictionCode: s.jurisdictionCode,
    registeringUnitId: s.registeringUnit.id,
    currentUnitId: s.currentUnit?.id ?? null,
    involvedUnitIds: s.involvedUnitIds,
    category: s.category,
    respondentUnitId: s.respondentUnitId,
    respondentUnitIds: respondentUnitIdsOf(s),
    submittedByUserId: null,
    coUnitIds: [],
  };
  return mayOwn({ ...leader.user, id: leader.id, active: true }, scope);
}

/**
 * Owner rows for the demo: the leaders in the order given (the city's first), each taking the hardest open
 * petitions they may see and one concluded petition that was resolved to the petitioner's satisfaction and not
 * petitioned again. A matter (a petition with its repeats and the petitions merged into it) has one owner.
 */
export function demoOwners(rng: Rng, states: readonly PetitionState[], leaders: readonly Leader[], today: string): OwnerRow[] {
  const byId = new Map(states.map((s) => [s.id, s]));
  const matterOf = (s: PetitionState): string => {
    let at = s;
    for (let hops = 0; hops < 50; hops++) {
      const up = at.mergedInto ?? at.repeatOf;
      const next = up ? byId.get(up) : undefined;
      if (!next) break;
      at = next;
    }
    return at.id;
  };
  const repeated = new Set(states.flatMap((s) => (s.repeatOf ? [s.repeatOf] : [])));
  const taken = new Set<string>();
  const rows: OwnerRow[] = [];
  const byWeight = states.filter((s) => weight(s) >= 2).sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
  const take = (s: PetitionState, leader: Leader, status: 'active' | 'resolved') => {
    taken.add(matterOf(s));
    rows.push(ownerRow(rng, s, leader, today, status));
  };
  for (const leader of leaders) {
    const free = (s: PetitionState) => !taken.has(matterOf(s)) && mayOwnMatter(leader, s);
    const open = byWeight.filter((s) => !terminalStatuses.includes(s.status) && s.status !== 'concluded' && s.status !== 'reviewed' && free(s));
    for (const s of open.slice(0, OPEN_CASES)) if (!taken.has(matterOf(s))) take(s, leader, 'active');
    const resolved = byWeight.filter(
      (s) => (s.status === 'concluded' || s.status === 'closed') && s.resolved === true && s.rating !== 'dissatisfied' && !repeated.has(s.id) && free(s),
    );
    for (const s of resolved.slice(0, RESOLVED_CASES)) take(s, leader, 'resolved');
  }
  return rows;
}

function ownerRow(rng: Rng, s: PetitionState, leader: Leader, today: string, status: 'active' | 'resolved'): OwnerRow {
  const age = Math.max(0, daysBetween(s.receivedOn, today));
  const assignedOn = addDays(s.receivedOn, Math.min(age, rng.int(3, 15)));
  const targetOn = addDays(assignedOn, rng.int(30, 60));
  const first = domainStep[s.domain];
  const texts = [...(first ? [first] : []), '面见信访人代表，听取诉求', '形成化解方案，书面答复信访人并回访'];
  const elapsed = Math.max(0, daysBetween(assignedOn, today));
  const steps = texts.map((text, i) => {
    const due = addDays(assignedOn, Math.round(((i + 1) * (daysBetween(assignedOn, targetOn) || 1)) / texts.length));
    // The last step (the written answer and the return visit) is done only when the matter is resolved.
    const last = i === texts.length - 1;
    return { text, due, done: status === 'resolved' || (!last && compareDates(due, today) < 0) };
  });
  const notes = status === 'resolved' ? 2 : Math.min(progressNotes.length - 1, Math.floor(elapsed / 10));
  const progress = Array.from({ length: notes }, (_, i) => ({
    on: addDays(assignedOn, Math.min(elapsed, (i + 1) * 7)),
    text: progressNotes[i]!,
    by: leader.user.displayName,
  }));
  if (status === 'resolved')
    progress.push({ on: maxDate(s.concludedOn ?? assignedOn, assignedOn), text: '问题已解决，信访人对处理结果表示满意，包案化解结案', by: leader.user.displayName });
  return {
    petitionId: s.id,
    jurisdictionCode: s.jurisdictionCode,
    leaderUserId: leader.id,
    assignedBy: leader.assignedBy,
    assignedAt: new Date(`${assignedOn}T01:30:00Z`),
    plan: { steps },
    targetOn,
    progress,
    status,
  };
}
