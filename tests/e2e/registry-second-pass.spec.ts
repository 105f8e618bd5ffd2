import { test, expect, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * What a clerk met in a first week (issue #11 §2, §4): expired ID cards first on 身份证到期 and a warning on
 * the person's page; a new resident placed in a household or deliberately not (暂不登记到户, listed under
 * 未登记到户); a room's only household preselected; an ID already registered said at once; a birth date
 * over 120 years confirmed; a wrong check digit not "corrected"; 父亲 / 母亲 among the relations.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let admin: string;
const rooms: Record<string, string> = {};
let buildingId: string;
let expiredId: string;
let ownerId: string;

/** A calendar date `days` from today (the server's clock, in Shanghai as the hall's). */
function dayFromToday(days: number): string {
  const now = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  admin = (
    await callApi<{ token: string }>(linli, 'auth.setup', {
      community: { communityName: '和平里社区', unitName: '和平里社区居民委员会' },
      admin: { username: 'admin', displayName: '钱主任', password: 'admin-pass-2026' },
    })
  ).token;
  const grid = await callApi<{ id: string }>(linli, 'residents.saveGrid', { code: 'G01', name: '第一网格' }, admin);
  const compound = await callApi<{ id: string }>(linli, 'residents.saveCompound', { name: '和平小区' }, admin);
  const building = { compoundId: compound.id, gridId: grid.id, name: '2', floors: 2, layout: { units: 1, roomsPerFloor: 2 } };
  buildingId = (await callApi<{ id: string }>(linli, 'residents.saveBuilding', building, admin)).id;
  const view = await callApi<{ cells: { houseId: string; room: string }[] }>(linli, 'residents.buildingView', { buildingId }, admin);
  for (const c of view.cells) rooms[c.room] = c.houseId;
  const household = await callApi<{ id: string }>(linli, 'residents.saveHousehold', { number: 'HP-2-101', houseId: rooms['101'] }, admin);
  const member = async (name: string, idNumber: string, relationToHead: string, idCardExpiresOn: string) => {
    const input = { name, status: '户籍', idNumber, householdId: household.id, relationToHead, idCardExpiresOn };
    return (await callApi<{ id: string }>(linli, 'residents.create', input, admin)).id;
  };
  ownerId = await member('孙户主', '11010519491231002X', '户主', dayFromToday(400));
  expiredId = await member('李过期', '440524188001010014', '父亲', dayFromToday(-30));
  await member('周将到期', '130503196704010016', '配偶', dayFromToday(20));
  page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '钱主任' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('身份证到期 lists the expired card first, marked 已过期, then the one expiring soon', async () => {
  await go('#/reminders/idCards');
  const table = page.getByRole('table', { name: '身份证到期' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('李过期');
  await expect(rows.nth(1)).toContainText('已过期');
  await expect(rows.nth(1)).toContainText('30 天前');
  await expect(rows.nth(2)).toContainText('周将到期');
  await expect(rows.nth(2)).not.toContainText('已过期');
  await expect(page.getByText('已过期 1 张，排在最前')).toBeVisible();
  await expect(page.getByText('共 2 人')).toBeVisible();
  await screenshot(page, 'reminders-id-cards-expired-first');
});

test("the resident's page warns of an expired card, and of one expiring soon", async () => {
  await go(`#/residents/${expiredId}`);
  await expect(page.getByRole('heading', { name: /李过期/ })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: '身份证已过期' });
  await expect(alert).toContainText('已过期 30 天');
  await expect(alert.getByRole('link', { name: '查看身份证到期名单' })).toBeVisible();
  await screenshot(page, 'resident-id-card-expired');
  await go(`#/residents/${ownerId}`);
  await expect(page.getByRole('heading', { name: /孙户主/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /身份证/ })).toHaveCount(0);
});

test('an ID number already registered is said at once, with a link to that person', async () => {
  await go('#/residents/new');
  await page.getByLabel('姓名', { exact: true }).fill('重复者');
  await page.getByLabel('证件号', { exact: true }).fill('110105194912310');
  await page.getByLabel('证件号', { exact: true }).pressSequentially('02x');
  const notice = page.getByText('该证件号码已登记在居民 孙户主 名下');
  await expect(notice).toBeVisible();
  await expect(page.getByRole('link', { name: '打开 孙户主 的页面' })).toHaveAttribute('href', `#/residents/${ownerId}`);
  await screenshot(page, 'resident-form-id-owner');
});

test('a wrong check digit says the number is wrong, never which digit would pass', async () => {
  const field = page.getByLabel('证件号', { exact: true });
  await field.fill('110105194912310021');
  await expect(page.getByText('号码有误（校验不通过），请对照身份证逐位核对')).toBeVisible();
  await expect(page.getByText(/应为/)).toHaveCount(0);
});

test('a new resident needs a household, or 暂不登记到户 with a reason, and is then listed for follow-up', async () => {
  await go('#/residents');
  await go('#/residents/new');
  await page.getByLabel('姓名', { exact: true }).fill('吴暂住');
  await page.getByLabel('证件号', { exact: true }).fill('320102199003070025');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByText(/请选择或新建户/)).toBeVisible();
  await expect(page.getByText('请选择房屋', { exact: true })).toBeVisible();
  await page.getByLabel('暂不登记到户', { exact: true }).check();
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByText('请写明暂不登记到户的原因')).toBeVisible();
  await page.getByLabel('暂不登记到户的原因').fill('刚租住，房东尚未确认户号');
  await screenshot(page, 'resident-form-unplaced');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByRole('heading', { name: /吴暂住/ })).toBeVisible();
  // On the 户 card, and in the history's first entry.
  await expect(page.getByText('暂不登记到户的原因：刚租住，房东尚未确认户号')).toHaveCount(2);
  await screenshot(page, 'resident-unplaced');

  await go('#/reminders/unplaced');
  const table = page.getByRole('table', { name: '未登记到户' });
  await expect(table.getByRole('row').filter({ hasText: '吴暂住' })).toContainText('刚租住，房东尚未确认户号');
  await screenshot(page, 'reminders-unplaced');
});

