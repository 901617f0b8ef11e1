import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { mailMessage } from '../../../platform/platform.tables.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import { notification } from '../../notifications/notifications.tables.js';
import {
  buildEventWorld,
  daysFromNow,
  type EventWorld,
  openCallEvent,
  UNKNOWN_ID,
} from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
let forms: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
  const r = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
  forms = Object.fromEntries(r.body.items.map((f: any) => [f.code, f.id]));
});
afterAll(async () => {
  await t.close();
});

const draft = (eventId: string, cookie: string, o: Record<string, unknown> = {}) =>
  t.call({
    method: 'POST',
    url: `/api/events/${eventId}/applications`,
    payload: {
      formId: forms.master_class,
      topic: 'Смысловое чтение на уроках истории',
      annotation: 'Приёмы работы с текстом',
      durationMinutes: 45,
      expectedAudience: 'учителя истории',
      equipment: 'проектор',
      roomNeeds: 'кабинет на 25 мест',
      ...o,
    },
    cookie,
  });
const submit = (id: string, cookie: string) =>
  t.call({ method: 'POST', url: `/api/applications/${id}/submit`, cookie });
const review = (id: string, cookie: string, decision: string, comment?: string) =>
  t.call({ method: 'POST', url: `/api/applications/${id}/review`, payload: { decision, comment }, cookie });

describe('POST /api/events/:id/applications', () => {
  it('S0-3 X-1 401 anonymous, 404 unknown or draft event, 400 bad body, 400 without a person record', async () => {
    const ev = await openCallEvent(t, w);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${ev}/applications`,
          payload: { formId: forms.seminar, topic: 'Тема' },
        })
      ).status,
    ).toBe(401);
    expect((await draft(UNKNOWN_ID, w.teacher.cookie)).status).toBe(404);
    expect((await draft(ev, w.teacher.cookie, { topic: '' })).status).toBe(400);
    expect((await draft(ev, w.teacher.cookie, { formId: UNKNOWN_ID })).status).toBe(404);
    const noPerson = await signInAs(t, 'guest');
    const r = await draft(ev, noPerson.cookie);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('APPLICANT_WITHOUT_PERSON');
  });

  it('S0-3 S0-4 S0-10 a teacher drafts an application with co-presenters and needs; open lesson asks grade and subject', async () => {
    const ev = await openCallEvent(t, w);
    const co = await buildPerson(t, { organizationId: w.invited.id, surname: 'Андреева' });
    const r = await draft(ev, w.teacher.cookie, { coPresenterIds: [co.id] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      organization: { id: w.invited.id },
      form: { code: 'master_class' },
      equipment: 'проектор',
      roomNeeds: 'кабинет на 25 мест',
      canEdit: true,
      canReview: false,
    });
    expect(r.body.coPresenters).toEqual([{ id: co.id, name: 'Андреева Мария Петровна' }]);
    const missing = await draft(ev, w.teacher.cookie, { formId: forms.open_lesson });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('FORM_FIELD_INVALID');
    expect(missing.body.error.message).toBe('Поле «Класс»: обязательное поле.');
    const wrong = await draft(ev, w.teacher.cookie, {
      formId: forms.open_lesson,
      extra: { grade: '13', subject: 'История' },
    });
    expect(wrong.status).toBe(400);
    const ok = await draft(ev, w.teacher.cookie, {
      formId: forms.open_lesson,
      extra: { grade: '7', subject: 'История', junk: 1 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.extra).toEqual({ grade: '7', subject: 'История' });
  });
});

describe('the application flow', () => {
  it('S0-3 S0-4 X-4 apply → request changes → resubmit → accept, with the comment thread and notifications', async () => {
    const ev = await openCallEvent(t, w);
    const a = (await draft(ev, w.teacher.cookie)).body.id;
    expect((await submit(a, w.teacher.cookie)).body.status).toBe('submitted');
    // editing a submitted application is refused
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/applications/${a}`,
          payload: { topic: 'Другая' },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(409);
    const noComment = await review(a, w.methodologist.cookie, 'request_changes');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.code).toBe('REVIEW_COMMENT_REQUIRED');
    const back = await review(a, w.methodologist.cookie, 'request_changes', 'Уточните аудиторию');
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('changes_requested');
    const notes = await t.ctx.db.select().from(notification).where(eq(notification.userId, w.teacher.userId));
    expect(notes.map((n) => n.kind)).toContain('application_request_changes');
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, w.teacher.email));
    expect(mails.some((m) => m.subject.startsWith('Заявка возвращена на доработку'))).toBe(true);
    const reply = await t.call({
      method: 'POST',
      url: `/api/applications/${a}/comments`,
      payload: { body: 'Уточнила: учителя 5–9 классов' },
      cookie: w.teacher.cookie,
    });
    expect(reply.status).toBe(201);
    const edited = await t.call({
      method: 'PATCH',
      url: `/api/applications/${a}`,
      payload: { expectedAudience: 'учителя 5–9 классов' },
      cookie: w.teacher.cookie,
    });
    expect(edited.status).toBe(200);
    expect((await submit(a, w.teacher.cookie)).body.status).toBe('submitted');
    const accepted = await review(a, w.methodologist.cookie, 'accept');
    expect(accepted.body.status).toBe('accepted');
    const thread = await t.call({
      method: 'GET',
      url: `/api/applications/${a}/comments`,
      cookie: w.teacher.cookie,
    });
    expect(thread.body.items.map((c: any) => [c.body, c.decision])).toEqual([
      ['Уточните аудиторию', 'request_changes'],
      ['Уточнила: учителя 5–9 классов', null],
    ]);
    expect((await review(a, w.methodologist.cookie, 'reject', 'нет')).status).toBe(409);
  });

  it('S0-3 submitting outside the window is refused with APPLICATIONS_CLOSED', async () => {
    const ev = await openCallEvent(
      t,
      w,
      {},
      { applicationsOpenFrom: daysFromNow(3), applicationsOpenUntil: daysFromNow(9) },
    );
    const a = (await draft(ev, w.teacher.cookie)).body.id;
    const r = await submit(a, w.teacher.cookie);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('APPLICATIONS_CLOSED');
    expect(r.body.error.message).toContain('заявки принимаются с');
    const closed = await openCallEvent(t, w);
    const b = (await draft(closed, w.teacher.cookie)).body.id;
    await t.call({
      method: 'PATCH',
      url: `/api/events/${closed}`,
      payload: { status: 'call_closed' },
      cookie: w.methodologist.cookie,
    });
    expect((await submit(b, w.teacher.cookie)).status).toBe(409);
    expect((await draft(closed, w.teacher.cookie)).status).toBe(409);
  });

  it('S0-3 caps per organisation and per form refuse a further acceptance with APPLICATION_CAP_REACHED', async () => {
    const ev = await openCallEvent(t, w, { capPerOrganization: 1, capsPerForm: { seminar: 1 } });
    const a1 = (await draft(ev, w.teacher.cookie)).body.id;
    const a2 = (await draft(ev, w.teacher.cookie, { topic: 'Вторая' })).body.id;
    const s1 = (await draft(ev, w.teacher2.cookie, { formId: forms.seminar })).body.id;
    const head2 = await buildPerson(t, { organizationId: w.host.id });
    const hostTeacher = await signInAs(
      t,
      'teacher',
      { scopeType: 'organization', scopeId: w.host.id },
      { personId: head2.id },
    );
    const s2 = (await draft(ev, hostTeacher.cookie, { formId: forms.seminar })).body.id;
    for (const [id, c] of [
      [a1, w.teacher],
      [a2, w.teacher],
      [s1, w.teacher2],
      [s2, hostTeacher],
    ] as const)
      expect((await submit(id, c.cookie)).status).toBe(200);
    expect((await review(a1, w.methodologist.cookie, 'accept')).status).toBe(200);
    const capOrg = await review(a2, w.methodologist.cookie, 'accept');
    expect(capOrg.status).toBe(409);
    expect(capOrg.body.error.code).toBe('APPLICATION_CAP_REACHED');
    expect(capOrg.body.error.message).toBe('Достигнут лимит принятых заявок от одной организации: 1.');
    expect((await review(s1, w.methodologist.cookie, 'accept')).status).toBe(200);
    const capForm = await review(s2, w.methodologist.cookie, 'accept');
    expect(capForm.status).toBe(409);
    expect(capForm.body.error.message).toBe('Достигнут лимит принятых заявок по форме «Семинар»: 1.');
    expect((await review(s2, w.methodologist.cookie, 'reject', 'Лимит по форме')).body.status).toBe(
      'rejected',
    );
  });
});

