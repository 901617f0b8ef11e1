// Queries of the certificate registry: the event's place, who can get a certificate, numbering, lists.
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import type { Place } from '../../platform/actor.js';
import { offsetOf } from '../../platform/pagination.js';
import { person } from '../directory/directory.tables.js';
import { findOrganizationPlace, organization } from '../directory/index.js';
import { activity, activityForm, activityPresenter, attendance, event } from '../events/events.tables.js';
import type { TCertificateQuery } from './certificates.schemas.js';
import { type CertificateRole, certificate } from './certificates.tables.js';

export type EventRow = typeof event.$inferSelect;
export type CertificateRow = typeof certificate.$inferSelect;

/** The event with the place its scoped grants are checked against (host organisation and its municipality). */
export async function findEventWithPlace(
  db: DbOrTx,
  id: string,
): Promise<{ event: EventRow; place: Place; hostName: string | null } | null> {
  const [row] = await db
    .select({ event, hostName: organization.shortName })
    .from(event)
    .leftJoin(organization, eq(organization.id, event.hostOrganizationId))
    .where(eq(event.id, id))
    .limit(1);
  if (!row) return null;
  const p = await findOrganizationPlace(db, row.event.hostOrganizationId);
  return {
    event: row.event,
    hostName: row.hostName,
    place: {
      organizationId: row.event.hostOrganizationId,
      municipalityId: p?.municipalityId ?? null,
      regionId: p?.regionId ?? null,
      eventId: row.event.id,
    },
  };
}

export type Candidate = {
  personId: string;
  activityId: string | null;
  role: CertificateRole;
  formCode: string | null;
  formTitle: string | null;
  topic: string | null;
};

/** Presenters of the event's activities (one candidate per activity) and listeners (one per person). */
export async function findCandidates(db: DbOrTx, eventId: string): Promise<Candidate[]> {
  const presenters = await db
    .select({
      personId: activityPresenter.personId,
      activityId: activity.id,
      formCode: activityForm.code,
      formTitle: activityForm.title,
      topic: sql<string>`coalesce(${activity.topic}, ${activity.title})`,
    })
    .from(activityPresenter)
    .innerJoin(activity, eq(activity.id, activityPresenter.activityId))
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(eq(activity.eventId, eventId))
    .orderBy(asc(activity.startsAt));
  const presenterIds = new Set(presenters.map((p) => p.personId));
  const attended = await db
    .selectDistinct({ personId: attendance.personId })
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .where(eq(activity.eventId, eventId));
  return [
    ...presenters.map((p) => ({ ...p, role: 'presenter' as const })),
    ...attended
      .filter((a) => !presenterIds.has(a.personId))
      .map((a) => ({
        personId: a.personId,
        activityId: null,
        role: 'listener' as const,
        formCode: null,
        formTitle: null,
        topic: null,
      })),
  ];
}

export type HolderRow = {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  gender: 'male' | 'female' | null;
  email: string | null;
  organizationName: string | null;
};

export async function findHolders(db: DbOrTx, ids: string[]): Promise<Map<string, HolderRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: person.id,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      gender: person.gender,
      email: person.email,
      organizationName: organization.shortName,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(inArray(person.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Valid certificates of the event, keyed person|activity|role, for idempotent issuing. */
export async function validKeys(db: DbOrTx, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ personId: certificate.personId, activityId: certificate.activityId, role: certificate.role })
    .from(certificate)
    .where(and(eq(certificate.eventId, eventId), isNull(certificate.revokedAt)));
  return new Set(rows.map((r) => keyOf(r)));
}

export function keyOf(c: { personId: string; activityId: string | null; role: string }): string {
  return `${c.personId}|${c.activityId ?? ''}|${c.role}`;
}

/** Takes the yearly numbering lock (held to the end of the transaction) and returns the next free seq. */
export async function lockNextSeq(tx: DbOrTx, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(20260312, ${year}::int)`);
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${certificate.seq}), 0)::int + 1` })
    .from(certificate)
    .where(eq(certificate.year, year));
  return Number(row.next);
}

export async function findCertificate(db: DbOrTx, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificate).where(eq(certificate.id, id)).limit(1);
  return row ?? null;
}

export async function findCertificateByCode(db: DbOrTx, code: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificate).where(eq(certificate.code, code)).limit(1);
  return row ?? null;
}

export type FormOfActivity = { code: string; phrase: string | null };

/** Activity forms of activities (code and catalogue phrase, for the certificate wording), keyed by activity id. */
export async function formsOf(db: DbOrTx, activityIds: string[]): Promise<Map<string, FormOfActivity>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: activity.id, code: activityForm.code, phrase: activityForm.certificatePhrase })
    .from(activity)
    .innerJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(inArray(activity.id, activityIds));
  return new Map(rows.map((r) => [r.id, { code: r.code, phrase: r.phrase }]));
}

function listWhere(eventId: string, q: Partial<TCertificateQuery>): SQL | undefined {
  const conds: SQL[] = [eq(certificate.eventId, eventId)];
  if (q.role) conds.push(eq(certificate.role, q.role));
  if (q.status === 'valid') conds.push(isNull(certificate.revokedAt));
  if (q.status === 'revoked') conds.push(sql`${certificate.revokedAt} is not null`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql`(${certificate.holderName} ilike ${like} or ${certificate.number} ilike ${like})`);
  }
  return and(...conds);
}

export async function listEventCertificates(db: DbOrTx, eventId: string, q: TCertificateQuery) {
  const where = listWhere(eventId, q);
  const dir = q.order === 'desc' ? desc : asc;
  const order =
    q.sort === 'holder'
      ? [sql`${certificate.holderName} collate ru_icu ${sql.raw(q.order)}`, asc(certificate.number)]
      : q.sort === 'issuedAt'
        ? [dir(certificate.issuedAt), dir(certificate.number)]
        : [dir(certificate.year), dir(certificate.seq)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(certificate)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(certificate).where(where),
  ]);
  return { rows, total };
}

/** Every certificate of the event (for the batch PDF and ZIP), in number order. */
export async function allEventCertificates(
  db: DbOrTx,
  eventId: string,
  opts: { validOnly?: boolean } = {},
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificate)
    .where(and(eq(certificate.eventId, eventId), opts.validOnly ? isNull(certificate.revokedAt) : undefined))
    .orderBy(asc(certificate.year), asc(certificate.seq));
}

export async function certificatesOfPerson(db: DbOrTx, personId: string): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificate)
    .where(eq(certificate.personId, personId))
    .orderBy(desc(certificate.issuedAt), desc(certificate.seq));
}
