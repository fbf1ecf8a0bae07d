import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { attachments } from '../db/schema';
import { sha256 } from '../lib/crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../lib/errors';
import type { Tx } from './repo';

export interface IncomingFile {
  filename: string;
  content: Buffer;
}

export interface CheckedFile extends IncomingFile {
  mime: string;
}

/** What a petition may carry: scans, photos, documents, recordings. Judged by content, never by name. */
const ALLOWED = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/bmp',
  'image/heic',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-cfb',
  'application/vnd.ms-excel',
  'application/msword',
  'audio/mpeg',
  'audio/wav',
  'audio/x-wav',
  'audio/mp4',
  'audio/x-m4a',
  'audio/amr',
  'video/mp4',
]);

/** Decide a file's type from its bytes; plain UTF-8 text is accepted as text/plain. 415 otherwise. */
export async function checkFile(file: IncomingFile, index: number): Promise<CheckedFile> {
  const detected = await fileTypeFromBuffer(file.content);
  if (detected && ALLOWED.has(detected.mime)) return { ...file, mime: detected.mime };
  if (!detected && isPlainText(file.content)) return { ...file, mime: 'text/plain; charset=utf-8' };
  throw new AppError(
    415,
    'attachmentType',
    {
      zh: `attachments.${index}（${file.filename}）：不支持的文件类型${detected ? `（${detected.mime}）` : ''}；可上传图片、PDF、Word/Excel 文档、录音或纯文本`,
      en: `attachments.${index} (${file.filename}): file type not accepted${detected ? ` (${detected.mime})` : ''}; images, PDF, Word/Excel documents, recordings or plain text are`,
    },
    { field: `attachments.${index}` },
  );
}

function isPlainText(buf: Buffer): boolean {
  if (buf.length === 0 || buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The stored form of a petition's attachments. */
export function attachmentRows(petition: { id: string; jurisdictionCode: string }, files: CheckedFile[], now: Date): (typeof attachments.$inferInsert)[] {
  return files.map((f) => ({
    id: randomUUID(),
    petitionId: petition.id,
    jurisdictionCode: petition.jurisdictionCode,
    filename: f.filename,
    mime: f.mime,
    size: f.content.length,
    sha256: sha256(f.content),
    content: f.content,
    createdAt: now,
  }));
}

export async function attachmentList(tx: Tx, petitionId: string) {
  return tx
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
    })
    .from(attachments)
    .where(eq(attachments.petitionId, petitionId))
    .orderBy(asc(attachments.createdAt), asc(attachments.filename));
}

/**
 * For a multipart intake (staff or portal): the `petition` JSON field becomes the body to validate and the files
 * wait on `req.uploads`. Without the field the body is `missing` (the staff route refuses it; the portal lets
 * schema validation name what is absent).
 */
export async function readMultipartIntake(req: FastifyRequest, missing: () => unknown) {
  if (!req.isMultipart()) return;
  const files: IncomingFile[] = [];
  let petition: unknown;
  for await (const part of req.parts()) {
    if (part.type === 'file') files.push({ filename: part.filename, content: await part.toBuffer() });
    else if (part.fieldname === 'petition') {
      try {
        petition = JSON.parse(String(part.value));
      } catch {
        throw badRequest('invalidJson', { zh: 'petition：不是有效的 JSON', en: 'petition: not valid JSON' }, { field: 'petition' });
      }
    }
  }
  req.body = petition === undefined ? missing() : petition;
  req.uploads = files;
}

/** The uploads of a multipart intake, each typed by its content (415 for one that is not accepted). */
export async function checkedUploads(req: FastifyRequest): Promise<CheckedFile[]> {
  const files: CheckedFile[] = [];
  for (const [i, f] of (req.uploads ?? []).entries()) files.push(await checkFile(f, i));
  return files;
}
