// Certificate registry use cases (S0-12): issue to attendees or a selection, list, revoke, reissue,
// correct the declined name, PDFs (one, all in one file, ZIP), public verification, portfolio input.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type CertificatePdfData, renderCertificatePdf } from '../../documents/certificate-pdf.js';
import {
  renderCertificatePdfFiles,
  renderCertificatesPdfParallel,
} from '../../documents/certificate-pdf.pool.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { CertificateErrors as E } from './certificates.errors.js';
import { canDownloadCertificate, canManageEventCertificates } from './certificates.policy.js';
import {
  allEventCertificates,
  type Candidate,
  type CertificateRow,
  certificatesOfPerson,
  type EventRow,
  type FormOfActivity,
  findCandidates,
  findCertificate,
  findCertificateByCode,
  findEventWithPlace,
  findHolders,
  formsOf,
  keyOf,
  listEventCertificates,
  lockNextSeq,
  validKeys,
} from './certificates.repository.js';
import type {
  TCertificate,
  TCertificateQuery,
  TIssueBody,
  TPublicCertificate,
} from './certificates.schemas.js';
import { certificate } from './certificates.tables.js';
import { dativeName, detectGender, formatEventDates, roleText } from './certificates.text.js';

export const certificateNumber = (year: number, seq: number) => `${year}-${String(seq).padStart(6, '0')}`;
export const newVerificationCode = () => randomBytes(16).toString('base64url');

