// Invited speakers and partners (S3-6): leading teachers, veterans, contest winners and social partners the centre
// involves, optionally for one event. Staff read the list; admins and methodologists (in their scope) record them.
import { and, asc, count, desc, eq, ilike, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/db.js';
import { datedFileName, writeXlsx, type XlsxDocument } from '../../../documents/xlsx.js';
import { type Actor, forbid, type Place, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { fullNameExpr, municipality, organization, person } from '../../directory/index.js';
import { event, invitedSpeaker, type SpeakerKind } from '../events.tables.js';
import { SpeakerErrors } from './speakers.errors.js';
import { canReadSpeakers, canWriteSpeakerAt, mayWriteSpeakers } from './speakers.policy.js';
import type { TSpeaker, TSpeakerCreate, TSpeakerQuery, TSpeakerUpdate } from './speakers.schemas.js';

export const SPEAKER_KIND_RU: Record<SpeakerKind, string> = {
  leading_teacher: 'ведущий педагог',
  veteran: 'ветеран педагогического труда',
  contest_winner: 'победитель профессионального конкурса',
  social_partner: 'социальный партнёр',
};

const personOrg = alias(organization, 'speaker_person_org');
const personMuni = alias(municipality, 'speaker_person_muni');
const hostOrg = alias(organization, 'speaker_host_org');
const hostMuni = alias(municipality, 'speaker_host_muni');

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const columns = {
  id: invitedSpeaker.id,
  kind: invitedSpeaker.kind,
  note: invitedSpeaker.note,
  createdAt: invitedSpeaker.createdAt,
  personId: person.id,
  surname: person.surname,
  name: person.name,
  patronymic: person.patronymic,
  position: person.position,
  personOrgId: person.organizationId,
  personOrgName: personOrg.shortName,
  personMuniId: personOrg.municipalityId,
  personRegionId: personMuni.regionId,
  eventId: event.id,
  eventTitle: event.title,
  eventStart: event.startDate,
  hostOrgId: event.hostOrganizationId,
  hostMuniId: hostOrg.municipalityId,
  hostRegionId: hostMuni.regionId,
};

function fromJoined(db: DbOrTx) {
  return db
    .select(columns)
    .from(invitedSpeaker)
    .innerJoin(person, eq(person.id, invitedSpeaker.personId))
    .leftJoin(personOrg, eq(personOrg.id, person.organizationId))
    .leftJoin(personMuni, eq(personMuni.id, personOrg.municipalityId))
    .leftJoin(event, eq(event.id, invitedSpeaker.eventId))
    .leftJoin(hostOrg, eq(hostOrg.id, event.hostOrganizationId))
    .leftJoin(hostMuni, eq(hostMuni.id, hostOrg.municipalityId));
}
type Row = Awaited<ReturnType<ReturnType<typeof fromJoined>['execute']>>[number];

/** Where a record sits for the scope check: the event's host, else the person's organisation, else nowhere. */
function placeOf(r: Row): Place | null {
  if (r.eventId)
    return {
      organizationId: r.hostOrgId,
      municipalityId: r.hostMuniId,
      regionId: r.hostRegionId,
      eventId: r.eventId,
    };
  if (r.personOrgId)
    return { organizationId: r.personOrgId, municipalityId: r.personMuniId, regionId: r.personRegionId };
  return null;
}

function toDto(actor: Actor, r: Row): TSpeaker {
  return {
    id: r.id,
    person: {
      id: r.personId,
      fullName: [r.surname, r.name, r.patronymic].filter(Boolean).join(' '),
      position: r.position,
      organizationName: r.personOrgName,
    },
    kind: r.kind,
    note: r.note,
    event: r.eventId ? { id: r.eventId, title: r.eventTitle!, startDate: r.eventStart! } : null,
    createdAt: r.createdAt.toISOString(),
    canEdit: canWriteSpeakerAt(actor, placeOf(r)),
  };
}

function whereOf(q: Partial<TSpeakerQuery>): SQL | undefined {
  const words = (q.q ?? '').split(/\s+/).filter(Boolean);
  return and(
    q.kind ? eq(invitedSpeaker.kind, q.kind) : undefined,
    q.eventId ? eq(invitedSpeaker.eventId, q.eventId) : undefined,
    ...words.map((w) => ilike(fullNameExpr, likePattern(w))),
  );
}

function orderOf(dir: 'asc' | 'desc') {
  const d = dir === 'desc' ? desc : asc;
  return [
    d(sql`${person.surname} collate ru_icu`),
    d(sql`${person.name} collate ru_icu`),
    d(sql`coalesce(${person.patronymic}, '') collate ru_icu`),
    asc(invitedSpeaker.createdAt),
    asc(invitedSpeaker.id),
  ];
}

function requireReader(actorIn: Actor | null): Actor {
  const actor = requireActor(actorIn);
  if (!canReadSpeakers(actor)) forbid();
  return actor;
}

export async function listSpeakers(ctx: AppContext, actorIn: Actor | null, q: TSpeakerQuery) {
  const actor = requireReader(actorIn);
  const where = whereOf(q);
  const [rows, [{ n }]] = await Promise.all([
    fromJoined(ctx.db)
      .where(where)
      .orderBy(...orderOf(q.order))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db
      .select({ n: count() })
      .from(invitedSpeaker)
      .innerJoin(person, eq(person.id, invitedSpeaker.personId))
      .where(where),
  ]);
  return { items: rows.map((r) => toDto(actor, r)), total: n, page: q.page, pageSize: q.pageSize };
}

async function findRow(db: DbOrTx, id: string): Promise<Row | undefined> {
  const [r] = await fromJoined(db).where(eq(invitedSpeaker.id, id)).limit(1);
  return r;
}

async function personPlace(db: DbOrTx, personId: string): Promise<Place | null> {
  const [p] = await db
    .select({
      organizationId: person.organizationId,
      municipalityId: organization.municipalityId,
      regionId: municipality.regionId,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(eq(person.id, personId))
    .limit(1);
  if (!p) throw SpeakerErrors.SPEAKER_UNKNOWN_PERSON({}, { field: 'personId' });
  return p.organizationId ? p : null;
}

async function eventPlace(db: DbOrTx, eventId: string): Promise<Place> {
  const [e] = await db
    .select({
      eventId: event.id,
      organizationId: event.hostOrganizationId,
      municipalityId: organization.municipalityId,
      regionId: municipality.regionId,
    })
    .from(event)
    .innerJoin(organization, eq(organization.id, event.hostOrganizationId))
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(eq(event.id, eventId))
    .limit(1);
  if (!e) throw SpeakerErrors.SPEAKER_UNKNOWN_EVENT({}, { field: 'eventId' });
  return e;
}

async function checkDuplicate(
  db: DbOrTx,
  v: { personId: string; kind: SpeakerKind; eventId: string | null },
  exceptId?: string,
) {
  const [hit] = await db
    .select({ id: invitedSpeaker.id })
    .from(invitedSpeaker)
    .where(
      and(
        eq(invitedSpeaker.personId, v.personId),
        eq(invitedSpeaker.kind, v.kind),
        v.eventId ? eq(invitedSpeaker.eventId, v.eventId) : isNull(invitedSpeaker.eventId),
        exceptId ? sql`${invitedSpeaker.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (hit) throw SpeakerErrors.SPEAKER_DUPLICATE();
}

export async function createSpeaker(ctx: AppContext, actorIn: Actor | null, body: TSpeakerCreate) {
  const actor = requireActor(actorIn);
  if (!mayWriteSpeakers(actor)) forbid();
  const id = await ctx.db.transaction(async (tx) => {
    const pPlace = await personPlace(tx, body.personId);
    const place = body.eventId ? await eventPlace(tx, body.eventId) : pPlace;
    if (!canWriteSpeakerAt(actor, place)) forbid();
    const values = {
      personId: body.personId,
      kind: body.kind,
      note: body.note || null,
      eventId: body.eventId ?? null,
    };
    await checkDuplicate(tx, values);
    const [r] = await tx.insert(invitedSpeaker).values(values).returning();
    await audit(tx, actor, 'create', 'invited_speaker', r.id, undefined, r);
    return r.id;
  });
  return toDto(actor, (await findRow(ctx.db, id))!);
}

/** The record for a change: 401 → 403 (not a writer at all) → 404 → 403 (outside the scope). */
async function loadForChange(tx: DbOrTx, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  if (!mayWriteSpeakers(actor)) forbid();
  const row = await findRow(tx, id);
  if (!row) throw SpeakerErrors.SPEAKER_NOT_FOUND();
  if (!canWriteSpeakerAt(actor, placeOf(row))) forbid();
  return { actor, row };
}

export async function updateSpeaker(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  body: TSpeakerUpdate,
) {
  const result = await ctx.db.transaction(async (tx) => {
    const { actor, row } = await loadForChange(tx, actorIn, id);
    const [before] = await tx.select().from(invitedSpeaker).where(eq(invitedSpeaker.id, id));
    const patch: Partial<typeof invitedSpeaker.$inferInsert> = {};
    if (body.kind !== undefined) patch.kind = body.kind;
    if (body.note !== undefined) patch.note = body.note || null;
    if (body.eventId !== undefined) {
      patch.eventId = body.eventId ?? null;
      // moving the record to another event (or off every event) must stay within the actor's scope too
      const place = body.eventId ? await eventPlace(tx, body.eventId) : await personPlace(tx, row.personId);
      if (!canWriteSpeakerAt(actor, place)) forbid();
    }
    if (!Object.keys(patch).length) return { actor };
    await checkDuplicate(
      tx,
      {
        personId: before.personId,
        kind: patch.kind ?? before.kind,
        eventId: patch.eventId !== undefined ? patch.eventId : before.eventId,
      },
      id,
    );
    const [after] = await tx.update(invitedSpeaker).set(patch).where(eq(invitedSpeaker.id, id)).returning();
    await audit(tx, actor, 'update', 'invited_speaker', id, before, after);
    return { actor };
  });
  return toDto(result.actor, (await findRow(ctx.db, id))!);
}

export async function deleteSpeaker(ctx: AppContext, actorIn: Actor | null, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { actor } = await loadForChange(tx, actorIn, id);
    const [before] = await tx.delete(invitedSpeaker).where(eq(invitedSpeaker.id, id)).returning();
    await audit(tx, actor, 'delete', 'invited_speaker', id, before, undefined);
  });
  return { ok: true as const };
}

/** X-6: the list with its filters as XLSX; access checked before streaming. */
export async function exportSpeakers(
  ctx: AppContext,
  actorIn: Actor | null,
  q: Omit<TSpeakerQuery, 'page' | 'pageSize'>,
): Promise<XlsxDocument> {
  const first = await listSpeakers(ctx, actorIn, { ...q, page: 1, pageSize: 200 });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * 200 >= page.total) return;
      page = await listSpeakers(ctx, actorIn, { ...q, page: n + 1, pageSize: 200 });
    }
  }
  return {
    fileName: datedFileName('speakers'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Спикеры и партнёры',
        columns: [
          { header: 'ФИО', width: 40, value: (s: TSpeaker) => s.person.fullName },
          { header: 'Качество', width: 34, value: (s) => SPEAKER_KIND_RU[s.kind] },
          { header: 'Должность', width: 28, value: (s) => s.person.position },
          { header: 'Организация', width: 30, value: (s) => s.person.organizationName },
          { header: 'Мероприятие', width: 40, value: (s) => s.event?.title ?? '' },
          { header: 'Примечание', width: 50, value: (s) => s.note },
        ],
        rows: rows(),
      }),
  };
}
