import type { z } from 'zod';
import type { DayBookingView, ReceptionDayBody, ReceptionDayView } from '@qiao/contracts';
import { request } from './api';

export type ReceptionDay = z.infer<typeof ReceptionDayView>;
export type ReceptionDayInput = z.input<typeof ReceptionDayBody>;
export type DayBooking = z.infer<typeof DayBookingView>;
export interface ReceptionLeader {
  id: string;
  name: string;
  jurisdictionCode: string;
}

/** An in-app notice (GET /api/notifications): a proxy agent's reminders, among others. */
export interface Notice {
  id: number;
  petitionId: string | null;
  template: string;
  text: string;
  createdAt: string;
  read: boolean;
}

/** Leaders' reception days (领导接访日) for the petition office and the leaders, and the agents' reminders. */
export const receptionApi = {
  days: () => request<ReceptionDay[]>('GET', '/reception-days'),
  day: (id: string) => request<ReceptionDay>('GET', `/reception-days/${id}`),
  leaders: () => request<ReceptionLeader[]>('GET', '/reception-days/leaders'),
  publish: (body: ReceptionDayInput) => request<ReceptionDay>('POST', '/reception-days', { body }),
  bookings: (id: string) => request<DayBooking[]>('GET', `/reception-days/${id}/bookings`),
  notices: () => request<{ unread: number; items: Notice[] }>('GET', '/notifications'),
  markRead: (ids: number[]) => request<{ updated: number }>('POST', '/notifications/read', { body: { ids } }),
};