describe('access to applications', () => {
  it('S0-4 X-1 a teacher cannot review (403) nor see another teacher’s draft (404); a foreign methodologist cannot review', async () => {
    const ev = await openCallEvent(t, w);
    const mine = (await draft(ev, w.teacher.cookie)).body.id;
    const other = (await draft(ev, w.teacher2.cookie)).body.id;
    expect(
      (await t.call({ method: 'GET', url: `/api/applications/${other}`, cookie: w.teacher.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: `/api/applications/${other}`, cookie: w.methodologist.cookie }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/applications/${other}`,
          payload: { topic: 'x' },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await submit(mine, w.teacher.cookie)).status).toBe(200);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/applications/${mine}/review`,
          payload: { decision: 'accept' },
        })
      ).status,
    ).toBe(401);
    expect((await review(mine, w.teacher.cookie, 'accept')).status).toBe(403);
    expect((await review(mine, w.head.cookie, 'accept')).status).toBe(403);
    expect((await review(mine, w.methodologist.cookie, 'maybe')).status).toBe(400);
    expect((await review(UNKNOWN_ID, w.methodologist.cookie, 'accept')).status).toBe(404);
    // the methodologist may read it now, but not edit it (only the applicant edits)
    expect(
      (await t.call({ method: 'GET', url: `/api/applications/${mine}`, cookie: w.methodologist.cookie })).body
        .canReview,
    ).toBe(true);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/applications/${mine}`,
          payload: { topic: 'x' },
          cookie: w.methodologist.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/applications/${mine}`,
          payload: { topic: '' },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/applications/${mine}/comments`,
          payload: { body: 'x' },
          cookie: w.head.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/applications/${mine}/comments`,
          payload: { body: '' },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(400);
    expect((await t.call({ method: 'GET', url: `/api/applications/${mine}/comments` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/applications/${other}/comments`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(404);
    expect((await submit(other, w.teacher.cookie)).status).toBe(404);
  });

  it('S0-4 X-1 lists: managers see all submitted, the head only their organisation’s, a teacher only their own; filters', async () => {
    const ev = await openCallEvent(t, w);
    const a = (await draft(ev, w.teacher.cookie)).body.id;
    const b = (await draft(ev, w.teacher2.cookie, { formId: forms.seminar })).body.id;
    const hidden = (await draft(ev, w.teacher2.cookie, { topic: 'Черновик' })).body.id;
    await submit(a, w.teacher.cookie);
    await submit(b, w.teacher2.cookie);
    const list = (cookie: string, qs = '') =>
      t.call({ method: 'GET', url: `/api/events/${ev}/applications${qs}`, cookie });
    const ids = async (cookie: string, qs = '') =>
      (await list(cookie, qs)).body.items.map((x: any) => x.id).sort();
    expect((await t.call({ method: 'GET', url: `/api/events/${ev}/applications` })).status).toBe(401);
    expect((await list(w.teacher.cookie, '?status=bogus')).status).toBe(400);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN_ID}/applications`, cookie: w.admin.cookie }))
        .status,
    ).toBe(404);
    expect(await ids(w.methodologist.cookie)).toEqual([a, b].sort());
    expect(await ids(w.methodologist.cookie, `?formId=${forms.seminar}`)).toEqual([b]);
    expect(await ids(w.methodologist.cookie, `?organizationId=${w.invited.id}&status=submitted`)).toEqual([
      a,
    ]);
    expect(await ids(w.head.cookie)).toEqual([a]);
    expect(await ids(w.teacher.cookie)).toEqual([a]);
    expect(await ids(w.teacher2.cookie)).toEqual([b, hidden].sort());
    expect((await list(w.teacher.cookie, `?organizationId=${w.other.id}`)).status).toBe(403);
    const headView = await t.call({ method: 'GET', url: `/api/applications/${a}`, cookie: w.head.cookie });
    expect(headView.status).toBe(200);
    expect(headView.body.canReview).toBe(false);
    expect(headView.body.canComment).toBe(false);
  });
});

