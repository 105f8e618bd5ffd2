import { test, expect, type Browser, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { signIn } from './support/sign-in';

/**
 * Two desks on one `linli serve`: what the administrator saves at desk A shows up on the clerk's screens
 * at desk B without a reload, and what the clerk is typing at B is not replaced while A works.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let deskA: Page;
let deskB: Page;

/** Each desk in a browser context of its own (its own cookie), as two workstations are. */
function signInDesk(browser: Browser, username: string, password: string, displayName: string): Promise<Page> {
  return signIn(browser, linli, { username, password, displayName }, { ownContext: true });
}

/** 新增居民 through the form, as a clerk would. */
async function addResident(page: Page, name: string, idNumber: string) {
  await page.getByRole('link', { name: '居民' }).first().click();
  await page.getByRole('link', { name: '新增居民' }).first().click();
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('证件号', { exact: true }).fill(idNumber);
  // No house here: registered without a household on purpose, as the form asks.
  await page.getByLabel('暂不登记到户', { exact: true }).check();
  await page.getByLabel('暂不登记到户的原因').fill('测试：未建房屋');
  await page.getByRole('button', { name: '保存新居民' }).click();
  await expect(page.getByText(`已新增居民 ${name}`)).toBeVisible();
}

/** Set before the other desk acts, read after: a reload of the page would have cleared it. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { deskMark: number }).deskMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { deskMark?: number }).deskMark === 1);

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  await callApi(linli, 'users.create', { username: 'clerk1', displayName: '李窗口', password: 'clerk-pass-2026', roles: ['clerk'] }, admin.token);
  await callApi(linli, 'residents.create', { name: '张三', idNumber: '11010519491231002X', status: '户籍', unplacedReason: '刚来，户号待核实' }, admin.token);
  deskA = await signInDesk(browser, 'admin', 'admin-pass-2026', '王主任');
  deskB = await signInDesk(browser, 'clerk1', 'clerk-pass-2026', '李窗口');
});

test.afterAll(async () => {
  await deskA?.context().close();
  await deskB?.context().close();
  await linli?.stop();
});

test("desk B's resident list shows a resident added at desk A, without a reload", async () => {
  await deskB.getByRole('link', { name: '居民' }).first().click();
  const listB = deskB.getByRole('table', { name: '居民列表' });
  await expect(listB.getByText('张三')).toBeVisible();
  await expect(deskB.getByText('共 1 人')).toBeVisible();
  await markPage(deskB);

  await addResident(deskA, '孙七', '34052419800101001X');

  await expect(listB.getByText('孙七')).toBeVisible();
  await expect(deskB.getByText('共 2 人')).toBeVisible();
  expect(await stillMarked(deskB)).toBe(true);
});

test('what desk B is typing into the visit policy stays while desk A saves a resident', async () => {
  await deskB.getByRole('link', { name: '地址管理' }).first().click();
  await deskB.getByRole('tab', { name: '走访频次' }).click();
  const days = deskB.getByLabel('第 1 条的间隔天数');
  await expect(days).not.toHaveValue('');
  await days.fill('45');

  // The tag list on the same screen is live: its refresh shows that B has heard of A's save. The policy
  // being edited is not asked for again.
  const asked: string[] = [];
  deskB.on('request', (req) => req.url().endsWith('/api/call') && asked.push((JSON.parse(req.postData() ?? '{}') as { method: string }).method));
  const tagsRefreshed = deskB.waitForRequest((req) => req.url().endsWith('/api/call') && (req.postData() ?? '').includes('"residents.listTags"'));

  await addResident(deskA, '周八', '110105198001010032');

  await tagsRefreshed;
  await expect(days).toHaveValue('45');
  expect(asked).not.toContain('residents.visitPolicy');
  expect(await stillMarked(deskB)).toBe(true);
});

test('a desk that was locked while desk A saved catches up at unlock, without an error', async () => {
  await deskB.getByRole('link', { name: '居民' }).first().click();
  const listB = deskB.getByRole('table', { name: '居民列表' });
  await expect(deskB.getByText('共 3 人')).toBeVisible();
  await deskB.getByRole('button', { name: /用户菜单/ }).click();
  await deskB.getByRole('menuitem', { name: '锁定' }).click();
  await expect(deskB.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();

  await addResident(deskA, '吴九', '110105198001010016');

  await deskB.getByLabel('密码', { exact: true }).fill('clerk-pass-2026');
  await deskB.getByRole('button', { name: '解锁' }).click();
  await expect(deskB.getByRole('heading', { name: '屏幕已锁定' })).toBeHidden();
  await expect(listB.getByText('吴九')).toBeVisible();
  await expect(deskB.getByText('共 4 人')).toBeVisible();
  await expect(deskB.getByRole('alert')).toHaveCount(0);
  expect(await stillMarked(deskB)).toBe(true);
});
