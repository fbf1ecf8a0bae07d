import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BookingBody, BookingCreated, DayBookingView, ErrorBody, ReceptionDayBody, ReceptionDayView } from '@qiao/contracts';
import type { Deps } from '../context';
import { bookSlot, cancelBooking, dayBookings, publishReceptionDay, receptionDay, receptionLeaders, upcomingDays } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

/** Staff side: leaders (or their petition office) publish reception days and see each day's list. */
export const receptionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '',
      {
        schema: {
          tags: ['reception days'],
          summary: '领导接访日 Publish a reception day with topics, place and slots',
          body: ReceptionDayBody,
          response: { 201: ReceptionDayView, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await publishReceptionDay(deps, await req.user(), req.body)),
    );
    app.get(
      '',
      { schema: { tags: ['reception days'], summary: 'Upcoming reception days in your area', response: { 200: z.array(ReceptionDayView), ...errors } } },
      async (req) => upcomingDays(deps, (await req.user()).jurisdictionCode),
    );
    app.get(
      '/leaders',
      {
        schema: {
          tags: ['reception days'],
          summary: 'The leaders you may publish a reception day for (a leader: yourself; the petition office: its area’s)',
          response: { 200: z.array(z.object({ id: z.string(), name: z.string(), jurisdictionCode: z.string() })), ...errors },
        },
      },
      async (req) => receptionLeaders(deps, await req.user()),
    );
    app.get(
      '/:id',
      {
        schema: {
          tags: ['reception days'],
          summary: 'One reception day (past ones too), for the receiving leader or the petition office',
          params: z.object({ id: z.uuid() }),
          response: { 200: ReceptionDayView, ...errors },
        },
      },
      async (req) => receptionDay(deps, await req.user(), req.params.id),
    );
    app.get(
      '/:id/bookings',
      {
        schema: {
          tags: ['reception days'],
          summary: "The day's list: who booked (masked) and each petition's history",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.array(DayBookingView), ...errors },
        },
      },
      async (req) => dayBookings(deps, await req.user(), req.params.id),
    );
  };

/** Resident side, registered inside the portal plugin (so its rate limits apply). */
export function portalReception(app: Parameters<FastifyPluginAsyncZod>[0], deps: Deps, lookups: number) {
  app.get(
    '/reception-days',
    {
      config: { rateLimit: { max: lookups, timeWindow: '1 minute' } },
      schema: { tags: ['portal'], summary: 'Upcoming leaders’ reception days with slots left', security: [], response: { 200: z.array(ReceptionDayView), ...errors } },
    },
    async () => upcomingDays(deps),
  );
  app.post(
    '/reception-days/:id/bookings',
    {
      config: { rateLimit: { max: Math.max(3, Math.floor(lookups / 6)), timeWindow: '10 minutes' } },
      schema: {
        tags: ['portal'],
        summary: 'Book a slot, about a submitted petition (tracking code + secret) or a new matter',
        security: [],
        params: z.object({ id: z.uuid() }),
        body: BookingBody,
        response: { 201: BookingCreated, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await bookSlot(deps, req.params.id, req.body)),
  );
  app.delete(
    '/bookings/:bookingCode',
    {
      config: { rateLimit: { max: lookups, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: 'Cancel a booking (X-Booking-Secret)',
        security: [],
        params: z.object({ bookingCode: z.string().max(40) }),
        headers: z.object({ 'x-booking-secret': z.string().max(64).optional() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await cancelBooking(deps, req.params.bookingCode, req.headers['x-booking-secret']);
      return reply.code(204).send(null);
    },
  );
}
