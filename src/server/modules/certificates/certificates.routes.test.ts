import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signInAs,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { mailMessage } from '../../platform/platform.tables.js';
import { buildActivity, buildEvent, pdfText } from './certificates.test-helpers.js';
import { listCertificatesOfPerson } from './index.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
let methodologist: Awaited<ReturnType<typeof signInAs>>;
let strangerMethodologist: Awaited<ReturnType<typeof signInAs>>;
let teacher: Awaited<ReturnType<typeof signInAs>>;
let otherTeacher: Awaited<ReturnType<typeof signInAs>>;
let eventId: string;
let presenter: { id: string };
let maleListener: { id: string };
let chernykh: { id: string };
let teacherPerson: { id: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp();
  const mun = await buildMunicipality(t);
  const org = await buildOrganization(t, { municipalityId: mun.id, shortName: 'МБОУ СОШ № 5' });
  const ev = await buildEvent(t, { hostOrganizationId: org.id, title: 'Педагогическая сессия «Рост-2026»' });
  eventId = ev.id;
  presenter = await buildPerson(t, { organizationId: org.id });
  maleListener = await buildPerson(t, {
    organizationId: org.id,
    surname: 'Петров',
    name: 'Сергей',
    patronymic: 'Иванович',
  });
  chernykh = await buildPerson(t, {
    organizationId: org.id,
    surname: 'Черных',
    name: 'Анна',
    patronymic: 'Сергеевна',
  });
  teacherPerson = await buildPerson(t, {
    organizationId: org.id,
    surname: 'Дюма',
    name: 'Александр',
    patronymic: 'Петрович',
  });
  await buildActivity(t, eventId, {
    formCode: 'master_class',
    topic: 'Формирующее оценивание на уроках математики',
    presenterIds: [presenter.id],
    listenerIds: [maleListener.id, chernykh.id, teacherPerson.id],
  });
  await buildActivity(t, eventId, {
    formCode: 'open_lesson',
    topic: 'Дроби',
    listenerIds: [maleListener.id],
  });
  admin = await signInAs(t, 'admin');
  methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: mun.id });
  strangerMethodologist = await signInAs(t, 'methodologist', {
    scopeType: 'municipality',
    scopeId: (await buildMunicipality(t)).id,
  });
  teacher = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: org.id },
    { personId: teacherPerson.id },
  );
  otherTeacher = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: org.id },
    { personId: presenter.id },
  );
});
afterAll(async () => {
  await t?.close();
});

const issue = (cookie: string | undefined, payload: unknown, id = eventId) =>
  t.call({ method: 'POST', url: `/api/events/${id}/certificates`, cookie, payload: payload as object });

