import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IsoDate } from '@qiao/contracts';
import type { Deps } from '../context';
import { AppError, badRequest } from '../lib/errors';
import { addEntry, createLedger, exportLedger, importLedger, ledgerDetail, listLedgers, updateEntry } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Backlog ledgers (积案台账): entries with owner, measures, target and progress; burndown; xlsx out and in. */
export const ledgerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(XLSX, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const params = z.object({ id: z.uuid() });

    app.post(
      '',
      {
        schema: {
          tags: ['ledgers'],
          summary: 'Create a ledger, e.g. 2026 年信访积案化解攻坚',
          body: z.object({ name: z.string().trim().min(1).max(100) }),
          response: { 201: z.object({ id: z.string(), name: z.string(), jurisdictionCode: z.string(), open: z.number(), resolved: z.number() }), ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createLedger(deps, await req.user(), req.body.name)),
    );
    app.get('', { schema: { tags: ['ledgers'], summary: 'Ledgers in your area with open and resolved counts' } }, async (req) =>
      listLedgers(deps, await req.user()),
    );
    app.get('/:id', { schema: { tags: ['ledgers'], summary: 'A ledger: entries (petitioner masked) and burndown', params } }, async (req) =>
      ledgerDetail(deps, await req.user(), req.params.id),
    );
    app.post(
      '/:id/entries',
      {
        schema: {
          tags: ['ledgers'],
          summary: 'Add a petition to the ledger',
          params,
          body: z.object({
            petitionId: z.uuid(),
            responsibleUnitId: z.string().min(1),
            ownerLeaderUserId: z.uuid().nullable().optional(),
            measures: z.string().trim().min(1).max(5000),
            targetOn: IsoDate.nullable().optional(),
            progress: z.string().trim().max(5000).optional(),
          }),
          response: { 201: z.object({ id: z.string(), position: z.number() }), ...errors },
        },
      },
      async (req, reply) => {
        const row = await addEntry(deps, await req.user(), req.params.id, req.body);
        return reply.code(201).send({ id: row.id, position: row.position });
      },
    );
    app.patch(
      '/:id/entries/:entryId',
      {
        schema: {
          tags: ['ledgers'],
          summary: 'Update an entry: measures, target, progress, resolved',
          params: z.object({ id: z.uuid(), entryId: z.uuid() }),
          body: z.object({
            responsibleUnitId: z.string().min(1).optional(),
            ownerLeaderUserId: z.uuid().nullable().optional(),
            measures: z.string().trim().min(1).max(5000).optional(),
            targetOn: IsoDate.nullable().optional(),
            progress: z.string().trim().max(5000).optional(),
            resolved: z.boolean().optional(),
          }),
          response: { 200: z.object({ id: z.string(), resolved: z.boolean(), resolvedOn: z.string().nullable() }), ...errors },
        },
      },
      async (req) => {
        const e = await updateEntry(deps, await req.user(), req.params.id, req.params.entryId, req.body);
        return { id: e.id, resolved: e.resolved, resolvedOn: e.resolvedOn };
      },
    );
    app.get('/:id/export.xlsx', { schema: { tags: ['ledgers'], summary: 'The ledger as .xlsx (序号, 信访人 masked, 反映问题, 责任单位 …)', params } }, async (req, reply) => {
      const { name, buffer } = await exportLedger(deps, await req.user(), req.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`)
        .send(buffer);
    });
    app.post(
      '/:id/import',
      {
        schema: {
          tags: ['ledgers'],
          summary: 'Import an edited .xlsx (body: the file, or multipart field `file`); all rows or none',
          params,
        },
      },
      async (req) => {
        let file: Buffer | undefined;
        if (req.isMultipart()) {
          const part = await req.file();
          file = part ? await part.toBuffer() : undefined;
        } else if (Buffer.isBuffer(req.body)) file = req.body;
        if (!file) throw badRequest('fileRequired', { zh: '请上传 .xlsx 文件', en: 'Upload an .xlsx file' }, { field: 'file' });
        const result = await importLedger(deps, await req.user(), req.params.id, file);
        if (!result.ok)
          throw new AppError(
            422,
            'rowsRejected',
            {
              zh: `有 ${result.rejected.length} 处错误，未导入任何内容：` + result.rejected.map((r) => `第 ${r.row} 行“${r.column}”：${r.message.zh}`).join('；'),
              en: `${result.rejected.length} problems; nothing was imported: ` + result.rejected.map((r) => `row ${r.row} ${r.column}: ${r.message.en}`).join('; '),
            },
            { rejected: result.rejected },
          );
        return result;
      },
    );
  };
