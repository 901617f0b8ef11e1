// The whole life of an event in the browser, as its users see it (issue 3): a teacher applies to an open call,
// the methodologist returns the application with a comment, the teacher edits and resubmits it, the methodologist
// accepts it, places it into the programme (a clashing placement is refused with the clash named), publishes the
// programme; a guest listener registers, the organiser marks attendance, the listener gives feedback; the
// methodologist issues certificates, and the verification address printed on the certificate's PDF, opened by a
// visitor with no account, shows it valid, then revoked.
// Setup that is not part of the flow (the event with an open call and rooms, the guest account) goes via the API.
// Run alone: node scripts/e2e.mjs tests/e2e/events-flow.spec.ts
import fs from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  anonymousContext,
  choose,
  createEventWithOpenCall,
  type FlowEvent,
  isoDay,
  type Listener,
  methodologistContext,
  pdfText,
  registerGuestListener,
  ruDay,
  signedInContext,
  TEACHER,
} from './events-flow.helpers';

// each step is a whole journey through several pages: more time than the default minute
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const stamp = `${Date.now().toString(36)}`;
const TOPIC = 'Читательская грамотность на уроках истории';
const TOPIC_REVISED = 'Читательская грамотность на уроках истории: работа с источником';
const RETURN_COMMENT = 'Уточните, какие приёмы работы с текстом вы покажете, и укажите оборудование.';

let ev: FlowEvent;
let listener: Listener;
let methodologist: BrowserContext;
let teacher: BrowserContext;
let guest: BrowserContext;
let visitor: BrowserContext;
let certificateNumber: string;

test.beforeAll(async ({ browser }) => {
  methodologist = await methodologistContext(browser);
  ev = await createEventWithOpenCall(methodologist.request, `Семинар «Функциональная грамотность» ${stamp}`);
  teacher = await signedInContext(browser, TEACHER);
  listener = await registerGuestListener(browser, stamp);
  guest = await signedInContext(browser, { email: listener.email, password: listener.password });
  visitor = await anonymousContext(browser);
});

test.afterAll(async () => {
  for (const c of [methodologist, teacher, guest, visitor]) await c?.close();
});