describe('S0-12 issuing certificates', () => {
  it('X-1 issuing needs sign-in, an event manager, a valid body and a known event', async () => {
    expect((await issue(undefined, { to: 'attended' })).status).toBe(401);
    expect((await issue(teacher.cookie, { to: 'attended' })).status).toBe(403);
    expect((await issue(strangerMethodologist.cookie, { to: 'attended' })).status).toBe(403);
    expect((await issue(methodologist.cookie, { to: 'everyone' })).status).toBe(400);
    expect((await issue(methodologist.cookie, { to: { personIds: ['x'] } })).status).toBe(400);
    expect((await issue(methodologist.cookie, { to: 'attended' }, UNKNOWN)).status).toBe(404);
  });

  it('S0-12 issues to everyone who attended: presenters with form and topic, listeners once each', async () => {
    const res = await issue(methodologist.cookie, { to: 'attended' });
    expect(res.status).toBe(200);
    expect(res.body.issued).toBe(4);
    const byPerson = new Map(res.body.items.map((c: any) => [c.personId, c]));
    const p: any = byPerson.get(presenter.id);
    expect(p).toMatchObject({
      role: 'presenter',
      holderNameDative: 'Ивановой Марии Петровне',
      formTitle: 'Мастер-класс',
      topic: 'Формирующее оценивание на уроках математики',
      roleText: 'провела мастер-класс по теме «Формирующее оценивание на уроках математики»',
      status: 'valid',
      eventDates: '12–14.10.2026',
    });
    expect((byPerson.get(maleListener.id) as any).roleText).toBe('принял участие в мероприятии');
    expect((byPerson.get(chernykh.id) as any).holderNameDative).toBe('Черных Анне Сергеевне');
    expect((byPerson.get(teacherPerson.id) as any).holderNameDative).toBe('Дюма Александру Петровичу');
    for (const c of res.body.items) {
      expect(c.number).toMatch(new RegExp(`^${year}-\\d{6}$`));
      expect(c.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });

  it('S0-12 issuing again is idempotent', async () => {
    const res = await issue(admin.cookie, { to: 'attended' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ issued: 0, skipped: 4 });
  });

  it('S0-12 numbers are sequential per year, also when batches run at the same time', async () => {
    const others = await Promise.all(
      [1, 2, 3].map(async () => {
        const ev = await buildEvent(t);
        const people = await Promise.all([1, 2, 3, 4, 5].map(() => buildPerson(t)));
        await buildActivity(t, ev.id, { listenerIds: people.map((p) => p.id) });
        return ev.id;
      }),
    );
    const results = await Promise.all(others.map((id) => issue(admin.cookie, { to: 'attended' }, id)));
    for (const r of results) expect(r.status).toBe(200);
    const list = await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/certificates?pageSize=200`,
      cookie: admin.cookie,
    });
    const all = [...list.body.items, ...results.flatMap((r) => r.body.items)];
    const seqs = all.map((c: any) => Number(c.number.split('-')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('S0-12 issues to a selection with a role', async () => {
    const guest = await buildPerson(t, {
      surname: 'Смирнов',
      name: 'Олег',
      patronymic: 'Павлович',
      gender: 'male',
    });
    const res = await issue(methodologist.cookie, { to: { personIds: [guest.id] }, role: 'organizer' });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      role: 'organizer',
      holderNameDative: 'Смирнову Олегу Павловичу',
      roleText: 'принял участие в организации мероприятия',
    });
    expect((await issue(methodologist.cookie, { to: { personIds: [UNKNOWN] } })).status).toBe(400);
  });
});

describe('S0-12 the registry, corrections, revocation and reissue', () => {
  let certId: string;
  it('X-1 the list is for managers; filters by role, status and name', async () => {
    const url = `/api/events/${eventId}/certificates`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: teacher.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN}/certificates`, cookie: admin.cookie }))
        .status,
    ).toBe(404);
    expect((await t.call({ method: 'GET', url: `${url}?status=nope`, cookie: admin.cookie })).status).toBe(
      400,
    );
    const res = await t.call({ method: 'GET', url: `${url}?role=presenter`, cookie: methodologist.cookie });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    certId = res.body.items[0].id;
    const byName = await t.call({ method: 'GET', url: `${url}?q=черных`, cookie: methodologist.cookie });
    expect(byName.body.items.map((c: any) => c.holderName)).toEqual(['Черных Анна Сергеевна']);
    const sorted = await t.call({ method: 'GET', url: `${url}?sort=holder`, cookie: methodologist.cookie });
    expect(sorted.body.items[0].holderName).toBe('Дюма Александр Петрович');
  });

  it('S0-12 the declined name can be corrected by hand', async () => {
    const url = `/api/certificates/${certId}`;
    expect((await t.call({ method: 'PATCH', url, payload: { holderNameDative: 'Ивановой' } })).status).toBe(
      401,
    );
    expect(
      (
        await t.call({
          method: 'PATCH',
          url,
          cookie: teacher.cookie,
          payload: { holderNameDative: 'Ивановой' },
        })
      ).status,
    ).toBe(403);
    expect((await t.call({ method: 'PATCH', url, cookie: admin.cookie, payload: {} })).status).toBe(400);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/certificates/${UNKNOWN}`,
          cookie: admin.cookie,
          payload: { holderNameDative: 'Ивановой' },
        })
      ).status,
    ).toBe(404);
    const res = await t.call({
      method: 'PATCH',
      url,
      cookie: methodologist.cookie,
      payload: { holderNameDative: 'Ивановой Марии Петровне (Сидоровой)' },
    });
    expect(res.status).toBe(200);
    expect(res.body.holderNameDative).toBe('Ивановой Марии Петровне (Сидоровой)');
    await t.call({
      method: 'PATCH',
      url,
      cookie: methodologist.cookie,
      payload: { holderNameDative: 'Ивановой Марии Петровне' },
    });
  });

  it('S0-12 the certificate PDF contains the declined name, the form and the topic', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/certificates/${certId}/pdf`,
      headers: { cookie: methodologist.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Ивановой Марии Петровне');
    expect(text).toContain('в том, что она провела мастер-класс по теме');
    expect(text).toContain('выдан');
    expect(text).toContain('Формирующее оценивание');
    expect(text).toContain('Педагогическая сессия «Рост-2026»');
    expect(text).toMatch(/№ \d{4}-\d{6}/);
    expect(text).toContain('http://localhost:3000/verify/');
    // the QR code is drawn as vector rectangles
    expect(pdf.toString('latin1')).not.toContain('/Image');
  });

  it('X-1 a teacher downloads their own certificate but not another person’s', async () => {
    const list = await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/certificates?pageSize=200`,
      cookie: admin.cookie,
    });
    const own = list.body.items.find((c: any) => c.personId === teacherPerson.id);
    expect((await t.call({ method: 'GET', url: `/api/certificates/${own.id}/pdf` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/certificates/${own.id}/pdf`, cookie: teacher.cookie }))
        .status,
    ).toBe(200);
    expect(
      (await t.call({ method: 'GET', url: `/api/certificates/${own.id}/pdf`, cookie: otherTeacher.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: `/api/certificates/${UNKNOWN}/pdf`, cookie: admin.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: '/api/certificates/nope/pdf', cookie: admin.cookie })).status,
    ).toBe(400);
  });

  it('S0-12 public verification shows a valid certificate and nothing else', async () => {
    const [cert] = (await listCertificatesOfPerson(t.ctx.db, presenter.id)).filter(
      (c) => c.status === 'valid',
    );
    const res = await t.call({ method: 'GET', url: `/api/public/certificates/${cert.code}` });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'eventDates',
        'eventTitle',
        'formTitle',
        'holderName',
        'issuedAt',
        'number',
        'revokedAt',
        'role',
        'status',
        'topic',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      holderName: 'Иванова Мария Петровна',
      role: 'presenter',
      formTitle: 'Мастер-класс',
      status: 'valid',
      revokedAt: null,
    });
    expect(
      (await t.call({ method: 'GET', url: '/api/public/certificates/AAAAAAAAAAAAAAAAAAAAAA' })).status,
    ).toBe(404);
    expect((await t.call({ method: 'GET', url: '/api/public/certificates/bad!code' })).status).toBe(400);
  });

  it('S0-12 revoking needs a reason; the public page then shows it revoked', async () => {
    const url = `/api/certificates/${certId}/revoke`;
    expect((await t.call({ method: 'POST', url, payload: { reason: 'Ошибка' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url, cookie: teacher.cookie, payload: { reason: 'Ошибка' } })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'POST', url, cookie: admin.cookie, payload: { reason: '' } })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/certificates/${UNKNOWN}/revoke`,
          cookie: admin.cookie,
          payload: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    const res = await t.call({
      method: 'POST',
      url,
      cookie: methodologist.cookie,
      payload: { reason: 'Ошибка в теме' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', revokedReason: 'Ошибка в теме' });
    const pub = await t.call({ method: 'GET', url: `/api/public/certificates/${res.body.code}` });
    expect(pub.body).toMatchObject({ status: 'revoked' });
    expect(pub.body.revokedAt).not.toBeNull();
    expect(
      (await t.call({ method: 'POST', url, cookie: methodologist.cookie, payload: { reason: 'ещё раз' } }))
        .status,
    ).toBe(409);
    // a revoked presenter certificate may be issued anew (idempotency counts valid ones only)
    const again = await issue(methodologist.cookie, { to: { personIds: [presenter.id] }, role: 'presenter' });
    expect(again.body.issued).toBe(1);
  });

  it('S0-12 reissue revokes and issues a replacement', async () => {
    const mine = (await listCertificatesOfPerson(t.ctx.db, maleListener.id))[0];
    const url = `/api/certificates/${mine.id}/reissue`;
    expect((await t.call({ method: 'POST', url })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, cookie: teacher.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'POST', url: `/api/certificates/${UNKNOWN}/reissue`, cookie: admin.cookie }))
        .status,
    ).toBe(404);
    const res = await t.call({ method: 'POST', url, cookie: methodologist.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ replacesId: mine.id, status: 'valid', personId: maleListener.id });
    expect(res.body.number).not.toBe(mine.number);
    const after = await listCertificatesOfPerson(t.ctx.db, maleListener.id);
    expect(after.find((c) => c.id === mine.id)?.status).toBe('revoked');
  });
});

describe('S0-12 batch downloads and e-mail', () => {
  it('S0-12 all valid certificates as one PDF and as a ZIP of separate PDFs', async () => {
    const list = await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/certificates?status=valid`,
      cookie: admin.cookie,
    });
    const n = list.body.total;
    expect((await t.call({ method: 'GET', url: `/api/events/${eventId}/certificates.pdf` })).status).toBe(
      401,
    );
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/events/${eventId}/certificates.zip`,
          cookie: teacher.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN}/certificates.zip`, cookie: admin.cookie }))
        .status,
    ).toBe(404);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/certificates.pdf`,
      headers: { cookie: methodologist.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(/\/Count (\d+)/.exec(pdf.rawPayload.toString('latin1'))?.[1]).toBe(String(n));
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Черных Анне Сергеевне');
    expect(text).toContain('в том, что она приняла участие в мероприятии');
    expect(text).toContain('в том, что он принял участие в мероприятии');
    const zip = await t.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/certificates.zip`,
      headers: { cookie: methodologist.cookie },
    });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toContain('application/zip');
    const names = zipNames(zip.rawPayload);
    expect(names).toHaveLength(n);
    for (const name of names) expect(name).toMatch(/^certificate-\d{4}-\d{6}\.pdf$/);
  });

  it('X-4 certificates are e-mailed with progress', async () => {
    const url = `/api/events/${eventId}/certificates/send`;
    expect((await t.call({ method: 'POST', url })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, cookie: teacher.cookie })).status).toBe(403);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN}/certificates/send`,
          cookie: admin.cookie,
        })
      ).status,
    ).toBe(404);
    const res = await t.call({ method: 'POST', url, cookie: methodologist.cookie });
    expect(res.status).toBe(202);
    const status = await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/certificates/send-status`,
      cookie: methodologist.cookie,
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'done', failed: 0 });
    expect(status.body.sent).toBe(status.body.total);
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'certificate'));
    expect(mails.length).toBe(status.body.sent);
    expect(mails[0].text).toContain('/api/certificates/');
    expect(mails[0].text).toContain('/verify/');
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/events/${eventId}/certificates/send-status`,
          cookie: teacher.cookie,
        })
      ).status,
    ).toBe(403);
  });
});

describe('S0-14 portfolio input', () => {
  it('S0-14 listCertificatesOfPerson returns the person’s certificates with their wording', async () => {
    const list = await listCertificatesOfPerson(t.ctx.db, presenter.id);
    expect(list.length).toBe(2);
    expect(list.every((c) => c.roleText.startsWith('провела мастер-класс'))).toBe(true);
    expect(list.map((c) => c.status).sort()).toEqual(['revoked', 'valid']);
  });
});

/** Entry names from a ZIP's central directory. */
function zipNames(buf: Buffer): string[] {
  const names: string[] = [];
  for (
    let i = buf.indexOf('PK\x01\x02', 0, 'latin1');
    i >= 0;
    i = buf.indexOf('PK\x01\x02', i + 4, 'latin1')
  ) {
    const nameLen = buf.readUInt16LE(i + 28);
    const extraLen = buf.readUInt16LE(i + 30);
    const commentLen = buf.readUInt16LE(i + 32);
    names.push(buf.subarray(i + 46, i + 46 + nameLen).toString('utf8'));
    i += 46 + nameLen + extraLen + commentLen - 4;
  }
  return names;
}
