// The notification bell in the header, as the demo teacher (who has unread notices from the demo data):
// the unread count in the button's name, the newest notices on click, a click marks read and opens the link,
// «Отметить все прочитанными», «Все уведомления».
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

const TEACHER = { email: 'teacher@rost.local', password: 'rost-teacher-2026' };

let context: BrowserContext;

test.beforeAll(async ({ browser }) => {
  const baseURL = process.env.E2E_BASE_URL;
  if (!baseURL)
    throw new Error('E2E_BASE_URL is not set: run the browser tests through node scripts/e2e.mjs');
  context = await browser.newContext({ baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const res = await context.request.post('/api/auth/sign-in/email', { data: TEACHER });
  expect(res.ok(), await res.text()).toBeTruthy();
});

test.afterAll(async () => {
  await context?.close();
});

/** The bell's accessible name for `n` unread notices. */
function bellName(n: number): string {
  if (n === 0) return 'Уведомления: нет непрочитанных';
  const mod10 = n % 10;
  const mod100 = n % 100;
  const one = mod10 === 1 && mod100 !== 11;
  return `Уведомления: ${n} ${one ? 'непрочитанное' : 'непрочитанных'}`;
}

async function unread(page: Page): Promise<number> {
  const res = await page.request.get('/api/notifications/unread-count');
  expect(res.ok()).toBeTruthy();
  return (await res.json()).count;
}

test('X-4 the header bell shows the unread count, lists the newest notices, opens one and marks all read', async () => {
  const page = await context.newPage();
  await page.goto('/profile'); // (GET / answers 403 — reported separately)
  const n = await unread(page);
  expect(n, 'the demo teacher has unread notices').toBeGreaterThan(0);
  const bell = page.getByRole('button', { name: bellName(n) });
  await expect(bell).toBeVisible();

  // the newest first; unread ones in bold
  const list = (await (await page.request.get('/api/notifications', { params: { pageSize: 8 } })).json())
    .items as { title: string; link: string | null; read: boolean }[];
  const target = list.find((x) => !x.read && x.link)!;
  await bell.click();
  const popup = page.locator('.ant-popover');
  await expect(popup.getByText('Уведомления', { exact: true })).toBeVisible();
  const item = popup.getByRole('button', {
    name: new RegExp(target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  });
  await expect(item).toBeVisible();
  await expect(item.locator('strong')).toHaveText(target.title);
  await expect(item.locator('time')).toHaveText(/назад|только что|несколько секунд/);

  // a click marks it read and opens its link
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${target.link!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  // (the link may lead to a public page without the header)
  await page.goto('/profile');
  await expect(page.getByRole('button', { name: bellName(n - 1) })).toBeVisible();

  // «Отметить все прочитанными», then «Все уведомления» leads to the notifications page
  await page.getByRole('button', { name: bellName(n - 1) }).click();
  if (n - 1 > 0) await popup.getByRole('button', { name: 'Отметить все прочитанными' }).click();
  await expect(page.getByRole('button', { name: bellName(0) })).toBeVisible();
  await popup.getByRole('link', { name: 'Все уведомления' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Уведомления' })).toBeVisible();
  expect(await unread(page)).toBe(0);
});
