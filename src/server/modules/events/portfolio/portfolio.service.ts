// The person's portfolio of evidence from events (S0-14): talks and classes given, activities attended,
// registrations, organising duties, with certificate numbers where certificates were issued.

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { CommonErrors } from '../../../platform/errors.js';
import { certificate } from '../../certificates/certificates.tables.js';
import { canSeePrivateFields, findOrganizationPlace, person } from '../../directory/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  attendance,
  event,
  registration,
  staffAssignment,
} from '../events.tables.js';
import { DUTY_RU } from '../schedule/staff.export.js';

export type EvidenceRole = 'presenter' | 'listener' | 'staff';
export type EvidenceItem = {
  kind: 'event';
  eventId: string;
  activityId: string | null;
  date: string;
  title: string;
  activityTitle: string | null;
  role: EvidenceRole;
  form: string | null;
  topic: string | null;
  /** false for a registration without a recorded visit */
  confirmed: boolean;
  certificateNumber: string | null;
  certificateId: string | null;
  /** the public verification code: /verify/{code} */
  certificateCode: string | null;
  link: string;
};

const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Everything the person did at events, newest first. */
export async function listEvidence(db: DbOrTx, personId: string): Promise<EvidenceItem[]> {
  const base = {
    eventId: event.id,
    eventTitle: event.title,
    activityId: activity.id,
    activityTitle: activity.title,
    topic: activity.topic,
    startsAt: activity.startsAt,
    form: activityForm.title,
  };
  const presented = await db
    .select(base)
    .from(activityPresenter)
    .innerJoin(activity, eq(activity.id, activityPresenter.activityId))
    .innerJoin(event, eq(event.id, activity.eventId))
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(eq(activityPresenter.personId, personId));
  const attended = await db
    .select(base)
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .innerJoin(event, eq(event.id, activity.eventId))
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(eq(attendance.personId, personId));
  const registered = await db
    .select(base)
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .innerJoin(event, eq(event.id, activity.eventId))
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(and(eq(registration.personId, personId), eq(registration.status, 'registered')));
  const staffed = await db
    .select({
      eventId: event.id,
      eventTitle: event.title,
      startDate: event.startDate,
      activityId: staffAssignment.activityId,
      duty: staffAssignment.duty,
    })
    .from(staffAssignment)
    .innerJoin(event, eq(event.id, staffAssignment.eventId))
    .where(eq(staffAssignment.personId, personId));
  const certs = await db
    .select({
      id: certificate.id,
      code: certificate.code,
      number: certificate.number,
      eventId: certificate.eventId,
      activityId: certificate.activityId,
      role: certificate.role,
      eventTitle: certificate.eventTitle,
      formTitle: certificate.formTitle,
      topic: certificate.topic,
      issuedAt: certificate.issuedAt,
      startDate: event.startDate,
    })
    .from(certificate)
    .innerJoin(event, eq(event.id, certificate.eventId))
    .where(and(eq(certificate.personId, personId), isNull(certificate.revokedAt)));

  const items: EvidenceItem[] = [];
  const seen = new Set<string>();
  const push = (item: EvidenceItem) => {
    const k = `${item.role}:${item.eventId}:${item.activityId ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    items.push(item);
  };
  const fromActivity = (
    r: (typeof presented)[number],
    role: EvidenceRole,
    confirmed: boolean,
  ): EvidenceItem => ({
    kind: 'event',
    eventId: r.eventId,
    activityId: r.activityId,
    date: day(r.startsAt),
    title: r.eventTitle,
    activityTitle: r.activityTitle,
    role,
    form: r.form,
    topic: r.topic ?? r.activityTitle,
    confirmed,
    certificateNumber: null,
    certificateId: null,
    certificateCode: null,
    link: `/events/${r.eventId}`,
  });
  const presentedIds = new Set(presented.map((r) => r.activityId));
  for (const r of presented) push(fromActivity(r, 'presenter', true));
  for (const r of attended) if (!presentedIds.has(r.activityId)) push(fromActivity(r, 'listener', true));
  for (const r of registered) if (!presentedIds.has(r.activityId)) push(fromActivity(r, 'listener', false));
  for (const s of staffed)
    push({
      kind: 'event',
      eventId: s.eventId,
      activityId: s.activityId,
      date: s.startDate,
      title: s.eventTitle,
      activityTitle: null,
      role: 'staff',
      form: null,
      topic: DUTY_RU[s.duty] ?? s.duty,
      confirmed: true,
      certificateNumber: null,
      certificateId: null,
      certificateCode: null,
      link: `/events/${s.eventId}`,
    });
  for (const c of certs) {
    const role: EvidenceRole =
      c.role === 'presenter' ? 'presenter' : c.role === 'listener' ? 'listener' : 'staff';
    const match =
      items.find(
        (i) =>
          i.role === role && i.eventId === c.eventId && (i.activityId ?? null) === (c.activityId ?? null),
      ) ?? items.find((i) => i.role === role && i.eventId === c.eventId && !i.certificateNumber);
    if (match) {
      match.certificateNumber = c.number;
      match.certificateId = c.id;
      match.certificateCode = c.code;
      match.confirmed = true;
      continue;
    }
    push({
      kind: 'event',
      eventId: c.eventId,
      activityId: c.activityId,
      date: c.startDate,
      title: c.eventTitle,
      activityTitle: null,
      role,
      form: c.formTitle,
      topic: c.topic,
      confirmed: true,
      certificateNumber: c.number,
      certificateId: c.id,
      certificateCode: c.code,
      link: `/events/${c.eventId}`,
    });
  }
  return items.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'ru'));
}

/** GET /api/people/:id/portfolio: the person themself, methodologists in scope, the organisation's head. */
export async function getPortfolio(
  ctx: AppContext,
  actorIn: Actor | null,
  personId: string,
  q: { page: number; pageSize: number },
) {
  const actor = requireActor(actorIn);
  const [p] = await ctx.db
    .select({
      id: person.id,
      organizationId: person.organizationId,
      fullName: sql<string>`trim(${person.surname} || ' ' || ${person.name} || ' ' || coalesce(${person.patronymic}, ''))`,
    })
    .from(person)
    .where(eq(person.id, personId));
  if (!p) throw CommonErrors.NOT_FOUND();
  const place = (p.organizationId ? await findOrganizationPlace(ctx.db, p.organizationId) : undefined) ?? {
    organizationId: p.organizationId,
    municipalityId: null,
    regionId: null,
  };
  if (!canSeePrivateFields(actor, personId, place)) forbid();
  const all = await listEvidence(ctx.db, personId);
  return {
    person: { id: p.id, fullName: p.fullName },
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
