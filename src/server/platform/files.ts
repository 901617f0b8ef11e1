// Stored files: uploads are streamed to <dataDir>/files/<yyyy>/<mm>/<uuid> while their SHA-256 and size are
// computed, their type is checked by CONTENT (file-type), never by the name; a refused upload leaves nothing
// behind. Generated documents (reports, certificates) are stored the same way without the type check.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import type { DbOrTx } from '../db/db.js';
import { zipEntryNames } from '../modules/imports/imports.readers.js';
import type { AppContext } from './context.js';
import { CommonErrors } from './errors.js';
import { storedFile } from './platform.tables.js';

export type StoredFile = typeof storedFile.$inferSelect;

/** File kinds an upload may be restricted to; each is recognised by content. */
export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'DOCX',
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PPTX',
  },
  /** legacy Office (DOC, XLS, PPT): an OLE compound file */
  office97: { mime: 'application/x-cfb', label: 'DOC/XLS/PPT' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'ODT' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'ODS' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', label: 'ODP' },
  rtf: { mime: 'application/rtf', label: 'RTF' },
  jpg: { mime: 'image/jpeg', label: 'JPG' },
  png: { mime: 'image/png', label: 'PNG' },
  gif: { mime: 'image/gif', label: 'GIF' },
  webp: { mime: 'image/webp', label: 'WEBP' },
  heic: { mime: 'image/heic', label: 'HEIC' },
  mp4: { mime: 'video/mp4', label: 'MP4' },
  mp3: { mime: 'audio/mpeg', label: 'MP3' },
  zip: { mime: 'application/zip', label: 'ZIP' },
  txt: { mime: 'text/plain; charset=utf-8', label: 'TXT' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** Documents, presentations and images — what a materials folder or an application attachment accepts. */
export const DOCUMENT_KINDS: FileKind[] = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'office97',
  'odt',
  'ods',
  'odp',
  'rtf',
  'jpg',
  'png',
  'gif',
  'webp',
  'heic',
  'zip',
  'txt',
];

export type StoreFileInput = {
  /** the upload as a stream (a multipart part's file) … */
  stream?: NodeJS.ReadableStream;
  /** … or as a buffer */
  buffer?: Buffer;
  /** the name the person gave the file (only its base name is kept) */
  name: string;
  ownerUserId?: string | null;
  allowed: FileKind[];
  /** defaults to the configured upload limit */
  maxBytes?: number;
  /** insert the row inside this transaction instead of ctx.db */
  db?: DbOrTx;
};

const MONTH_DIR = (d: Date) => [String(d.getUTCFullYear()), String(d.getUTCMonth() + 1).padStart(2, '0')];

function limitMb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function cleanName(name: string): string {
  const base = path.basename(String(name || '').replace(/\\/g, '/')).trim();
  // control characters are dropped; a name is never empty
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 240);
  return clean || 'file';
}

class TooLarge extends Error {}

/** Absolute path of a stored file. */
export function filePath(ctx: Pick<AppContext, 'config'>, storageKey: string): string {
  return path.join(ctx.config.dataDir, 'files', storageKey);
}

async function newTarget(ctx: Pick<AppContext, 'config'>): Promise<{ key: string; abs: string }> {
  const key = [...MONTH_DIR(new Date()), randomUUID()].join('/');
  const abs = filePath(ctx, key);
  await fs.promises.mkdir(path.dirname(abs), { recursive: true });
  return { key, abs };
}

/** What the file is by content; null when it is none of the allowed kinds. */
export async function detectKind(abs: string, allowed: FileKind[]): Promise<FileKind | null> {
  const type = await fileTypeFromFile(abs);
  const ok = (k: FileKind) => (allowed.includes(k) ? k : null);
  if (!type) {
    // no magic number: accept plain UTF-8 text only
    if (!allowed.includes('txt')) return null;
    const fh = await fs.promises.open(abs, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      const sample = buf.subarray(0, bytesRead);
      if (bytesRead === 0 || sample.includes(0)) return null;
      // a multi-byte character may be cut at the end of the sample
      const text = sample.toString('utf8');
      const bad = text.slice(0, -4).includes('\uFFFD');
      return bad ? null : 'txt';
    } finally {
      await fh.close();
    }
  }
  switch (type.ext) {
    case 'pdf':
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'odt':
    case 'ods':
    case 'odp':
    case 'rtf':
    case 'jpg':
    case 'png':
    case 'gif':
    case 'webp':
    case 'heic':
    case 'mp4':
    case 'mp3':
      return ok(type.ext);
    case 'cfb':
      return ok('office97');
    case 'zip': {
      // file-type reads the first entries only: an OOXML package may put its markers later
      const names = (await zipEntryNames(abs)) ?? [];
      if (names.includes('[Content_Types].xml')) {
        if (names.includes('word/document.xml') && allowed.includes('docx')) return 'docx';
        if (names.includes('xl/workbook.xml') && allowed.includes('xlsx')) return 'xlsx';
        if (names.includes('ppt/presentation.xml') && allowed.includes('pptx')) return 'pptx';
      }
      return ok('zip');
    }
    default:
      return null;
  }
}

/**
 * Stores an upload: streams it to disk computing SHA-256 and size, refuses it (and deletes the partial file)
 * when it is larger than the limit (413 PAYLOAD_TOO_LARGE) or not one of the allowed kinds by content
 * (415 UNSUPPORTED_FILE), then inserts the `file` row and returns it.
 */
