// Test helpers for mail: the newest message to an address, and the token in a link.
import { desc, eq } from 'drizzle-orm';
import { mailMessage } from '../../src/server/platform/platform.tables.js';
import type { TestApp } from '../harness/test-app.js';

export async function latestMailTo(t: TestApp, to: string) {
  const [m] = await t.ctx.db
    .select()
    .from(mailMessage)
    .where(eq(mailMessage.to, to.toLowerCase()))
    .orderBy(desc(mailMessage.createdAt))
    .limit(1);
  return m ?? null;
}

export async function mailsTo(t: TestApp, to: string) {
  return t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, to.toLowerCase()));
}

/** The `token` query parameter of the first link in `text` that points at `path`. */
export function tokenFrom(text: string, path: string): string {
  const m = new RegExp(`https?://\\S+${path.replace(/[/]/g, '\\/')}\\?token=([\\w%-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]);
}

/** Polls `check` until it returns a value (not undefined/null/false) or the time runs out. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A minimal RFC 822 reader for tests: unfolded headers with RFC 2047 words decoded, and the text/plain body
 * (quoted-printable or base64, single part or the first text/plain part of a — possibly nested — multipart
 * message that is not an attachment).
 */
export function parseEml(raw: string | Buffer): { headers: Record<string, string>; text: string } {
  const s = typeof raw === 'string' ? raw : raw.toString('utf8');
  const { headers } = splitPart(s);
  const leaves = leafParts(s);
  const textPart = leaves.find(
    (p) =>
      (p.headers['content-type'] ?? 'text/plain').startsWith('text/plain') &&
      !/^attachment/i.test(p.headers['content-disposition'] ?? ''),
  );
  if (!textPart) throw new Error('no text/plain part');
  return { headers, text: decodeBody(textPart.body, textPart.headers['content-transfer-encoding']) };
}

export type EmlAttachment = { filename: string; contentType: string; content: Buffer };

/** The attachments of a message (parts with `Content-Disposition: attachment`), decoded. */
export function attachmentsOf(raw: string | Buffer): EmlAttachment[] {
  const s = typeof raw === 'string' ? raw : raw.toString('utf8');
  return leafParts(s)
    .filter((p) => /^attachment/i.test(p.headers['content-disposition'] ?? ''))
    .map((p) => {
      const type = p.headers['content-type'] ?? 'application/octet-stream';
      const enc = (p.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
      return {
        filename:
          dispositionFilename(p.headers['content-disposition']) ?? /name="?([^";]+)"?/.exec(type)?.[1] ?? '',
        contentType: type.split(';')[0].trim().toLowerCase(),
        content:
          enc === 'base64'
            ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64')
            : Buffer.from(enc === 'quoted-printable' ? qp(p.body) : p.body, 'utf8'),
      };
    });
}

/** `filename`, `filename*` (RFC 2231, possibly split into `filename*0*`, `filename*1*` …) of a disposition. */
function dispositionFilename(disposition: string): string | null {
  const pieces: [number, string, boolean][] = [];
  for (const m of disposition.matchAll(/filename(\*(\d+))?(\*)?="?([^";]*)"?/g))
    pieces.push([Number(m[2] ?? 0), m[4], Boolean(m[3])]);
  if (!pieces.length) return null;
  pieces.sort((a, b) => a[0] - b[0]);
  const encoded = pieces[0][2];
  const joined = pieces.map((p) => p[1]).join('');
  if (!encoded) return joined;
  return decodeURIComponent(joined.replace(/^[^']*'[^']*'/, ''));
}

/** The non-multipart parts of a message, depth first. */
function leafParts(s: string): { headers: Record<string, string>; body: string }[] {
  const part = splitPart(s);
  const type = part.headers['content-type'] ?? 'text/plain';
  if (!type.startsWith('multipart/')) return [part];
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!boundary) throw new Error('multipart without boundary');
  const chunks = part.body.split(`--${boundary}`).slice(1);
  const out: { headers: Record<string, string>; body: string }[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    out.push(...leafParts(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  }
  return out;
}

function splitPart(s: string): { headers: Record<string, string>; body: string } {
  const at = s.search(/\r?\n\r?\n/);
  const head = s.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const body = s.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _charset, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
}

function qp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  const text =
    e === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : e === 'quoted-printable'
        ? qp(body)
        : body;
  return text.replace(/\r\n/g, '\n');
}
