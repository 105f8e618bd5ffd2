import { test, expect, type Page } from '@playwright/test';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { signIn } from './support/sign-in';

/**
 * A family splits: 赵六 leaves his parents' household for one of his own in the next flat (变更户), later
 * moves away (迁出) and comes back (迁入). Each step through the resident page's modals.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
let residentId: string;

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  const s = admin.token;
  const grid = await callApi<{ id: string }>(linli, 'residents.saveGrid', { code: 'W01', name: '第一网格' }, s);
  const compound = await callApi<{ id: string }>(linli, 'residents.saveCompound', { name: '幸福家园' }, s);
  const building = await callApi<{ id: string }>(
    linli,
    'residents.saveBuilding',
    { compoundId: compound.id, gridId: grid.id, name: '3', floors: 2, layout: { units: 1, roomsPerFloor: 2 } },
    s,
  );
  const view = await callApi<{ cells: { houseId: string; floor: number; room: string }[] }>(linli, 'residents.buildingView', { buildingId: building.id }, s);
  const [parents, own] = view.cells.filter((c) => c.floor === 1).sort((a, b) => a.room.localeCompare(b.room));
  const parentsHousehold = await callApi<{ id: string }>(linli, 'residents.saveHousehold', { number: 'H-PARENTS', houseId: parents.houseId }, s);
  await callApi(linli, 'residents.saveHousehold', { number: 'H-OWN', houseId: own.houseId }, s);
  const zhao = await callApi<{ id: string }>(
    linli,
    'residents.create',
    { name: '赵六', idNumber: '11010519491231002X', status: '户籍', houseId: parents.houseId, householdId: parentsHousehold.id, relationToHead: '子' },
    s,
  );
  residentId = zhao.id;

  page = await signIn(browser, linli, { username: 'admin', password: 'admin-pass-2026', displayName: '王主任' });
  await page.evaluate((id) => (window.location.hash = `#/residents/${id}`), residentId);
  await expect(page.getByRole('heading', { name: /赵六/ })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

async function choose(dialog: ReturnType<Page['getByRole']>, label: string, option: string | RegExp) {
  await dialog.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('变更户 asks for the household and the relation, then shows the new household', async () => {
  await page.getByRole('button', { name: '变更户' }).click();
  const dialog = page.getByRole('dialog', { name: '赵六 变更户' });
  await expect(dialog.getByText(/现在户号 H-PARENTS/)).toBeVisible();

  // Nothing chosen yet: both required fields say so and no call is made.
  await dialog.getByRole('button', { name: '变更户' }).click();
  await expect(dialog.getByText('必填')).toHaveCount(2);

  await choose(dialog, '房号', /102/);
  await choose(dialog, '户', /H-OWN/);
  await choose(dialog, '与户主关系', '户主');
  await dialog.getByRole('button', { name: '变更户' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: /H-OWN/ })).toBeVisible();
});

test('迁出 archives him, and 迁入 brings him back to the household he had', async () => {
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '迁出' }).click();
  const out = page.getByRole('dialog', { name: '赵六 迁出' });
  await out.getByRole('button', { name: '迁出' }).click();
  await expect(out).toBeHidden();
  await expect(page.getByText(/已迁出/).first()).toBeVisible();

  await page.getByRole('button', { name: '迁入' }).click();
  const back = page.getByRole('dialog', { name: '赵六 迁入' });
  // The household he left is offered as it was; the date is today's.
  await expect(back.getByRole('combobox', { name: '户', exact: true })).toHaveValue(/H-OWN/);
  await back.getByRole('button', { name: '迁入' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('button', { name: '变更户' })).toBeVisible();
  await expect(page.getByRole('link', { name: /H-OWN/ })).toBeVisible();
});
