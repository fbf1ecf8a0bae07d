import { describe, expect, it } from 'vitest';
import { available, engineName, intake, useTestApp } from './support/app';
import { call } from './support/http';

// A 1x1 PNG and the start of a PDF: what a scanner or phone sends.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function multipart(fields: Record<string, string>, files: { name: string; filename: string; content: Buffer; type?: string }[]) {
  const boundary = '----qiaotest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.skipIf(!available)(`attachments (${engineName})`, () => {
  const t = useTestApp();
  const post = async (fields: Record<string, string>, files: Parameters<typeof multipart>[1]) => {
    const { payload, headers } = multipart(fields, files);
    return t.app.inject({
      method: 'POST',
      url: '/api/petitions',
      payload,
      headers: { ...headers, authorization: `Bearer ${await t.token('clerk')}` },
    });
  };

  it('registers a letter with its scans, typed by content, and serves them back (audited)', async () => {
    const res = await post({ petition: JSON.stringify(intake()) }, [
      { name: 'file', filename: '来信扫描件.png', content: PNG, type: 'application/pdf' },
      { name: 'file', filename: 'letter.pdf', content: PDF },
      { name: 'file', filename: '说明.txt', content: Buffer.from('补充说明：欠薪名单见附件。') },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const d = (await call(t, 'clerk', 'GET', `/api/petitions/${id}`)).json();
    const byName = Object.fromEntries(d.attachments.map((a: { filename: string; mime: string }) => [a.filename, a]));
    expect(byName['来信扫描件.png'].mime).toBe('image/png');
    expect(byName['letter.pdf'].mime).toBe('application/pdf');
    expect(byName['说明.txt'].mime).toMatch(/^text\/plain/);
    const file = await call(t, 'clerk', 'GET', `/api/petitions/${id}/attachments/${byName['来信扫描件.png'].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    const audit = (await call(t, 'admin', 'GET', `/api/petitions/${id}/audit`)).json();
    expect(audit[0]).toMatchObject({ action: 'downloadAttachment', reason: '来信扫描件.png' });
  });

  it('refuses an executable whatever its name, and saves nothing', async () => {
    const before = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json().items.length;
    const res = await post({ petition: JSON.stringify(intake({ title: '带病毒附件' })) }, [
      { name: 'file', filename: 'scan.pdf', content: EXE, type: 'application/pdf' },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: 'attachmentType', field: 'attachments.0' });
    const after = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json().items.length;
    expect(after).toBe(before);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const res = await post({ petition: JSON.stringify(intake()) }, [{ name: 'file', filename: 'big.txt', content: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().messages.zh).toContain('20 MB');
  });

  it('validates the petition field of a multipart intake like a JSON one', async () => {
    const missing = await post({}, [{ name: 'file', filename: 'a.png', content: PNG }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('petition');
    const invalid = await post({ petition: JSON.stringify(intake({ domain: 'nope' })) }, []);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().field).toBe('domain');
    const notJson = await post({ petition: '{oops' }, []);
    expect(notJson.statusCode).toBe(400);
  });
});