export async function storeFile(ctx: AppContext, input: StoreFileInput): Promise<StoredFile> {
  const maxBytes = input.maxBytes ?? ctx.config.uploadMaxBytes;
  const source = input.stream ?? (input.buffer ? Readable.from([input.buffer]) : null);
  if (!source) throw CommonErrors.VALIDATION_FAILED({}, [{ path: 'file', message: 'Нет файла' }]);
  const { key, abs } = await newTarget(ctx);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    try {
      await pipeline(source, meter, fs.createWriteStream(abs));
    } catch (e) {
      if (e instanceof TooLarge || isMultipartLimit(e)) {
        // drain the rest of the upload so the request can be answered
        (source as NodeJS.ReadableStream).resume?.();
        throw CommonErrors.PAYLOAD_TOO_LARGE({ limitMb: limitMb(maxBytes) });
      }
      throw e;
    }
    // @fastify/multipart stops at its own limit and marks the stream truncated
    if ((source as { truncated?: boolean }).truncated)
      throw CommonErrors.PAYLOAD_TOO_LARGE({ limitMb: limitMb(maxBytes) });
    const kind = size === 0 ? null : await detectKind(abs, input.allowed);
    if (!kind)
      throw CommonErrors.UNSUPPORTED_FILE({
        expected: input.allowed.map((k) => FILE_KINDS[k].label).join(', '),
      });
    const db = input.db ?? ctx.db;
    const [row] = await db
      .insert(storedFile)
      .values({
        name: cleanName(input.name),
        mime: FILE_KINDS[kind].mime,
        size,
        sha256: hash.digest('hex'),
        storageKey: key,
        ownerUserId: input.ownerUserId ?? null,
      })
      .returning();
    return row!;
  } catch (e) {
    await fs.promises.rm(abs, { force: true });
    throw e;
  }
}

function isMultipartLimit(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT';
}

/** Stores a document the system generated (a report, a certificate): no type check, no size limit. */
export async function storeGenerated(
  ctx: AppContext,
  buffer: Buffer,
  name: string,
  mime: string,
  opts: { ownerUserId?: string | null; db?: DbOrTx } = {},
): Promise<StoredFile> {
  const { key, abs } = await newTarget(ctx);
  await fs.promises.writeFile(abs, buffer);
  try {
    const [row] = await (opts.db ?? ctx.db)
      .insert(storedFile)
      .values({
        name: cleanName(name),
        mime,
        size: buffer.length,
        sha256: createHash('sha256').update(buffer).digest('hex'),
        storageKey: key,
        ownerUserId: opts.ownerUserId ?? null,
      })
      .returning();
    return row!;
  } catch (e) {
    await fs.promises.rm(abs, { force: true });
    throw e;
  }
}

export async function getFileMeta(ctx: AppContext, id: string, db?: DbOrTx): Promise<StoredFile | null> {
  const [row] = await (db ?? ctx.db).select().from(storedFile).where(eq(storedFile.id, id));
  return row ?? null;
}

/** The file's meta and a stream of its bytes; 404 NOT_FOUND when the row or the bytes are gone. */
export async function openFile(
  ctx: AppContext,
  id: string,
): Promise<{ file: StoredFile; stream: fs.ReadStream }> {
  const file = await getFileMeta(ctx, id);
  if (!file) throw CommonErrors.NOT_FOUND();
  const abs = filePath(ctx, file.storageKey);
  try {
    await fs.promises.access(abs, fs.constants.R_OK);
  } catch {
    throw CommonErrors.NOT_FOUND();
  }
  return { file, stream: fs.createReadStream(abs) };
}

/** Reads a stored file whole (for small files placed into generated archives or documents). */
export async function readFileBytes(ctx: AppContext, file: StoredFile): Promise<Buffer> {
  return fs.promises.readFile(filePath(ctx, file.storageKey));
}

/** Deletes the row and then the bytes (the bytes may already be gone). */
export async function deleteFile(ctx: AppContext, id: string, db?: DbOrTx): Promise<void> {
  const [row] = await (db ?? ctx.db).delete(storedFile).where(eq(storedFile.id, id)).returning();
  if (row) await fs.promises.rm(filePath(ctx, row.storageKey), { force: true });
}

/**
 * Content-Disposition with an ASCII fallback and the real name per RFC 5987/6266
 * (`filename*=UTF-8''…`), so Cyrillic names survive in every browser.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const clean = cleanName(name);
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a stored file (or any stream/buffer) as an attachment with its type, length and name. */
export function sendFile(
  reply: FastifyReply,
  opened: { file: Pick<StoredFile, 'name' | 'mime' | 'size'>; stream: NodeJS.ReadableStream | Buffer },
  opts: { inline?: boolean; name?: string } = {},
): FastifyReply {
  const { file, stream } = opened;
  reply
    .type(file.mime)
    .header(
      'content-disposition',
      contentDisposition(opts.name ?? file.name, opts.inline ? 'inline' : 'attachment'),
    )
    .header('x-content-type-options', 'nosniff');
  if (file.size >= 0 && !Buffer.isBuffer(stream)) reply.header('content-length', String(file.size));
  return reply.send(stream);
}
