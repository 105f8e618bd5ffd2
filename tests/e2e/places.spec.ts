import { test, expect, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * An administrator sets up a new community's addresses through 地址管理: a grid with its published
 * worker and complaint line, a compound, a building whose rooms are generated from its layout, and a tag.
 * The 楼盘表 then shows the rooms, because a building exists with its rooms from the day it is made.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  await callApi(linli, 'auth.setup', {
    community: { communityName: '和平里社区', unitName: '和平里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '王主任' });
  await page.getByRole('link', { name: '地址管理' }).first().click();
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

/** Picks an option of a Mantine Select in the open dialog: open its list, click the option. */
async function choose(dialog: ReturnType<Page['getByRole']>, label: string, option: string) {
  // By label, not role: a searchable Select is a combobox, a plain one (颜色) a read-only textbox.
  await dialog.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a grid is created with its worker, phone and complaint line', async () => {
  await page.getByRole('tab', { name: '网格' }).click();
  await page.getByRole('button', { name: '新增网格' }).click();
  const dialog = page.getByRole('dialog', { name: '新增网格' });
  // The first field has the focus, so typing can start at once.
  await expect(dialog.getByLabel('网格编码')).toBeFocused();
  await dialog.getByLabel('网格编码').fill('W02');
  await dialog.getByLabel('网格名称').fill('第二网格');
  await dialog.getByLabel('网格员', { exact: true }).fill('赵网格');
  await dialog.getByLabel('网格员电话').fill('13900001111');
  await dialog.getByLabel('投诉电话').fill('0472-1234567');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: '网格' }).getByRole('row').filter({ hasText: '第二网格' });
  await expect(row).toContainText('W02');
  await expect(row).toContainText('赵网格');
  await expect(row).toContainText('13900001111');
  await expect(row).toContainText('0472-1234567');
  await expect(row.getByRole('button', { name: '编辑网格 第二网格' })).toBeVisible();
  await screenshot(page, 'places-grids');
});

test('a compound is created', async () => {
  await page.getByRole('tab', { name: '小区' }).click();
  await page.getByRole('button', { name: '新增小区' }).click();
  const dialog = page.getByRole('dialog', { name: '新增小区' });
  await dialog.getByLabel('小区名称').fill('和平家园');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: '小区' }).getByRole('button', { name: '修改小区名称 和平家园' })).toBeVisible();
});

test('a building is created with its layout, and its rooms exist', async () => {
  await page.getByRole('tab', { name: '楼栋' }).click();
  await page.getByRole('button', { name: '新增楼栋' }).click();
  const dialog = page.getByRole('dialog', { name: '新增楼栋' });
  await choose(dialog, '小区', '和平家园');
  await choose(dialog, '网格', '第二网格');
  await dialog.getByLabel('楼栋号').fill('8');
  await dialog.getByLabel('楼层数').fill('5');
  await dialog.getByLabel('单元数').fill('2');
  await dialog.getByLabel('每层户数').fill('3');
  await expect(dialog.getByText('将生成 30 间房')).toBeVisible();
  await dialog.getByRole('button', { name: '新建并生成房间' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: '楼栋' }).getByRole('row').filter({ hasText: '8栋' });
  await expect(row).toContainText('和平家园');
  await expect(row).toContainText('第二网格');
  await expect(row.getByRole('cell').nth(3)).toHaveText('5');
  await screenshot(page, 'places-buildings');
});

test('a tag is created with a colour', async () => {
  await page.getByRole('tab', { name: '标签' }).click();
  await page.getByRole('button', { name: '新增标签' }).click();
  const dialog = page.getByRole('dialog', { name: '新增标签' });
  await dialog.getByLabel('标签名称').fill('楼长');
  await choose(dialog, '颜色', '绿');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: '标签' }).getByRole('row').filter({ hasText: '楼长' });
  await expect(row.getByRole('cell').nth(1)).toHaveText('绿');
  await expect(row.getByRole('button', { name: '编辑标签 楼长' })).toBeVisible();
});

test('the 楼盘表 shows the generated rooms, bottom floor to top', async () => {
  await page.getByRole('link', { name: '楼盘表' }).first().click();
  await page.getByRole('group', { name: '楼栋' }).getByRole('button', { name: /8栋/ }).click();
  const grid = page.getByRole('table', { name: /8栋 楼盘表/ });
  await expect(grid).toBeVisible();
  await expect(page.getByText('5 层 · 2 个单元 · 30 间房')).toBeVisible();
  for (const room of ['1单元 101', '1单元 501', '1单元 503', '2单元 101', '2单元 503']) {
    await expect(grid.getByRole('button', { name: new RegExp(`^${room}、`) })).toBeVisible();
  }
  await screenshot(page, 'places-building-view');
});
