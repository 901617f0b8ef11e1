// The start of an event's life in the browser (issue 3, steps 1–2): the demo methodologist creates a
// pedagogical session (a 9-day range is refused naming the 2–6 day rule — by the form before saving, and by the
// server on its own — 3 days are accepted), the education committee and the methodological centre approve its
// dates with who/when/comment, the call is opened and the public page shows its conditions, procedure and window
// to anyone; a guest from another region, whose organisation is not in the directory, registers from the public
// page, proposing it, lands on the application form of this event signed in, and applies; the administrators
// are told about the proposed organisation.
// Run alone: node scripts/e2e.mjs tests/e2e/events-create.spec.ts
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { fillRange, searchAndChoose } from './events-create.helpers';
import {
  anonymousContext,
  choose,
  isoDay,
  methodologistContext,
  ruDay,
  signedInContext,
} from './events-flow.helpers';

// each step is a journey through several pages: more time than the default minute
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const ADMIN = { email: 'admin@rost.local', password: 'rost-admin-2026' };
const stamp = Date.now().toString(36);
const TITLE = `Педагогическая сессия «Наставничество в школе» ${stamp}`;
const THEME = 'Наставничество молодых педагогов';
const HOST = 'МАОУ «Гимназия № 5»';
const VENUE = 'МАОУ «Гимназия № 5», актовый зал';
const INVITED_MUNICIPALITY = 'Городской округ Верхняя Пышма';
// the invited-organisations picker offers the full name, the event page shows the short one
const INVITED_ORGANIZATION = 'МАОУ «Лицей № 7»';
const COMMITTEE_COMMENT = 'Даты согласованы с графиком каникул.';
const CONDITIONS = 'Приглашаются педагоги-наставники и молодые специалисты любых организаций.';
const PROCEDURE = 'Заявка подаётся в «Росте» до окончания приёма; к заявке приложите план выступления.';
const START = isoDay(40);
const GUEST = {
  surname: 'Гостева',
  name: 'Марина',
  patronymic: 'Игоревна',
  email: `guest.${stamp}@e2e.rost.local`,
  password: 'guest-e2e-2026',
  position: 'учитель начальных классов',
  organization: `МБОУ «Школа № 14» ${stamp}`,
  locality: 'г. Тюмень, Тюменская область',
};

let methodologist: BrowserContext;
let visitor: BrowserContext;
let eventId: string;
let methodologistName: string;

test.beforeAll(async ({ browser }) => {
  methodologist = await methodologistContext(browser);
  visitor = await anonymousContext(browser);
  const me = await methodologist.request.get('/api/me');
  expect(me.ok(), await me.text()).toBeTruthy();
  methodologistName = ((await me.json()) as { name: string }).name;
});

test.afterAll(async () => {
  for (const c of [methodologist, visitor]) await c?.close();
});

/** The event's status as the coloured tag under its title shows it. */
function eventStatus(page: Page, status: string) {
  return page.locator('.ant-tag').getByText(status, { exact: true });
}