describe('participants from the host and other organisations', () => {
  it('S0-9 teachers of the host, of another municipality and of another region apply to the same call', async () => {
    const ev = await openCallEvent(t, w);
    const hostPerson = await buildPerson(t, { organizationId: w.host.id });
    const hostTeacher = await signInAs(
      t,
      'teacher',
      { scopeType: 'organization', scopeId: w.host.id },
      { personId: hostPerson.id },
    );
    // another region: a guest with a person record in an organisation of another region
    const farPerson = await buildPerson(t);
    const guest = await signInAs(t, 'guest', {}, { personId: farPerson.id });
    for (const c of [hostTeacher, w.teacher2, guest]) {
      const a = await draft(ev, c.cookie);
      expect(a.status).toBe(201);
      expect((await submit(a.body.id, c.cookie)).status).toBe(200);
    }
    const all = await t.call({
      method: 'GET',
      url: `/api/events/${ev}/applications`,
      cookie: w.methodologist.cookie,
    });
    expect(new Set(all.body.items.map((a: any) => a.organization.id))).toEqual(
      new Set([w.host.id, w.other.id, farPerson.organizationId]),
    );
  });
});

describe('GET /api/events/:id/applications/export.xlsx', () => {
  it('X-6 X-1 exports the applications the actor sees with the list filters; 401 anonymous, 404 unknown event', async () => {
    const ev = await openCallEvent(t, w);
    const a = (await draft(ev, w.teacher.cookie, { topic: 'Экспорт: первая' })).body.id;
    const b = (await draft(ev, w.teacher2.cookie, { topic: 'Экспорт: вторая' })).body.id;
    await submit(a, w.teacher.cookie);
    await submit(b, w.teacher2.cookie);
    const url = `/api/events/${ev}/applications/export.xlsx`;
    expect((await downloadXlsx(t, url)).status).toBe(401);
    expect(
      (await downloadXlsx(t, `/api/events/${UNKNOWN_ID}/applications/export.xlsx`, w.admin.cookie)).status,
    ).toBe(404);
    const all = await downloadXlsx(t, url, w.methodologist.cookie);
    expect(all.status).toBe(200);
    expect(all.header[0]).toBe('Тема');
    expect(all.rows.map((r) => r[0]).sort()).toEqual(['Экспорт: вторая', 'Экспорт: первая']);
    const own = await downloadXlsx(t, url, w.teacher.cookie);
    expect(own.rows.map((r) => r[0])).toEqual(['Экспорт: первая']);
    const filtered = await downloadXlsx(t, `${url}?organizationId=${w.other.id}`, w.methodologist.cookie);
    expect(filtered.rows.map((r) => r[5])).toEqual(['подана']);
  });
});
