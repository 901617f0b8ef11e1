// Helpers of the event-creation browser test: typing a date range into an antd RangePicker the way a user does.
import { expect, type Locator, type Page } from '@playwright/test';
import { ruDay } from './events-flow.helpers';

/**
 * Types a date range into the antd RangePicker of the form item labelled `label` inside `scope`: the start
 * date, then the end date, then a click on `outside` (e.g. the dialog's title) commits both and closes the
 * popup. Not Enter: in a form, Enter in the picker's input also submits the form. Dates are YYYY-MM-DD.
 */
export async function fillRange(
  page: Page,
  scope: Locator,
  label: string,
  from: string,
  until: string,
  outside: Locator,
): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) });
  const [start, end] = [item.locator('input').nth(0), item.locator('input').nth(1)];
  await start.click();
  await start.fill(ruDay(from));
  await end.click();
  await end.fill(ruDay(until));
  await outside.click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expect(start).toHaveValue(ruDay(from));
  await expect(end).toHaveValue(ruDay(until));
}

/**
 * Picks an option of a server-searched antd Select: opens it, types `search`, waits for the popup to settle
 * and clicks the option. A multiple select keeps its popup open: `closeBy` (e.g. the dialog's title) is clicked
 * to close it — Escape would close the dialog as well.
 */
export async function searchAndChoose(
  page: Page,
  select: Locator,
  search: string,
  option: string | RegExp,
  closeBy?: Locator,
): Promise<void> {
  await select.click();
  await page.keyboard.type(search);
  const popup = page.locator(
    '.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])',
  );
  await popup.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  if (closeBy) await closeBy.click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