function ddmmyyyy(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

async function managedEvent(ctx: AppContext, actor: Actor, eventId: string) {
  const found = await findEventWithPlace(ctx.db, eventId);
  if (!found) throw E.EVENT_NOT_FOUND();
  if (!canManageEventCertificates(actor, found.place)) forbid();
  return found;
}

async function certificateWithPlace(ctx: AppContext, id: string) {
  const row = await findCertificate(ctx.db, id);
  if (!row) throw E.CERTIFICATE_NOT_FOUND();
  const ev = await findEventWithPlace(ctx.db, row.eventId);
  if (!ev) throw E.CERTIFICATE_NOT_FOUND();
  return { row, place: ev.place, event: ev.event };
}

async function managedCertificate(ctx: AppContext, actor: Actor, id: string) {
  const found = await certificateWithPlace(ctx, id);
  if (!canManageEventCertificates(actor, found.place)) forbid();
  return found;
}

function textOf(row: CertificateRow, form: FormOfActivity | null): string {
  return roleText({
    role: row.role,
    gender: row.gender,
    formCode: form?.code,
    formPhrase: form?.phrase,
    formTitle: row.formTitle,
    topic: row.topic,
    eventTitle: row.eventTitle,
  });
}

async function toDtos(db: DbOrTx, rows: CertificateRow[]): Promise<TCertificate[]> {
  const forms = await formsOf(db, [
    ...new Set(rows.map((r) => r.activityId).filter((x): x is string => !!x)),
  ]);
  return rows.map((r) => toDto(r, r.activityId ? (forms.get(r.activityId) ?? null) : null));
}

function toDto(r: CertificateRow, form: FormOfActivity | null): TCertificate {
  return {
    id: r.id,
    number: r.number,
    code: r.code,
    eventId: r.eventId,
    personId: r.personId,
    activityId: r.activityId,
    role: r.role,
    holderName: r.holderName,
    holderNameDative: r.holderNameDative,
    gender: r.gender,
    organizationName: r.organizationName,
    formTitle: r.formTitle,
    topic: r.topic,
    roleText: textOf(r, form),
    eventTitle: r.eventTitle,
    eventDates: r.eventDates,
    issuedAt: r.issuedAt.toISOString(),
    status: r.revokedAt ? 'revoked' : 'valid',
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedReason: r.revokedReason,
    replacesId: r.replacesId,
  };
}

/** Which certificates a request asks for (before idempotency). */
async function candidatesFor(db: DbOrTx, eventId: string, body: TIssueBody): Promise<Candidate[]> {
  const all = await findCandidates(db, eventId);
  if (body.to === 'attended') return body.role ? all.filter((c) => c.role === body.role) : all;
  const wanted = new Set(body.to.personIds);
  const out: Candidate[] = [];
  for (const id of wanted) {
    const own = all.filter((c) => c.personId === id);
    if (body.role && body.role !== 'presenter' && body.role !== 'listener') {
      out.push({
        personId: id,
        activityId: null,
        role: body.role,
        formCode: null,
        formTitle: null,
        topic: null,
      });
    } else if (body.role === 'presenter') {
      out.push(...own.filter((c) => c.role === 'presenter'));
    } else if (body.role === 'listener' || own.length === 0) {
      out.push({
        personId: id,
        activityId: null,
        role: 'listener',
        formCode: null,
        formTitle: null,
        topic: null,
      });
    } else out.push(...own);
  }
  return out;
}

type NewCertificate = typeof certificate.$inferInsert;

/** Builds the frozen text of a certificate for a person. */
function draftFor(
  ev: EventRow,
  holder: {
    surname: string;
    name: string;
    patronymic: string | null;
    gender: 'male' | 'female' | null;
    organizationName: string | null;
  },
  c: Candidate,
  actor: Actor | null,
): Omit<NewCertificate, 'year' | 'seq' | 'number'> {
  const gender = detectGender(holder, holder.gender);
  return {
    code: newVerificationCode(),
    personId: c.personId,
    eventId: ev.id,
    activityId: c.activityId,
    role: c.role,
    holderName: [holder.surname, holder.name, holder.patronymic].filter(Boolean).join(' '),
    holderNameDative: dativeName(holder, gender),
    gender,
    organizationName: holder.organizationName,
    formTitle: c.formTitle,
    topic: c.topic,
    eventTitle: ev.title,
    eventDates: formatEventDates(ev.startDate, ev.endDate),
    issuedBy: actor?.userId ?? null,
  };
}

/** Inserts drafts with the next numbers of the year, under the yearly lock, with audit rows. */
async function insertNumbered(
  tx: DbOrTx,
  actor: Actor | null,
  drafts: Array<Omit<NewCertificate, 'year' | 'seq' | 'number'>>,
): Promise<CertificateRow[]> {
  if (drafts.length === 0) return [];
  const year = new Date().getFullYear();
  let seq = await lockNextSeq(tx, year);
  const values = drafts.map((d) => {
    const s = seq++;
    return { ...d, year, seq: s, number: certificateNumber(year, s) };
  });
  const rows: CertificateRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    rows.push(
      ...(await tx
        .insert(certificate)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  }
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(auditEntry).values(
      rows.slice(i, i + 500).map((r) => ({
        actorUserId: actor?.userId ?? null,
        actorName: actor?.name ?? 'система',
        action: 'create' as const,
        entity: 'certificate',
        entityId: r.id,
        before: null,
        after: {
          number: r.number,
          personId: r.personId,
          eventId: r.eventId,
          role: r.role,
          replacesId: r.replacesId,
        },
      })),
    );
  }
  return rows;
}

/** Issues certificates (idempotent: a valid one for the same person, event, activity and role is kept). */
export async function issueCertificatesAs(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: TIssueBody,
) {
  const found = await findEventWithPlace(ctx.db, eventId);
  if (!found) throw E.EVENT_NOT_FOUND();
  const candidates = await candidatesFor(ctx.db, eventId, body);
  if (candidates.length === 0) throw E.NOTHING_TO_ISSUE();
  const holders = await findHolders(ctx.db, [...new Set(candidates.map((c) => c.personId))]);
  if (body.to !== 'attended' && body.to.personIds.some((id) => !holders.has(id)))
    throw E.CERTIFICATE_HOLDER_UNKNOWN();
  const rows = await ctx.db.transaction(async (tx) => {
    const existing = await validKeys(tx, eventId);
    const seen = new Set<string>();
    const drafts = [];
    for (const c of candidates) {
      const k = keyOf(c);
      if (existing.has(k) || seen.has(k)) continue;
      seen.add(k);
      drafts.push(draftFor(found.event, holders.get(c.personId)!, c, actor));
    }
    return insertNumbered(tx, actor, drafts);
  });
  return { issued: rows.length, skipped: candidates.length - rows.length, items: await toDtos(ctx.db, rows) };
}

export async function issueCertificates(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  body: TIssueBody,
) {
  const actor = requireActor(actorIn);
  await managedEvent(ctx, actor, eventId);
  return issueCertificatesAs(ctx, actor, eventId, body);
}

export async function listCertificates(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: TCertificateQuery,
) {
  const actor = requireActor(actorIn);
  await managedEvent(ctx, actor, eventId);
  const { rows, total } = await listEventCertificates(ctx.db, eventId, q);
  return { items: await toDtos(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function revokeCertificate(ctx: AppContext, actorIn: Actor | null, id: string, reason: string) {
  const actor = requireActor(actorIn);
  const { row } = await managedCertificate(ctx, actor, id);
  if (row.revokedAt) throw E.CERTIFICATE_REVOKED();
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(certificate)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(eq(certificate.id, id))
      .returning();
    await audit(
      tx,
      actor,
      'update',
      'certificate',
      id,
      { revokedAt: null },
      { revokedAt: u.revokedAt, revokedReason: reason },
    );
    return u;
  });
  return (await toDtos(ctx.db, [updated]))[0];
}

/** Revokes a certificate and issues a new one (fresh name and texts) that replaces it. */
export async function reissueCertificate(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const { row, event } = await managedCertificate(ctx, actor, id);
  if (row.revokedAt) throw E.CERTIFICATE_REVOKED();
  const holder = (await findHolders(ctx.db, [row.personId])).get(row.personId);
  if (!holder) throw E.CERTIFICATE_NOT_FOUND();
  const created = await ctx.db.transaction(async (tx) => {
    await tx
      .update(certificate)
      .set({ revokedAt: new Date(), revokedReason: 'Переоформлен' })
      .where(eq(certificate.id, id));
    await audit(
      tx,
      actor,
      'update',
      'certificate',
      id,
      { revokedAt: null },
      { revokedReason: 'Переоформлен' },
    );
    const draft = draftFor(
      event,
      holder,
      {
        personId: row.personId,
        activityId: row.activityId,
        role: row.role,
        formCode: null,
        formTitle: row.formTitle,
        topic: row.topic,
      },
      actor,
    );
    const [n] = await insertNumbered(tx, actor, [{ ...draft, replacesId: id }]);
    return n;
  });
  return (await toDtos(ctx.db, [created]))[0];
}

/** Manual correction of the declined name before sending. */
export async function updateCertificate(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: { holderNameDative: string },
) {
  const actor = requireActor(actorIn);
  const { row } = await managedCertificate(ctx, actor, id);
  if (row.revokedAt) throw E.CERTIFICATE_REVOKED();
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(certificate)
      .set({ holderNameDative: patch.holderNameDative })
      .where(eq(certificate.id, id))
      .returning();
    await audit(tx, actor, 'update', 'certificate', id, { holderNameDative: row.holderNameDative }, patch);
    return u;
  });
  return (await toDtos(ctx.db, [updated]))[0];
}