/** The event page as the methodologist opens it. */
async function openEvent(page: Page): Promise<void> {
  await page.goto(`/events/${eventId}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

test('S0-1 the methodologist creates a pedagogical session: 9 days are refused naming the 2–6 day rule, 3 days make a draft', async () => {
  const m = await methodologist.newPage();
  await m.goto('/');
  await m.getByRole('menuitem', { name: 'Мероприятия' }).click();
  await expect(m.getByRole('heading', { level: 1, name: 'Мероприятия' })).toBeVisible();
  await m.getByRole('button', { name: 'Новое мероприятие' }).click();
  const dialog = m.getByRole('dialog', { name: 'Новое мероприятие' });
  const title = dialog.getByText('Новое мероприятие', { exact: true });

  await choose(m, dialog.getByRole('combobox', { name: 'Вид' }), 'Педагогическая сессия');
  await expect(dialog.getByText('Педагогическая сессия длится от 2 до 6 дней.')).toBeVisible();
  await dialog.getByLabel('Название').fill(TITLE);
  await dialog.getByLabel('Тема').fill(THEME);
  await searchAndChoose(
    m,
    dialog.getByRole('combobox', { name: 'Организация-организатор' }),
    'Гимназия',
    HOST,
  );
  await dialog.getByLabel('Место проведения').fill(VENUE);
  await searchAndChoose(
    m,
    dialog.getByRole('combobox', { name: 'Приглашённые муниципалитеты' }),
    'Пышма',
    INVITED_MUNICIPALITY,
    title,
  );
  await searchAndChoose(
    m,
    dialog.getByRole('combobox', { name: 'Приглашённые организации' }),
    'Лицей',
    INVITED_ORGANIZATION,
    title,
  );

  // nine days: the form names the rule and the number of days, and does not let the event be saved
  await fillRange(m, dialog, 'Даты проведения', START, isoDay(40 + 8), title);
  const refusal = 'Педагогическая сессия длится от 2 до 6 дней, а выбрано 9 дней.';
  await expect(dialog.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  // the server holds the same rule on its own, for a client that skips the form's check
  const hosts = await methodologist.request.get('/api/organizations', { params: { q: 'Гимназия № 5' } });
  const hostId = ((await hosts.json()) as { items: { id: string; shortName: string }[] }).items.find(
    (o) => o.shortName === HOST,
  )?.id;
  const direct = await methodologist.request.post('/api/events', {
    data: {
      kind: 'pedagogical_session',
      title: TITLE,
      hostOrganizationId: hostId,
      startDate: START,
      endDate: isoDay(40 + 8),
    },
  });
  expect(direct.status(), await direct.text()).toBe(400);
  expect(((await direct.json()) as { error: unknown }).error).toMatchObject({
    code: 'EVENT_DURATION_INVALID',
    message: 'Педагогическая сессия длится от 2 до 6 дней включительно, а указано 9 дней.',
  });

  // three days: accepted, the event page opens as a draft
  await fillRange(m, dialog, 'Даты проведения', START, isoDay(40 + 2), title);
  await expect(dialog.getByText(refusal)).toHaveCount(0);
  await expect(dialog.getByText('Педагогическая сессия длится от 2 до 6 дней.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(m.getByText('Мероприятие создано')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(m.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  eventId = /\/events\/([0-9a-f-]{36})$/.exec(m.url())?.[1] ?? '';
  expect(eventId, m.url()).not.toBe('');
  await expect(eventStatus(m, 'Черновик')).toBeVisible();
  await expect(m.getByText(`${ruDay(START)} — ${ruDay(isoDay(42))} (3 дня)`)).toBeVisible();

  // what was entered is on the «О мероприятии» tab
  const about = m.getByRole('tabpanel');
  await expect(about.getByRole('row', { name: `Тема ${THEME}` })).toBeVisible();
  await expect(about.getByRole('row', { name: `Организация-организатор ${HOST}` })).toBeVisible();
  await expect(about.getByRole('row', { name: `Место проведения ${VENUE}` })).toBeVisible();
  await expect(
    about.getByRole('row', { name: `Приглашённые организации ${INVITED_ORGANIZATION}` }),
  ).toBeVisible();
  await expect(
    about.getByRole('row', { name: `Приглашённые муниципалитеты ${INVITED_MUNICIPALITY}` }),
  ).toBeVisible();
  await m.close();
});

test('S0-1 the education committee and the methodological centre approve the dates; each line shows who, when and the comment', async () => {
  const m = await methodologist.newPage();
  await openEvent(m);
  const approvals = m.locator('.ant-card').filter({ hasText: 'Согласование дат' });
  const line = (body: string) => approvals.locator('.ant-descriptions-item').filter({ hasText: body });
  await expect(line('Комитет образования')).toContainText('ещё не согласовано');
  await expect(line('Методический центр')).toContainText('ещё не согласовано');

  await line('Комитет образования').getByRole('button', { name: 'Согласовать', exact: true }).click();
  const committee = m.getByRole('dialog', { name: 'Согласование: Комитет образования' });
  await committee.getByLabel('Комментарий').fill(COMMITTEE_COMMENT);
  await committee.getByRole('button', { name: 'Согласовать', exact: true }).click();
  await expect(committee).toBeHidden();
  const today = ruDay(isoDay(0));
  await expect(line('Комитет образования')).toContainText(
    new RegExp(`согласовано — ${methodologistName}, ${today} \\d{2}:\\d{2} — «${COMMITTEE_COMMENT}»`),
  );
  await expect(line('Методический центр')).toContainText('ещё не согласовано');
  // one approval is not enough
  await expect(eventStatus(m, 'Черновик')).toBeVisible();
  await expect(m.getByRole('button', { name: 'Открыть приём заявок' })).toHaveCount(0);

  await line('Методический центр').getByRole('button', { name: 'Согласовать', exact: true }).click();
  const centre = m.getByRole('dialog', { name: 'Согласование: Методический центр' });
  await centre.getByRole('button', { name: 'Согласовать', exact: true }).click();
  await expect(centre).toBeHidden();
  await expect(line('Методический центр')).toContainText(
    new RegExp(`согласовано — ${methodologistName}, ${today} \\d{2}:\\d{2}$`),
  );
  await expect(eventStatus(m, 'Даты согласованы')).toBeVisible();
  // approving is a draft's step: the buttons are gone
  await expect(approvals.getByRole('button', { name: 'Согласовать', exact: true })).toHaveCount(0);

  // after a reload the approvals are still there
  await m.reload();
  await expect(line('Комитет образования')).toContainText(COMMITTEE_COMMENT);
  await expect(eventStatus(m, 'Даты согласованы')).toBeVisible();
  await m.close();
});

test('S0-2 the methodologist opens the call; the public page shows its conditions, procedure and window to anyone', async () => {
  const m = await methodologist.newPage();
  await openEvent(m);
  await m.getByRole('button', { name: 'Открыть приём заявок' }).click();
  const call = m.getByRole('dialog', { name: 'Приём заявок' });
  await call.getByLabel('Условия участия').fill(CONDITIONS);
  await call.getByLabel('Порядок подачи заявок').fill(PROCEDURE);
  await fillRange(m, call, 'Приём заявок', isoDay(0), isoDay(10), call.locator('.ant-modal-title'));
  await call.getByRole('button', { name: 'Открыть приём заявок' }).click();
  await expect(m.getByText('Приём заявок открыт, приглашённые получили уведомления')).toBeVisible();
  await expect(call).toBeHidden();
  await expect(eventStatus(m, 'Идёт приём заявок')).toBeVisible();
  const about = m.getByRole('tabpanel');
  await expect(about.getByRole('row', { name: `Условия участия ${CONDITIONS}` })).toBeVisible();
  await expect(
    about.getByRole('row', { name: `Приём заявок ${ruDay(isoDay(0))} — ${ruDay(isoDay(10))}` }),
  ).toBeVisible();
  await expect(m.getByRole('link', { name: 'Публичная страница' })).toHaveAttribute('href', `/e/${eventId}`);
  await m.close();

  // a visitor with no account
  const v = await visitor.newPage();
  await v.goto(`/e/${eventId}`);
  await expect(v.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(v.getByText(`Педагогическая сессия · ${ruDay(START)} — ${ruDay(isoDay(42))}`)).toBeVisible();
  await expect(v.getByText('Идёт приём заявок')).toBeVisible();
  await expect(v.getByText(`Заявки принимаются с ${ruDay(isoDay(0))} по ${ruDay(isoDay(10))}`)).toBeVisible();
  await expect(v.getByRole('row', { name: `Условия участия ${CONDITIONS}` })).toBeVisible();
  await expect(v.getByRole('row', { name: `Порядок подачи заявок ${PROCEDURE}` })).toBeVisible();
  await expect(v.getByRole('row', { name: `Тема ${THEME}` })).toBeVisible();
  await expect(v.getByRole('row', { name: `Место проведения ${VENUE}` })).toBeVisible();
  await expect(v.getByRole('button', { name: 'Подать заявку' })).toBeVisible();
  await expect(v.getByRole('button', { name: 'Зарегистрироваться как участник' })).toBeVisible();
  await v.close();
});

test('S0-9 a guest from another region registers from the public page, proposing an organisation missing from the directory, lands on this event’s application form and applies', async () => {
  const v = await visitor.newPage();
  await v.goto(`/e/${eventId}`);
  await v.getByRole('button', { name: 'Зарегистрироваться как участник' }).click();
  await expect(v.getByRole('heading', { level: 1, name: 'Регистрация участника' })).toBeVisible();
  await expect(v).toHaveURL(new RegExp(`/e/${eventId}/register$`));

  await v.getByLabel('Фамилия').fill(GUEST.surname);
  await v.getByLabel('Имя', { exact: true }).fill(GUEST.name);
  await v.getByLabel('Отчество').fill(GUEST.patronymic);
  await v.getByLabel('Электронная почта').fill(GUEST.email);
  await v.getByLabel('Пароль').fill(GUEST.password);
  await v.getByLabel('Должность').fill(GUEST.position);

  // the school is not in the directory: the search finds nothing and says what to do
  const org = v.getByRole('combobox', { name: 'Организация' });
  await org.click();
  await v.keyboard.type('Школа № 14 Тюмень');
  await expect(v.getByText('Не нашли — отметьте «Моей организации нет в справочнике»')).toBeVisible();
  await v.getByRole('heading', { level: 1, name: 'Регистрация участника' }).click();
  await v.getByRole('checkbox', { name: 'Моей организации нет в справочнике' }).check();
  await expect(org).toHaveCount(0);
  await v.getByLabel('Название организации').fill(GUEST.organization);
  await v.getByLabel('Населённый пункт и регион').fill(GUEST.locality);
  await v.getByRole('button', { name: 'Зарегистрироваться' }).click();

  // registered and signed in, the guest is on the application form of this event
  await expect(v).toHaveURL(new RegExp(`/events/${eventId}/apply$`));
  await expect(v.getByRole('heading', { level: 1, name: `Заявка на участие: ${TITLE}` })).toBeVisible();
  await expect(v.getByText('Приём заявок сейчас закрыт.')).toHaveCount(0);
  await expect(v.getByRole('combobox', { name: 'Форма' })).toBeVisible();
  await expect(v.getByLabel('Тема')).toBeVisible();
  await expect(v.getByRole('button', { name: 'Подать заявку' })).toBeVisible();
  await expect(v.getByRole('banner')).toContainText(`${GUEST.surname} ${GUEST.name} ${GUEST.patronymic}`);

  // and the application goes through
  const topic = 'Наставник и молодой учитель: первый год в школе';
  await choose(v, v.getByRole('combobox', { name: 'Форма' }), 'Мастер-класс');
  await v.getByLabel('Продолжительность, минут').fill('40');
  await v.getByLabel('Тема').fill(topic);
  await v.getByLabel('Аннотация').fill('Покажу, как наставник планирует с молодым учителем первую четверть.');
  await v.getByLabel('Целевая аудитория').fill('наставники и молодые педагоги');
  await v.getByLabel('Ожидаемое число участников').fill('15');
  await v.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(v.getByText('Заявка подана')).toBeVisible();
  await expect(v.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(v.locator('.ant-tag').getByText('Подана', { exact: true })).toBeVisible();
  await v.close();
});

test('S0-9 the administrators are told about the organisation the guest proposed, with a link to the guest’s record', async ({
  browser,
}) => {
  const admin = await signedInContext(browser, ADMIN);
  try {
    const a = await admin.newPage();
    await a.goto('/notifications');
    await expect(a.getByRole('heading', { level: 1, name: 'Уведомления' })).toBeVisible();
    const notice = a
      .locator('.ant-list-item')
      .filter({ hasText: `Предложена новая организация: ${GUEST.organization}` });
    await expect(notice).toContainText(GUEST.locality);
    await expect(notice).toContainText(GUEST.email);
    await notice.getByRole('button', { name: 'Открыть' }).click();
    await expect(
      a.getByRole('heading', { level: 1, name: `${GUEST.surname} ${GUEST.name} ${GUEST.patronymic}` }),
    ).toBeVisible();
  } finally {
    await admin.close();
  }
});