/** The event page on one of its tabs. */
async function openEventTab(page: Page, tab: string): Promise<void> {
  await page.goto(`/events/${ev.id}`);
  await expect(page.getByRole('heading', { level: 1, name: ev.title })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

/** The application's page as the methodologist reaches it: the «Заявки» tab, then its topic. */
async function openApplicationFromList(page: Page, topic: string, status: string): Promise<void> {
  await openEventTab(page, 'Заявки');
  const row = page.getByRole('row').filter({ hasText: topic });
  await expect(row.getByRole('cell').last()).toHaveText(status);
  await row.getByRole('link', { name: topic }).click();
  await expect(page.getByRole('heading', { level: 1, name: topic })).toBeVisible();
}

/** An application's status as its coloured tag shows it. */
function statusTag(page: Page, status: string) {
  return page.locator('.ant-tag').getByText(status, { exact: true });
}

/** The card of our activity in the programme grid (inside the room's column). */
function activityCard(page: Page, room: string) {
  return page.getByRole('region', { name: room }).locator('.ant-card').filter({ hasText: TOPIC_REVISED });
}

test('S0-3 S0-4 a teacher applies to the open call; the methodologist asks for changes with a comment; the teacher sees it, edits and resubmits; the methodologist accepts', async () => {
  const t = await teacher.newPage();
  const m = await methodologist.newPage();

  // the teacher applies: form of activity, topic, annotation, duration, audience
  await openEventTab(t, 'Заявки');
  await expect(t.getByText('Идёт приём заявок')).toBeVisible();
  // the call to action stands in the event's header (and again above the applications list)
  await t.getByRole('button', { name: 'Подать заявку' }).first().click();
  await expect(t.getByRole('heading', { level: 1, name: `Заявка на участие: ${ev.title}` })).toBeVisible();
  await choose(t, t.getByRole('combobox', { name: 'Форма' }), 'Мастер-класс');
  await t.getByLabel('Продолжительность, минут').fill('45');
  await t.getByLabel('Тема').fill(TOPIC);
  await t.getByLabel('Аннотация').fill('Покажу, как научить пятиклассников читать исторический текст.');
  await t.getByLabel('Целевая аудитория').fill('учителя истории и обществознания');
  await t.getByLabel('Ожидаемое число участников').fill('20');
  await t.getByRole('button', { name: 'Подать заявку' }).click();
  // toasts are short-lived: each is checked straight after the click that raises it
  await expect(t.getByText('Заявка подана')).toBeVisible();
  await expect(t.getByRole('heading', { level: 1, name: TOPIC })).toBeVisible();
  await expect(statusTag(t, 'Подана')).toBeVisible();

  // the methodologist returns it with a comment
  await openApplicationFromList(m, TOPIC, 'Подана');
  await expect(m.getByText('Покажу, как научить пятиклассников читать исторический текст.')).toBeVisible();
  await m.getByLabel('Комментарий заявителю (обязателен при отклонении и возврате)').fill(RETURN_COMMENT);
  await m.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(m.getByText('Заявка возвращена на доработку').first()).toBeVisible();
  await expect(statusTag(m, 'На доработке')).toBeVisible();

  // the teacher sees the comment, edits and resubmits
  await t.reload();
  await expect(statusTag(t, 'На доработке')).toBeVisible();
  const thread = t.locator('.ant-card').filter({ hasText: 'Переписка' });
  await expect(thread.getByText(RETURN_COMMENT)).toBeVisible();
  await expect(thread.getByText('Заявка возвращена на доработку')).toBeVisible();
  await t.getByRole('button', { name: 'Изменить' }).click();
  const edit = t.getByRole('dialog', { name: 'Изменить' });
  await edit.getByLabel('Тема').fill(TOPIC_REVISED);
  await edit
    .getByLabel('Аннотация')
    .fill('Покажу приёмы «инсерт» и «вопросы к источнику» на материале летописи.');
  await edit.getByLabel('Оборудование').fill('проектор, 20 распечаток');
  await edit.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(edit).toBeHidden();
  await expect(t.getByRole('heading', { level: 1, name: TOPIC_REVISED })).toBeVisible();
  await expect(statusTag(t, 'Подана')).toBeVisible();
  await expect(t.getByText('проектор, 20 распечаток')).toBeVisible();

  // the methodologist accepts the revised application
  await openApplicationFromList(m, TOPIC_REVISED, 'Подана');
  await expect(
    m.getByText('Покажу приёмы «инсерт» и «вопросы к источнику» на материале летописи.'),
  ).toBeVisible();
  await m.getByRole('button', { name: 'Принять' }).click();
  await expect(m.getByText('Заявка принята').first()).toBeVisible();
  await expect(statusTag(m, 'Принята')).toBeVisible();

  // the teacher sees the decision
  await t.reload();
  await expect(statusTag(t, 'Принята')).toBeVisible();
  await Promise.all([t.close(), m.close()]);
});

test('S0-5 the methodologist places the accepted application into a room and time; a clash in the same room and time is refused naming it; the programme is published', async () => {
  const m = await methodologist.newPage();
  await openEventTab(m, 'Программа');
  await expect(m.getByText('1 принятая заявка ждёт места в программе')).toBeVisible();

  // place the application: Ауд. 101, first day, 10:00; the end follows the declared 45 minutes
  await m.getByRole('button', { name: 'Поставить заявку' }).click();
  const place = m.getByRole('dialog', { name: 'Поставить заявку' });
  await choose(m, place.getByRole('combobox', { name: 'Заявка' }), TOPIC_REVISED);
  await choose(m, place.getByRole('combobox', { name: 'Аудитория' }), 'Ауд. 101');
  await expect(place.getByRole('combobox', { name: 'День' })).toBeVisible();
  await expect(place.getByText(ruDay(ev.startDate))).toBeVisible();
  await place.getByLabel('Начало').fill('10:00');
  await expect(place.getByLabel('Окончание')).toHaveValue('10:45');
  await place.getByRole('button', { name: 'Сохранить' }).click();
  await expect(m.getByText('Сохранено')).toBeVisible();
  await expect(place).toBeHidden();
  const card = activityCard(m, 'Ауд. 101 · 30');
  await expect(card).toContainText('10:00–10:45');
  await expect(card).toContainText(`Мастер-класс: «${TOPIC_REVISED}»`);
  await expect(m.getByText('принятая заявка ждёт места')).toHaveCount(0);

  // an organiser's item in the same room overlapping in time is refused, the message names the clash
  await m.getByRole('button', { name: 'Пункт организатора' }).click();
  const item = m.getByRole('dialog', { name: 'Пункт организатора' });
  await item.getByLabel('Название').fill('Открытие семинара');
  await choose(m, item.getByRole('combobox', { name: 'Аудитория' }), 'Ауд. 101');
  await item.getByLabel('Начало').fill('10:30');
  await item.getByLabel('Окончание').fill('11:00');
  await item.getByRole('button', { name: 'Сохранить' }).click();
  await expect(item.getByRole('alert')).toContainText(
    `Ауд. 101 уже занята 10:00–10:45: мастер-класс «${TOPIC_REVISED}».`,
  );
  await expect(item).toBeVisible();
  // moved to the hall, it fits
  await choose(m, item.getByRole('combobox', { name: 'Аудитория' }), 'Актовый зал');
  await item.getByRole('button', { name: 'Сохранить' }).click();
  await expect(item).toBeHidden();
  await expect(activityCard(m, 'Ауд. 101 · 30')).toHaveCount(1);
  await expect(m.getByRole('region', { name: 'Актовый зал · 120' })).toContainText('Открытие семинара');

  // publish
  await expect(m.getByText('Не опубликована', { exact: true })).toBeVisible();
  await m.getByRole('button', { name: 'Опубликовать программу' }).click();
  await expect(m.getByText('Программа опубликована')).toBeVisible();
  await expect(m.getByText('Опубликована', { exact: true })).toBeVisible();
  await expect(m.getByRole('button', { name: 'Снять с публикации' })).toBeVisible();
  await m.close();
});

test('S0-9 S0-5 S0-7 a guest listener registers for the activity, the organiser marks attendance, the listener gives feedback', async () => {
  // the listener registers from the published programme
  const g = await guest.newPage();
  await openEventTab(g, 'Программа');
  const card = activityCard(g, 'Ауд. 101 · 30');
  await expect(card).toContainText('Записались: 0 / 30');
  await card.getByRole('button', { name: 'Записаться' }).click();
  await expect(card.getByText('Вы записаны')).toBeVisible();
  await expect(card).toContainText('Записались: 1 / 30');

  // the organiser marks them present
  const m = await methodologist.newPage();
  await openEventTab(m, 'Программа');
  await activityCard(m, 'Ауд. 101 · 30').getByRole('button', { name: 'Посещаемость' }).click();
  const drawer = m.getByRole('dialog', { name: `Посещаемость: ${TOPIC_REVISED}` });
  const row = drawer.getByRole('row').filter({ hasText: listener.fullName });
  await expect(row).toContainText('Записан(а)');
  const present = drawer.getByRole('checkbox', { name: `Присутствовал(а): ${listener.fullName}` });
  await expect(present).not.toBeChecked();
  await present.click(); // the box follows the server: it turns on once the mark is saved
  await expect(present).toBeChecked();
  await m.reload();
  await m.getByRole('tab', { name: 'Программа' }).click();
  await activityCard(m, 'Ауд. 101 · 30').getByRole('button', { name: 'Посещаемость' }).click();
  await expect(m.getByRole('checkbox', { name: `Присутствовал(а): ${listener.fullName}` })).toBeChecked();

  // the listener finds the activity in «Моё расписание» and rates it
  await g.goto('/my-schedule');
  await expect(g.getByRole('heading', { level: 1, name: 'Моё расписание' })).toBeVisible();
  const mine = g.getByRole('row').filter({ hasText: TOPIC_REVISED });
  await expect(mine).toContainText(ruDay(ev.startDate));
  await expect(mine).toContainText('Вы записаны');
  await mine.getByRole('link', { name: `Оставить отзыв: ${TOPIC_REVISED}` }).click();
  await expect(g.getByRole('heading', { level: 1, name: 'Отзыв о мероприятии' })).toBeVisible();
  await expect(g.getByText(TOPIC_REVISED).first()).toBeVisible();
  const criteria = g.locator('.ant-form-item').filter({ has: g.locator('.ant-rate') });
  await expect(criteria).toHaveCount(3);
  for (let i = 0; i < 3; i++)
    await criteria
      .nth(i)
      .getByRole('radio')
      .nth(4 - (i % 2))
      .click();
  await g.getByLabel('Комментарий').fill('Очень полезно: заберу приём «вопросы к источнику» на свои уроки.');
  await g.getByRole('button', { name: 'Отправить отзыв' }).click();
  await expect(g.getByText('Спасибо! Отзыв принят.')).toBeVisible();
  await g.reload();
  await expect(g.getByText('Вы уже оставили отзыв — спасибо!')).toBeVisible();

  // the methodologist sees the response in the results
  await openEventTab(m, 'Обратная связь');
  const result = m.getByRole('row').filter({ hasText: TOPIC_REVISED });
  await expect(result).toContainText('100');
  await Promise.all([g.close(), m.close()]);
});

test('S0-12 the methodologist issues certificates; the verification page opened by anyone shows it valid, then revoked', async () => {
  const m = await methodologist.newPage();
  await openEventTab(m, 'Сертификаты');
  await expect(m.getByText('Сертификатов пока нет.')).toBeVisible();
  await m.getByRole('button', { name: 'Выдать всем посетившим' }).click();
  // the presenter and the listener who attended
  await expect(m.getByText('Выдано 2 сертификата')).toBeVisible();
  const row = m.getByRole('row').filter({ hasText: listener.fullName });
  await expect(row).toContainText('Слушатель');
  await expect(row).toContainText('Действителен');
  certificateNumber = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  expect(certificateNumber).not.toBe('');

  // the certificate's PDF prints the address its QR code carries: a visitor with no account opens it
  const [download] = await Promise.all([
    m.waitForEvent('download'),
    row.getByRole('link', { name: `PDF ${certificateNumber}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`certificate-${certificateNumber}.pdf`);
  const pdf = pdfText(fs.readFileSync(await download.path()));
  expect(pdf).toContain(certificateNumber);
  const verifyUrl = /Проверка подлинности: (\S+)/.exec(pdf)?.[1] ?? '';
  expect(verifyUrl.startsWith(`${process.env.E2E_BASE_URL}/verify/`), verifyUrl).toBeTruthy();
  const v = await visitor.newPage();
  await v.goto(verifyUrl);
  await expect(v.getByRole('heading', { level: 1, name: 'Проверка сертификата' })).toBeVisible();
  await expect(v.getByText('Сертификат действителен')).toBeVisible();
  await expect(v.getByRole('row', { name: `Номер ${certificateNumber}` })).toBeVisible();
  await expect(v.getByRole('row', { name: `Кому выдан ${listener.fullName}` })).toBeVisible();
  await expect(v.getByRole('row', { name: `Мероприятие ${ev.title}` })).toBeVisible();
  await expect(v.getByRole('row', { name: 'Участие Слушатель' })).toBeVisible();

  // the methodologist revokes it with a reason
  await row.getByRole('button', { name: 'Аннулировать' }).click();
  const revoke = m.getByRole('dialog', { name: `Аннулировать сертификат № ${certificateNumber}?` });
  await revoke.getByLabel('Причина').fill('Выдан ошибочно');
  await revoke.getByRole('button', { name: 'Аннулировать' }).click();
  await expect(m.getByText('Сертификат аннулирован')).toBeVisible();
  await expect(revoke).toBeHidden();
  await expect(row).toContainText(`Аннулирован ${ruDay(isoDay(0))}`);

  // the visitor's page now says revoked
  await v.reload();
  await expect(v.getByText('Сертификат аннулирован')).toBeVisible();
  await expect(v.getByText(`Аннулирован ${ruDay(isoDay(0))}`)).toBeVisible();
  await expect(v.getByText('Сертификат действителен')).toHaveCount(0);
  await expect(v.getByRole('row', { name: `Кому выдан ${listener.fullName}` })).toBeVisible();
  await Promise.all([v.close(), m.close()]);
});
