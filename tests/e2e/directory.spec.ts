// Browser journeys of the directory as a methodologist: sign in, import people from XLSX with a bad row,
// find a person by part of the name, edit them, export the list to XLSX and read the file back.
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { METHODOLOGIST } from './e2e.accounts';

test.use({ baseURL: process.env.E2E_BASE_URL, storageState: process.env.E2E_STORAGE_STATE });

type Organization = { id: string; shortName: string; canEdit: boolean };
type PersonPage = { total: number; items: { id: string; fullName: string; position: string | null }[] };

/** An organisation the signed-in methodologist may change (inside their scope). */
async function writableOrganization(page: Page): Promise<Organization> {
  const res = await page.request.get('/api/organizations', { params: { pageSize: 200 } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const org = ((await res.json()).items as Organization[]).find((o) => o.canEdit);
  if (!org) throw new Error('The methodologist may not change any organisation');
  return org;
}

async function peopleNamed(page: Page, q: string): Promise<PersonPage> {
  const res = await page.request.get('/api/people', { params: { q } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

/** A file in the test's own output folder, which Playwright clears before each run. */
function tempFile(name: string): string {
  return test.info().outputPath(name);
}

test.describe('signing in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('X-1 the site root opens Rost: an anonymous visitor is asked to sign in', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    await expect(page.getByLabel('Электронная почта')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
  });

  test('X-1 a methodologist signs in with e-mail and password and reaches the directory', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Электронная почта').fill(METHODOLOGIST.email);
    await page.getByLabel('Пароль').fill(METHODOLOGIST.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('navigation', { name: 'Навигация' }).getByRole('link', { name: 'Педагоги' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Педагоги' })).toBeVisible();
    await expect(page.getByText(/^Найден[оа]? [\d\s]+ педагог(а|ов)?$/)).toBeVisible();
  });
});

test('X-2 imports people from XLSX: the dry run shows the bad row with its number, column and reason; the import skips it', async ({
  page,
}) => {
  const org = await writableOrganization(page);
  const file = tempFile('педагоги.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Педагоги');
  sheet.addRow([
    'Фамилия',
    'Имя',
    'Отчество',
    'E-mail',
    'Должность',
    'Предметы (через «;»)',
    'Организация (краткое наименование)',
  ]);
  sheet.addRow([
    'Незабудкина',
    'Алёна',
    'Игоревна',
    'nezabudkina@e2e.rost.local',
    'учитель',
    'Математика',
    org.shortName,
  ]);
  sheet.addRow(['Ромашкин', 'Пётр', 'Ильич', 'не-почта', 'учитель', 'Физика', org.shortName]); // row 3: bad e-mail
  sheet.addRow([
    'Одуванчиков',
    'Глеб',
    'Сергеевич',
    'oduvanchikov@e2e.rost.local',
    'учитель',
    'Химия',
    org.shortName,
  ]);
  await book.xlsx.writeFile(file);

  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Импорт из Excel или CSV' })).toBeVisible();
  await page.getByRole('radio', { name: 'Педагоги' }).check();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('педагоги.xlsx')).toBeVisible();

  await page.getByRole('button', { name: 'Проверить (без записи)' }).click();
  const job = page.getByTestId('import-job');
  await expect(job.getByText('Проверка завершена, в справочник ничего не записано')).toBeVisible();
  await expect(job.getByRole('row', { name: /Будет добавлено\s*2 строки/ })).toBeVisible();
  await expect(job.getByRole('heading', { name: '1 ошибка в строках файла' })).toBeVisible();
  const badRow = page.getByTestId('import-errors').getByRole('row').filter({ hasText: 'не-почта' });
  await expect(badRow.getByRole('cell').nth(0)).toHaveText('3');
  await expect(badRow.getByRole('cell').nth(1)).toHaveText('E-mail');
  await expect(badRow.getByRole('cell').nth(2)).toContainText('Неверный адрес электронной почты');
  expect((await peopleNamed(page, 'Незабудкина')).total).toBe(0);

  await page.getByRole('button', { name: 'Импортировать' }).click();
  await expect(job.getByText('Импорт завершён')).toBeVisible();
  await expect(job.getByRole('row', { name: /Добавлено\s*2 строки/ })).toBeVisible();
  await expect(job.getByRole('row', { name: /Пропущено из-за ошибок\s*1 строка/ })).toBeVisible();
  await expect(
    page.getByTestId('import-errors').getByRole('row').filter({ hasText: 'не-почта' }),
  ).toBeVisible();
  expect((await peopleNamed(page, 'Незабудкина')).total).toBe(1);
  expect((await peopleNamed(page, 'Одуванчиков')).total).toBe(1);
  expect((await peopleNamed(page, 'Ромашкин')).total).toBe(0);
});

test('X-2 X-6 X-7 finds a person by part of the name, edits the position and exports the list to XLSX', async ({
  page,
}) => {
  const org = await writableOrganization(page);
  const created = await page.request.post('/api/people', {
    data: {
      surname: 'Колокольцева',
      name: 'Варвара',
      patronymic: 'Олеговна',
      position: 'учитель',
      subjects: ['Музыка'],
      organizationId: org.id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  // find by a part of the surname: the count says «Найден 1 педагог»
  await page.goto('/people');
  await page.getByRole('searchbox', { name: 'Поиск по ФИО' }).fill('локольц');
  await expect(page).toHaveURL(/q=%D0%BB%D0%BE%D0%BA%D0%BE%D0%BB%D1%8C%D1%86/);
  await expect(page.getByTestId('people-count')).toHaveText('Найден 1 педагог');
  await page.getByRole('link', { name: 'Колокольцева Варвара Олеговна' }).click();

  // edit: position «учитель» → «методист»
  await expect(page.getByRole('heading', { level: 1, name: 'Колокольцева Варвара Олеговна' })).toBeVisible();
  await page.getByRole('button', { name: 'Изменить' }).click();
  const position = page.getByRole('combobox', { name: 'Должность' });
  await position.fill('методист');
  await position.press('Escape');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row', { name: /Должность\s*методист/ })).toBeVisible();

  // export the filtered list and read the file
  await page.goto('/people?q=локольц');
  await expect(page.getByTestId('people-count')).toHaveText('Найден 1 педагог');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Экспорт в Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = tempFile(download.suggestedFilename());
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const texts = (rowNumber: number) => {
    const values = sheet.getRow(rowNumber).values as unknown[];
    return Array.from({ length: sheet.columnCount }, (_, i) => String(values[i + 1] ?? ''));
  };
  const header = texts(1);
  expect(header).toEqual(expect.arrayContaining(['Фамилия', 'Имя', 'Отчество', 'Должность', 'Организация']));
  expect(sheet.actualRowCount).toBe(2);
  const row = texts(2);
  expect(row[header.indexOf('Фамилия')]).toBe('Колокольцева');
  expect(row[header.indexOf('Имя')]).toBe('Варвара');
  expect(row[header.indexOf('Должность')]).toBe('методист');
  expect(row[header.indexOf('Организация')]).toBe(org.shortName);
});

test("X-2 shows the server's refusal next to the person form: the e-mail belongs to someone else", async ({
  page,
}) => {
  const org = await writableOrganization(page);
  for (const [surname, email] of [
    ['Васильков', 'vasilkov@e2e.rost.local'],
    ['Лютикова', 'lyutikova@e2e.rost.local'],
  ]) {
    const res = await page.request.post('/api/people', {
      data: { surname, name: 'Анна', email, organizationId: org.id },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const { items } = await peopleNamed(page, 'Лютикова');
  await page.goto(`/people/${items[0].id}`);
  await page.getByRole('button', { name: 'Изменить' }).click();
  await page.getByLabel('Электронная почта').fill('vasilkov@e2e.rost.local');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'уже указан у другого человека' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeVisible();
  const stored = await page.request.get(`/api/people/${items[0].id}`);
  expect((await stored.json()).email).toBe('lyutikova@e2e.rost.local');
});
