// The demo's leader ownership (包案): the petition offices give each leader a few of the hardest open cases in
// their area (collective, repeated or supervised), with a resolution plan and the progress recorded so far, and
// one case the leader already saw resolved, so a leader signing in to the demo finds their own cases.
import { addDays, compareDates, daysBetween, isWithin, terminalStatuses, type Domain, type PetitionState } from '@qiao/core';
import type { petitionOwners } from '../db/schema';
import type { Rng } from './random';
import type { User } from './types';

type OwnerRow = typeof petitionOwners.$inferInsert;

/** Open cases a leader takes, and ones they saw resolved, each. */
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

/** A hard case: one a leader should own rather than leave to routine handling. */
function weight(s: PetitionState): number {
  return (s.collective ? 3 + Math.min(s.headcount, 50) / 10 : 0) + (s.repeatOf ? 2 : 0) + s.supervisions.length * 2 + (s.review ? 2 : 0);
}

/**
 * Owner rows for the demo: the city's leader first (the largest collective cases anywhere), then each county's
 * in its county; a case has one owner. Open cases get plans with steps due ahead and progress up to today; the
 * resolved one is a concluded or closed collective case.
 */
export function demoOwners(rng: Rng, states: readonly PetitionState[], leaders: readonly Leader[], today: string): OwnerRow[] {
  const taken = new Set<string>();
  const rows: OwnerRow[] = [];
  const byWeight = states.filter((s) => weight(s) >= 2).sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
  for (const leader of leaders) {
    const mine = byWeight.filter((s) => !taken.has(s.id) && isWithin(s.jurisdictionCode, leader.user.jurisdictionCode));
    const open = mine.filter((s) => !terminalStatuses.includes(s.status) && s.status !== 'concluded' && s.status !== 'reviewed').slice(0, OPEN_CASES);
    const resolved = mine.filter((s) => s.status === 'concluded' || s.status === 'closed').slice(0, RESOLVED_CASES);
    for (const s of open) rows.push(ownerRow(rng, s, leader, today, 'active'));
    for (const s of resolved) rows.push(ownerRow(rng, s, leader, today, 'resolved'));
    for (const s of [...open, ...resolved]) taken.add(s.id);
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
    return { text, due, done: status === 'resolved' || compareDates(due, today) < 0 };
  });
  const notes = status === 'resolved' ? 2 : Math.min(progressNotes.length - 1, Math.floor(elapsed / 10));
  const progress = Array.from({ length: notes }, (_, i) => ({
    on: addDays(assignedOn, Math.min(elapsed, (i + 1) * 7)),
    text: progressNotes[i]!,
    by: leader.user.displayName,
  }));
  if (status === 'resolved') progress.push({ on: addDays(assignedOn, Math.min(elapsed, 21)), text: '双方达成一致，信访人表示满意，包案化解结案', by: leader.user.displayName });
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
