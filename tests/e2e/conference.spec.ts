// Browser journeys of S2-4 and S3-6 as the demo methodologist: the sections of the demo research-practice
// conference (add, rename, delete with confirmation) and the invited speakers page (filter, add a person from the
// directory, edit, delete with confirmation).
import { expect, type Locator, type Page, test } from '@playwright/test';

test.use({ baseURL: process.env.E2E_BASE_URL, storageState: process.env.E2E_STORAGE_STATE });

const CONFERENCE = 'Научно-практическая конференция «Шаг в профессию: результаты ИОП»';

/** Picks an option of an antd Select once its popup has finished opening. */
async function pick(page: Page, select: Locator, option: string | RegExp, type?: string): Promise<void> {
  await select.click();
  if (type) await page.keyboard.type(type);
  const popup = page.locator(
    '.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])',
  );
  await popup.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('S2-4 the methodologist manages the sections of a research-practice conference', async ({ page }) => {
  const res = await page.request.get('/api/events', { params: { q: 'Шаг в профессию' } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const conf = (await res.json()).items.find((e: { title: string }) => e.title === CONFERENCE);
  expect(conf, 'the demo conference').toBeTruthy();
  await page.goto(`/events/${conf.id}`);
  await page.getByRole('tab', { name: 'Секции' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByText('2 секции')).toBeVisible();
  await expect(
    panel.getByRole('cell', { name: 'Естественно-научное образование', exact: true }),
  ).toBeVisible();

  await panel.getByRole('button', { name: 'Добавить секцию' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая секция' });
  await dialog.getByLabel('Название секции').fill('Математика и информатика');
  await pick(page, dialog.getByLabel('Предмет'), 'Информатика', 'Информ');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Секция добавлена')).toBeVisible();
  await expect(panel.getByRole('cell', { name: 'Информатика', exact: true })).toBeVisible();
  await expect(panel.getByText('3 секции')).toBeVisible();

  await panel.getByRole('button', { name: 'Изменить: Математика и информатика' }).click();
  const edit = page.getByRole('dialog', { name: 'Секция «Математика и информатика»' });
  await edit.getByLabel('Название секции').fill('Цифровая школа');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(panel.getByRole('cell', { name: 'Цифровая школа', exact: true })).toBeVisible();
  // the subject chosen before is kept
  await expect(
    panel.getByRole('row').filter({ hasText: 'Цифровая школа' }).getByRole('cell', { name: 'Информатика' }),
  ).toBeVisible();

  await panel.getByRole('button', { name: 'Удалить: Цифровая школа' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText('Секция удалена')).toBeVisible();
  await expect(panel.getByText('2 секции')).toBeVisible();

  // with the call open, the application form offers the sections and the ИОП product
  const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const created = await page.request.post('/api/events', {
    data: {
      kind: 'research_conference',
      title: 'НПК «Открытые секции»',
      hostOrganizationId: conf.hostOrganizationId,
      startDate: iso(60),
      endDate: iso(60),
      audienceOrganizationIds: [],
      audienceMunicipalityIds: [],
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const open = await created.json();
  for (const body of ['education_committee', 'methodological_centre'])
    expect(
      (
        await page.request.post(`/api/events/${open.id}/approve`, { data: { body, decision: 'approved' } })
      ).ok(),
    ).toBeTruthy();
  const call = await page.request.post(`/api/events/${open.id}/publish-call`, {
    data: {
      conditions: 'Педагоги округа.',
      procedure: 'Заявка в Росте.',
      applicationsOpenFrom: iso(-1),
      applicationsOpenUntil: iso(20),
    },
  });
  expect(call.ok(), await call.text()).toBeTruthy();
  expect(
    (
      await page.request.post(`/api/events/${open.id}/sections`, {
        data: { title: 'Секция истории', subject: 'История' },
      })
    ).ok(),
  ).toBeTruthy();
  await page.goto(`/events/${open.id}/apply`);
  await pick(page, page.getByLabel('Секция'), 'Секция истории (История)');
  await expect(page.getByText('ИОП (индивидуальная образовательная программа)')).toBeVisible();
  await expect(page.getByLabel('Продукт ИОП')).toBeVisible();

  // a pedagogical session has no «Секции» tab
  const all = await (
    await page.request.get('/api/events', { params: { kind: 'pedagogical_session' } })
  ).json();
  await page.goto(`/events/${all.items[0].id}`);
  await expect(page.getByRole('tab', { name: 'О мероприятии' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Секции' })).toHaveCount(0);
});

test('S3-6 the methodologist records an invited speaker, edits and deletes the record', async ({ page }) => {
  await page.goto('/events');
  await page
    .getByRole('navigation', { name: 'Навигация' })
    .getByRole('link', { name: 'Спикеры и партнёры' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Приглашённые спикеры и партнёры' }),
  ).toBeVisible();
  await expect(page.getByText('Найдено 3 записи')).toBeVisible();
  await pick(page, page.getByLabel('В качестве'), 'Ветеран педагогического труда');
  await expect(page.getByText('Найдена 1 запись')).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить' }).click();
  await expect(page.getByText('Найдено 3 записи')).toBeVisible();

  // someone from the directory who is not a speaker yet
  const people = await (await page.request.get('/api/people', { params: { pageSize: 50 } })).json();
  const speakers = await (await page.request.get('/api/speakers')).json();
  const taken = new Set(speakers.items.map((s: { person: { id: string } }) => s.person.id));
  const who = people.items.find((p: { id: string }) => !taken.has(p.id)) as { fullName: string };

  await page.getByRole('button', { name: 'Добавить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый спикер или партнёр' });
  await pick(page, dialog.getByLabel('Человек'), who.fullName, who.fullName.split(' ')[0]);
  await pick(page, dialog.getByLabel('В качестве'), 'Социальный партнёр');
  await dialog.getByLabel('Примечание').fill('Представитель библиотеки-партнёра');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Запись добавлена')).toBeVisible();
  await expect(page.getByText('Найдено 4 записи')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: who.fullName });
  await expect(row.getByText('Социальный партнёр')).toBeVisible();

  await row.getByRole('button', { name: `Изменить: ${who.fullName}` }).click();
  const edit = page.getByRole('dialog', { name: `Изменить запись: ${who.fullName}` });
  await edit.getByLabel('Примечание').fill('Городская библиотека: площадка для встреч');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Запись сохранена')).toBeVisible();
  await expect(row.getByText('Социальный партнёр')).toBeVisible();
  await expect(row.getByText('Городская библиотека: площадка для встреч')).toBeVisible();

  await row.getByRole('button', { name: `Удалить: ${who.fullName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText('Запись удалена')).toBeVisible();
  await expect(page.getByText('Найдено 3 записи')).toBeVisible();
});
