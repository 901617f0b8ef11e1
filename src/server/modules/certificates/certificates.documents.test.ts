import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { renderCertificatesPdfSync } from '../../documents/certificate-pdf.js';
import {
  renderCertificatePdfFiles,
  renderCertificatesPdfParallel,
} from '../../documents/certificate-pdf.pool.js';
import { seedDemoCertificates } from '../demo/demo.certificates.js';
import { buildActivity, buildEvent, pdfText } from './certificates.test-helpers.js';
import { listCertificatesOfPerson } from './index.js';

const item = (i: number) => ({
  number: `2026-${String(i + 1).padStart(6, '0')}`,
  code: `code${i}abcdefghijklmnop`,
  holderNameDative: i % 2 ? 'Черных Анне Сергеевне' : 'Дюма Александру Петровичу',
  organizationName: 'МБОУ «СОШ № 5»',
  roleText: 'провела мастер-класс по теме «Ёлочные игрушки из фетра: ß-версия»',
  eventTitle: 'Педагогическая сессия',
  eventDates: '12–14.10.2026',
  issuedAt: '15.10.2026',
});

describe('S0-12 certificate PDFs', () => {
  it('S0-12 a batch drawn by the two workers equals the one drawn in this thread', async () => {
    const items = Array.from({ length: 60 }, (_, i) => item(i));
    const opts = { publicUrl: 'https://rost.example.ru' };
    const parallel = await renderCertificatesPdfParallel(items, opts);
    expect(parallel.equals(renderCertificatesPdfSync(items, opts))).toBe(true);
    const files = await renderCertificatePdfFiles(items, opts);
    expect(files).toHaveLength(60);
    const text = pdfText(files[1]);
    expect(text).toContain('Черных Анне Сергеевне');
    expect(text).toContain('«Ёлочные игрушки из фетра: ß-версия»');
    expect(text).toContain('https://rost.example.ru/verify/code1abcdefghijklmnop');
    expect(pdfText(files[0])).toContain('Дюма Александру Петровичу');
  });

  it('S0-12 a revoked certificate is marked on the page', async () => {
    const pdf = renderCertificatesPdfSync([{ ...item(0), revoked: true }], {
      publicUrl: 'http://x',
      compress: false,
    });
    expect(pdfText(pdf)).toContain('АННУЛИРОВАН');
  });
});

describe('S0-12 demo certificates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('S0-12 seedDemoCertificates issues to attendees with one revoked and one reissued', async () => {
    const ev = await buildEvent(t);
    const people = await Promise.all([1, 2, 3].map(() => buildPerson(t)));
    const presenter = await buildPerson(t, { surname: 'Соколов', name: 'Пётр', patronymic: 'Ильич' });
    await buildActivity(t, ev.id, { presenterIds: [presenter.id], listenerIds: people.map((p) => p.id) });
    const r = await seedDemoCertificates(t.ctx, ev.id);
    expect(r.issued).toBe(5);
    const mine = await listCertificatesOfPerson(t.ctx.db, presenter.id);
    expect(mine[0].roleText).toBe(
      'провёл мастер-класс по теме «Формирующее оценивание на уроках математики»',
    );
    const all = (await Promise.all(people.map((p) => listCertificatesOfPerson(t.ctx.db, p.id)))).flat();
    expect(all.filter((c) => c.status === 'revoked')).toHaveLength(2);
    expect(all.filter((c) => c.replacesId)).toHaveLength(1);
    expect(await seedDemoCertificates(t.ctx, (await buildEvent(t)).id)).toEqual({ issued: 0 });
  });
});
