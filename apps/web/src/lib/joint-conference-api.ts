import type { z } from 'zod';
import type { jointConferenceCommandBodies, SupervisionRecord } from '@qiao/contracts';
import { request } from './api';

type Bodies = typeof jointConferenceCommandBodies;
export type JointConferenceCommand = keyof Bodies;
export type JointConferenceBody<C extends JointConferenceCommand> = z.input<Bodies[C]>;

/** The joint conference's state on a petition (the `jointConference` field of its process state). */
export interface JointConferenceState {
  referredOn: string;
  decidedOn: string | null;
  leadUnit: { id: string } | null;
  coUnits: { id: string }[];
  replyDueOn: string | null;
}

export const jointConferenceApi = {
  command: <C extends JointConferenceCommand>(
    id: string,
    command: C,
    body: JointConferenceBody<C>,
    expectedVersion: number,
  ) =>
    request<{ version: number; status: string }>('POST', `/petitions/${id}/${command}`, {
      body: { ...body, expectedVersion },
    }),
  supervisionRecord: (unitId: string) =>
    request<SupervisionRecord>('GET', `/units/${encodeURIComponent(unitId)}/supervision`),
};
