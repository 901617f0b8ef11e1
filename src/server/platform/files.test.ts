import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/harness/test-app.js';
import { AppError } from './errors.js';
import { contentDisposition, deleteFile, openFile, sendFile, storeFile, storeGenerated } from './files.js';

import { EXE, PDF, PNG } from './files.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function filesOnDisk(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

describe('file storage', () => {
  it('X-1 stores a PDF from a stream with its SHA-256, size and a dated path', async () => {
    const f = await storeFile(t.ctx, {
      stream: Readable.from([PDF]),
      name: 'Программа семинара.pdf',
      ownerUserId: null,
      allowed: ['pdf', 'docx'],
    });
    expect(f.mime).toBe('application/pdf');
    expect(f.size).toBe(PDF.length);
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const opened = await openFile(t.ctx, f.id);
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
  });

  it('X-1 a .exe renamed to .pdf is refused by content with 415 and leaves no file', async () => {
    const before = filesOnDisk().length;
    const e = await refused(storeFile(t.ctx, { buffer: EXE, name: 'report.pdf', allowed: ['pdf'] }));
    expect(e.status).toBe(415);
    expect(e.code).toBe('UNSUPPORTED_FILE');
    expect(filesOnDisk().length).toBe(before);
  });

  it('X-1 a file over the limit is refused with 413 and the partial file is deleted', async () => {
    const before = filesOnDisk().length;
    const big = Buffer.concat([PDF, Buffer.alloc(3000)]);
    const e = await refused(
      storeFile(t.ctx, {
        stream: Readable.from([big.subarray(0, 1000), big.subarray(1000)]),
        name: 'big.pdf',
        allowed: ['pdf'],
        maxBytes: 1500,
      }),
    );
    expect(e.status).toBe(413);
    expect(filesOnDisk().length).toBe(before);
  });

  it('X-1 distinguishes DOCX from a plain ZIP by content', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Привет')] }] });
    const buf = await Packer.toBuffer(doc);
    const f = await storeFile(t.ctx, { buffer: buf, name: 'a.bin', allowed: ['docx'] });
    expect(f.mime).toContain('wordprocessingml');
    const e = await refused(storeFile(t.ctx, { buffer: buf, name: 'a.xlsx', allowed: ['xlsx', 'pdf'] }));
    expect(e.status).toBe(415);
    const png = await storeFile(t.ctx, { buffer: PNG, name: 'фото.png', allowed: ['jpg', 'png'] });
    expect(png.mime).toBe('image/png');
  });

  it('X-1 empty files and missing ids are refused', async () => {
    const e = await refused(storeFile(t.ctx, { buffer: Buffer.alloc(0), name: 'x.txt', allowed: ['txt'] }));
    expect(e.status).toBe(415);
    const nf = await refused(openFile(t.ctx, '00000000-0000-4000-8000-000000000000'));
    expect(nf.status).toBe(404);
  });

  it('X-6 generated documents are stored and deleted with their bytes', async () => {
    const f = await storeGenerated(t.ctx, Buffer.from('abc'), 'Справка.docx', 'application/octet-stream');
    expect(f.size).toBe(3);
    await deleteFile(t.ctx, f.id);
    expect((await refused(openFile(t.ctx, f.id))).status).toBe(404);
  });

  it('X-6 Content-Disposition carries a Cyrillic name per RFC 5987 and sendFile serves the bytes', async () => {
    const cd = contentDisposition('Итоговая справка (1).docx');
    expect(cd).toContain('attachment; filename="________ _______ (1).docx"');
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('Итоговая справка ')}%281%29.docx`);
    const f = await storeFile(t.ctx, { buffer: PDF, name: 'Отчёт.pdf', allowed: ['pdf'] });
    const app = Fastify();
    app.get('/f', async (_req, reply) => sendFile(reply, await openFile(t.ctx, f.id)));
    const res = await app.inject({ url: '/f' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Отчёт.pdf')}`,
    );
    expect(res.rawPayload.equals(PDF)).toBe(true);
    await app.close();
  });
});
