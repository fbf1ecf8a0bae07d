import { z } from 'zod';
import { IsoDate, bilingual } from './message';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ReceptionDayBody = z
  .object({
    date: IsoDate,
    startTime: Time,
    endTime: Time,
    place: z.string().trim().min(1).max(200),
    topics: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
    capacity: z.number().int().min(1).max(500),
    leaderUserId: z.uuid().optional().describe('Publishing for a leader (petition office); default: yourself'),
    leaderTitle: z.string().trim().min(1).max(60).default('领导'),
  })
  .refine((b) => b.startTime < b.endTime, { ...bilingual('结束时间须晚于开始时间', 'must be later than startTime'), path: ['endTime'] });

export const ReceptionDayView = z.object({
  id: z.uuid(),
  date: IsoDate,
  startTime: z.string(),
  endTime: z.string(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  place: z.string(),
  topics: z.array(z.string()),
  capacity: z.number().int(),
  remaining: z.number().int(),
  jurisdictionCode: z.string(),
});

export const BookingBody = z.object({
  trackingCode: z.string().max(40).optional().describe('Book about a petition you already submitted'),
  secret: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(60),
  phone: z.string().trim().min(1).max(40),
  summary: z.string().trim().max(2000).optional().describe('A new matter, in a few words'),
});

export const BookingCreated = z.object({
  bookingCode: z.string(),
  cancelSecret: z.string().describe('Shown once: needed to cancel'),
  date: IsoDate,
  startTime: z.string(),
  place: z.string(),
  slot: z.number().int(),
});

export const DayBookingView = z.object({
  slot: z.number().int(),
  bookingCode: z.string(),
  name: z.string().describe('Masked'),
  phone: z.string().describe('Masked'),
  summary: z.string().nullable(),
  status: z.string(),
  petition: z
    .object({
      id: z.uuid(),
      trackingCode: z.string(),
      title: z.string(),
      status: z.string(),
      history: z.array(z.object({ on: IsoDate, summary: z.object({ zh: z.string(), en: z.string() }) })),
    })
    .nullable(),
});