async function pdfDataOf(db: DbOrTx, rows: CertificateRow[]): Promise<CertificatePdfData[]> {
  const dtos = await toDtos(db, rows);
  return dtos.map((d) => ({
    number: d.number,
    code: d.code,
    holderNameDative: d.holderNameDative,
    organizationName: d.organizationName,
    roleText: d.roleText,
    eventTitle: d.eventTitle,
    eventDates: d.eventDates,
    issuedAt: ddmmyyyy(new Date(d.issuedAt)),
    gender: d.gender,
    presenter: d.role === 'presenter',
    revoked: d.status === 'revoked',
  }));
}

/** One certificate's PDF, no access check: for GET /api/certificates/{id}/pdf and the e-mail attachment. */
export async function renderOneCertificatePdf(ctx: AppContext, row: CertificateRow): Promise<Buffer> {
  const [data] = await pdfDataOf(ctx.db, [row]);
  return renderCertificatePdf(data, { publicUrl: ctx.config.publicUrl });
}

export async function certificatePdf(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const { row, place } = await certificateWithPlace(ctx, id);
  if (!canDownloadCertificate(actor, row.personId, place)) forbid();
  const content = await renderOneCertificatePdf(ctx, row);
  return { fileName: `certificate-${row.number}.pdf`, content };
}

async function eventCertificates(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  await managedEvent(ctx, actor, eventId);
  const rows = await allEventCertificates(ctx.db, eventId, { validOnly: true });
  return pdfDataOf(ctx.db, rows);
}

export async function eventCertificatesPdf(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const data = await eventCertificates(ctx, actorIn, eventId);
  return renderCertificatesPdfParallel(data, { publicUrl: ctx.config.publicUrl });
}

/** One PDF per valid certificate, named by number. */
export async function eventCertificateFiles(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const data = await eventCertificates(ctx, actorIn, eventId);
  const files = await renderCertificatePdfFiles(data, { publicUrl: ctx.config.publicUrl });
  return files.map((content, i) => ({ name: `certificate-${data[i].number}.pdf`, content }));
}

/** What anyone holding the code may see (S0-12): nothing beyond the certificate itself. */
export async function verifyCertificate(ctx: AppContext, code: string): Promise<TPublicCertificate> {
  const row = await findCertificateByCode(ctx.db, code);
  if (!row) throw E.CERTIFICATE_NOT_FOUND();
  return {
    number: row.number,
    holderName: row.holderName,
    eventTitle: row.eventTitle,
    eventDates: row.eventDates,
    role: row.role,
    formTitle: row.formTitle,
    topic: row.topic,
    issuedAt: row.issuedAt.toISOString(),
    status: row.revokedAt ? 'revoked' : 'valid',
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Portfolio input (S0-14): every certificate of a person, newest first, with its text. */
export async function listCertificatesOfPerson(db: DbOrTx, personId: string): Promise<TCertificate[]> {
  return toDtos(db, await certificatesOfPerson(db, personId));
}
