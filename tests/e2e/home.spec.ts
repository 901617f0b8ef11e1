// The home dashboard (issue 3): the demo teacher sees the demo session's open call with «Подать заявку» and their
// application returned for changes; the demo methodologist sees the applications awaiting review, counted per
// event, and reaches the event's applications tab from there; the demo director sees the school's applications. Screenshots at 1400 px and 390 px wide.
// Run alone: node scripts/e2e.mjs tests/e2e/home.spec.ts
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { methodologistContext, signedInContext, TEACHER } from './events-flow.helpers';

const OPEN_SESSION = 'Педагогическая сессия «Функциональная грамотность: от урока к проекту»';

const DIRECTOR = { email: 'director@rost.local', password: 'rost-director-2026' };

let teacher: BrowserContext;
let methodologist: BrowserContext;
let director: BrowserContext;

test.beforeAll(async ({ browser }) => {
  teacher = await signedInContext(browser, TEACHER);
  methodologist = await methodologistContext(browser);
  director = await signedInContext(browser, DIRECTOR);
});
test.afterAll(async () => {
  for (const c of [teacher, methodologist, director]) await c?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test('S0-3 the teacher’s home page shows the open call with «Подать заявку», the schedule and their applications', async () => {
  const page = await teacher.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте, / })).toBeVisible();

  const calls = page.getByRole('region', { name: 'Приём заявок открыт' });
  await expect(calls.getByRole('link', { name: OPEN_SESSION, exact: true })).toBeVisible();
  await expect(calls.getByText(/до \d{2}\.\d{2}\.\d{4}/).first()).toBeVisible();
  const apply = calls.getByRole('link', { name: `Подать заявку на «${OPEN_SESSION}»` });
  await expect(apply).toBeVisible();

  await expect(page.getByRole('region', { name: 'Мои ближайшие занятия' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Мои заявки' });
  await expect(
    mine.getByRole('link', { name: 'Функциональная грамотность на уроках литературы' }),
  ).toBeVisible();
  await expect(mine.getByText('Нужно доработать')).toBeVisible();
  // the teacher manages nothing: no organiser cards
  await expect(page.getByRole('region', { name: 'Ждут рассмотрения' })).toHaveCount(0);
  await shoot(page, 'teacher');

  await apply.click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]+\/apply$/);
  await page.close();
});

test('S0-4 the methodologist’s home page counts the applications awaiting review and opens the event’s applications', async () => {
  const page = await methodologist.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте, / })).toBeVisible();

  const review = page.getByRole('region', { name: 'Ждут рассмотрения' });
  await expect(review.getByText(/^\d+ заяв(ка|ки|ок) жд(ёт|ут) решения$/)).toBeVisible();
  const link = review.getByRole('link', { name: `Открыть заявки мероприятия «${OPEN_SESSION}»` });
  await expect(link).toBeVisible();
  await expect(page.getByRole('region', { name: 'Мероприятия' }).getByText(OPEN_SESSION)).toBeVisible();
  await shoot(page, 'methodologist');

  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: OPEN_SESSION })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Заявки' })).toHaveAttribute('aria-selected', 'true');
  await page.close();
});

test('S0-4 the organisation head’s home page counts the organisation’s applications by status per event', async () => {
  const page = await director.newPage();
  await page.goto('/');
  const org = page.getByRole('region', { name: 'Заявки педагогов организации' });
  await expect(org.getByRole('link', { name: OPEN_SESSION })).toBeVisible();
  await expect(org.getByText('На доработке').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ждут рассмотрения' })).toHaveCount(0);
  await shoot(page, 'director');
  await page.close();
});
