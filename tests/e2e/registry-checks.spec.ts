import { test, expect, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * The registry's finer points, as a clerk meets them: a room registered 空置 that people live in is
 * flagged on the 楼盘表 and on the house page; a household is found by its 户号 alone, in Ctrl+K and in
 * the 变更户 dialog (which then places the person in the household's house); a long-term ID card is
 * registered through the form as 长期, not as an empty expiry.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let admin: string;
const rooms: Record<string, string> = {};
let movingId: string;

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  admin = (
    await callApi<{ token: string }>(linli, 'auth.setup', {
      community: { communityName: '光明里社区', unitName: '光明里社区居民委员会' },
      admin: { username: 'admin', displayName: '赵主任', password: 'admin-pass-2026' },
    })
  ).token;
  const grid = await callApi<{ id: string }>(linli, 'residents.saveGrid', { code: 'G01', name: '第一网格' }, admin);
  const compound = await callApi<{ id: string }>(linli, 'residents.saveCompound', { name: '光明小区' }, admin);
  const building = await callApi<{ id: string }>(
    linli,
    'residents.saveBuilding',
    { compoundId: compound.id, gridId: grid.id, name: '5', floors: 3, layout: { units: 1, roomsPerFloor: 2 } },
    admin,
  );
  const view = await callApi<{ cells: { houseId: string; unit: string; floor: number; room: string }[] }>(
    linli,
    'residents.buildingView',
    { buildingId: building.id },
    admin,
  );
  for (const c of view.cells) rooms[c.room] = c.houseId;
  // 201 is registered 空置 although a family lives there; 101 is 空置 and empty.
  for (const room of ['101', '201']) {
    const c = view.cells.find((x) => x.room === room)!;
    await callApi(linli, 'residents.saveHouse', { id: c.houseId, buildingId: building.id, unit: c.unit, floor: c.floor, room: c.room, use: '空置' }, admin);
  }
  await callApi(
    linli,
    'residents.create',
    { name: '孙空房', status: '户籍', idNumber: '34052419800101001X', houseId: rooms['201'], unplacedReason: '房东尚未确认户号' },
    admin,
  );
  // A household in 301, and someone in 102 who will join it.
  const household = await callApi<{ id: string }>(linli, 'residents.saveHousehold', { number: 'GM-5-301', houseId: rooms['301'] }, admin);
  await callApi(
    linli,
    'residents.create',
    { name: '钱户主', status: '户籍', idNumber: '11010519491231002X', householdId: household.id, relationToHead: '户主' },
    admin,
  );
  movingId = (
    await callApi<{ id: string }>(
      linli,
      'residents.create',
      { name: '周搬家', status: '户籍', idNumber: '440524188001010014', houseId: rooms['102'], unplacedReason: '房东尚未确认户号' },
      admin,
    )
  ).id;

  page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '赵主任' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('a room registered 空置 with a resident is drawn occupied, marked, and the house page says so', async () => {
  await page.getByRole('link', { name: '楼盘表' }).first().click();
  await page.getByRole('group', { name: '楼栋' }).getByRole('button', { name: /5栋/ }).click();
  const grid = page.getByRole('table', { name: /5栋 楼盘表/ });
  const lived = grid.getByRole('button', { name: /^1单元 201、/ });
  await expect(lived).toHaveAccessibleName(/自住、1 人、登记为空置，但有 1 人居住/);
  await expect(lived).toHaveClass(/linli-bg-occupied/);
  await expect(lived).toHaveAttribute('data-vacant-but-occupied', 'true');
  const empty = grid.getByRole('button', { name: /^1单元 101、/ });
  await expect(empty).toHaveClass(/linli-bg-vacant/);
  await expect(empty).not.toHaveAttribute('data-vacant-but-occupied');
  await expect(page.getByRole('listitem').filter({ hasText: '登记空置但有人住' })).toContainText('1');
  await lived.hover();
  await screenshot(page, 'building-view-vacant-but-occupied');

  // No household in the room: the cell opens the house.
  await lived.click();
  await expect(page.getByRole('heading', { name: '光明小区5栋1单元201' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '登记为空置，但有 1 人居住' })).toBeVisible();
  await screenshot(page, 'house-vacant-but-occupied');
});

test('Ctrl+K finds a household by its 户号, typed in lower case, and opens its page', async () => {
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder(/户号/).fill('gm-5-301');
  const hit = page.getByRole('button', { name: /户号 GM-5-301 钱户主 光明小区5栋1单元301/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('户主 钱户主 · 1 人');
  // The first hit is selected once the results are drawn; Enter then opens it.
  await expect(hit).toHaveAttribute('data-selected', 'true');
  await screenshot(page, 'search-household');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /户号 GM-5-301/ })).toBeVisible();
});

test('变更户 finds the household by typing its number, and the house follows it', async () => {
  await page.evaluate((id) => (window.location.hash = `#/residents/${id}`), movingId);
  await expect(page.getByRole('heading', { name: /周搬家/ })).toBeVisible();
  await page.getByRole('button', { name: '变更户' }).click();
  const dialog = page.getByRole('dialog', { name: '周搬家 变更户' });
  // The house picker shows 102, which has no household: the household is found by its number instead.
  await dialog.getByRole('combobox', { name: '户', exact: true }).fill('GM-5');
  await page.getByRole('option', { name: 'GM-5-301（户主 钱户主，1 人） · 光明小区5栋1单元301' }).click();
  await expect(dialog.getByRole('combobox', { name: '房号', exact: true })).toHaveValue(/301/);
  await dialog.getByRole('combobox', { name: '与户主关系', exact: true }).click();
  await page.getByRole('option', { name: '子' }).first().click();
  await dialog.getByRole('button', { name: '变更户' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: /GM-5-301/ })).toBeVisible();
  await expect(page.getByText('光明小区5栋1单元301').first()).toBeVisible();
});

test('a resident registered with a long-term ID card (长期有效) shows 长期, not an empty expiry', async () => {
  await page.evaluate(() => (window.location.hash = '#/residents/new'));
  await page.getByLabel('姓名', { exact: true }).fill('吴长期');
  await page.getByLabel('证件号', { exact: true }).fill('130503196704010016');
  const expiry = page.getByLabel('身份证有效期至', { exact: true });
  await expiry.fill('2030-01-01');
  // Ticking 长期有效 clears and disables the date: a long-term card has none.
  await page.getByLabel('长期有效', { exact: true }).check();
  await expect(expiry).toBeDisabled();
  await expect(expiry).toHaveValue('');
  await screenshot(page, 'resident-form-long-term-id');
  await page.getByLabel('暂不登记到户', { exact: true }).check();
  await page.getByLabel('暂不登记到户的原因').fill('待核实住址');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByRole('heading', { name: /吴长期/ })).toBeVisible();
  await expect(page.getByText('身份证有效期至').locator('..')).toContainText('长期');
});
