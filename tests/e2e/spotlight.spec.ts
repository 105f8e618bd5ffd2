import { test, expect, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * Ctrl+K as a fast clerk uses it: the shortcut and the first letters come within 0–100 ms of each other,
 * from a page with a text box focused or from nowhere, and again right after Esc closed the last search.
 * Nothing typed may be lost (bhj → hj), doubled (zs → zszs) or land in the box behind the search.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  await callApi(linli, 'residents.create', { name: '白浩杰', idNumber: '11010519491231002X', status: '户籍', unplacedReason: '刚来，户号待核实' }, admin.token);
  await callApi(linli, 'residents.create', { name: '张三', idNumber: '34052419800101001X', status: '户籍', unplacedReason: '刚来，户号待核实' }, admin.token);
  page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '王主任' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

const words = [
  { typed: 'bhj', finds: '白浩杰' },
  { typed: 'zs', finds: '张三' },
];

test('letters typed 0–100 ms after Ctrl+K are all in the search box, once, and find the person', async () => {
  // The residents list: its name filter is focused, so a lost letter would land there.
  await page.getByRole('link', { name: '居民', exact: true }).click();
  const filter = page.getByRole('textbox').first();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox');
  let tries = 0;
  for (let round = 0; round < 2; round++) {
    for (let delay = 0; delay <= 100; delay += 10) {
      for (const word of words) {
        if (round === 0) await filter.focus();
        await page.keyboard.press('Control+k');
        if (delay) await page.waitForTimeout(delay);
        await page.keyboard.type(word.typed, { delay: 25 });
        await expect(box, `after ${delay} ms`).toHaveValue(word.typed);
        await expect(dialog.getByRole('button', { name: new RegExp(word.finds) })).toBeVisible();
        // Closed at once, without waiting for the closing animation: the next try opens it again.
        await page.keyboard.press('Escape');
        tries++;
      }
    }
  }
  await expect(dialog).toBeHidden();
  expect(tries).toBe(44);
  await expect(filter).toHaveValue('');
});

test('searching again for the same person selects the hit again, so Enter opens it', async () => {
  const dialog = page.getByRole('dialog');
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('bhj');
    await expect(dialog.getByRole('button', { name: /白浩杰/ })).toHaveAttribute('data-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('Ctrl+K from the header box, typed at once, opens the first hit with Enter', async () => {
  await page.getByRole('button', { name: '搜索（Ctrl+K）' }).click();
  await page.keyboard.type('zs');
  const hit = page.getByRole('dialog').getByRole('button', { name: /张三/ });
  await expect(hit).toHaveAttribute('data-selected', 'true');
  await screenshot(page, 'spotlight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /张三/ })).toBeVisible();
});

test('the ResidentPicker finds a person by pinyin initials, and the audit log narrows to their record', async () => {
  await page.getByRole('link', { name: '审计日志' }).click();
  const picker = page.getByRole('combobox', { name: '居民', exact: true });
  await picker.fill('bhj');
  await page.getByRole('option', { name: /白浩杰/ }).click();
  await expect(picker).toHaveValue(/白浩杰/);
  await page.getByRole('button', { name: '查询' }).click();
  const table = page.getByRole('table', { name: '审计日志' });
  // The header and the one entry that registered him; nobody else's.
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('白浩杰');
  await expect(page.getByText('第 1–1 条，共 1 条')).toBeVisible();
  await screenshot(page, 'resident-picker-audit');
});