test('picking a room preselects its only household; 与户主关系 offers 父亲 and 母亲', async () => {
  await go('#/residents/new');
  await page.getByLabel('姓名', { exact: true }).fill('郑母亲');
  await page.getByLabel('证件号', { exact: true }).fill('320102195003070027');
  await page.getByRole('combobox', { name: '楼栋', exact: true }).click();
  await page.getByRole('option', { name: /2栋/ }).click();
  await page.getByRole('combobox', { name: '房号', exact: true }).click();
  await page.getByRole('option', { name: /101/ }).click();
  await expect(page.getByRole('combobox', { name: '户', exact: true })).toHaveValue(/HP-2-101/);
  await expect(page.getByLabel('暂不登记到户', { exact: true })).toHaveCount(0);
  await page.getByRole('combobox', { name: '与户主关系', exact: true }).click();
  await expect(page.getByRole('option', { name: '父亲', exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: '父母', exact: true })).toHaveCount(0);
  await page.getByRole('option', { name: '母亲', exact: true }).click();
  await screenshot(page, 'resident-form-only-household');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByRole('heading', { name: /郑母亲/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /HP-2-101/ })).toBeVisible();
  await expect(page.getByText('与户主关系：母亲')).toBeVisible();
});

test('a birth date over 120 years ago from the number asks for confirmation before saving', async () => {
  await go('#/residents/new');
  await page.getByLabel('姓名', { exact: true }).fill('高龄核对');
  await page.getByLabel('证件号', { exact: true }).fill('11010519000101001X');
  const confirm = page.getByLabel(/号码无误，此人确已 \d+ 岁/);
  await expect(confirm).toBeVisible();
  await page.getByLabel('暂不登记到户', { exact: true }).check();
  await page.getByLabel('暂不登记到户的原因').fill('核对中');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByText('请核对证件号码；确认无误请勾选上面的确认')).toBeVisible();
  // The refused save takes the clerk to the confirmation, high on the form.
  await expect(confirm).toBeFocused();
  await screenshot(page, 'resident-form-over-120');
  await confirm.check();
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByRole('heading', { name: /高龄核对/ })).toBeVisible();
});
