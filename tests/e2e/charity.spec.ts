import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * The charity ledger as its users work it: the treasurer enters a batch of donations and prints a receipt;
 * a clerk files an aid application and another person approves it; the treasurer pays it and publishes the
 * month's notice; the notice's digest verifies against the public ledger, and fails once a row is altered.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let treasurer: Page;
let clerk: Page;
let digest = '';
let adminToken = '';
const treasurerUser = { username: 'treasurer1', password: 'treasurer-pass-2026', displayName: '李出纳' };
const clerkUser = { username: 'clerk1', password: 'clerk-pass-2026', displayName: '王窗口' };

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '和平里社区', unitName: '和平里社区居民委员会', complaintPhone: '0472-7654321' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  adminToken = admin.token;
  await callApi(linli, 'users.create', { ...treasurerUser, roles: ['treasurer'] }, admin.token);
  await callApi(linli, 'users.create', { ...clerkUser, roles: ['clerk'] }, admin.token);
  const household = await callApi<{ id: string }>(linli, 'residents.saveHousehold', { number: 'HP-1-101', houseId: null }, admin.token);
  const tags = await callApi<{ id: string; name: string }[]>(linli, 'residents.listTags', {}, admin.token);
  await callApi(
    linli,
    'residents.create',
    {
      name: '赵困难',
      status: '户籍',
      idNumber: '11010519491231002X',
      phone: '13912345678',
      householdId: household.id,
      relationToHead: '户主',
      tagIds: [tags.find((t) => t.name === '低保')!.id],
    },
    admin.token,
  );
  treasurer = await signIn(browser, linli, treasurerUser);
  clerk = await signIn(browser, linli, clerkUser, { ownContext: true });
});

test.afterAll(async () => {
  await treasurer?.close();
  await clerk?.close();
  await linli?.stop();
});

test('the treasurer enters a batch of donations from the keyboard against its counted total', async () => {
  const page = treasurer;
  await page.getByRole('link', { name: '慈善帮扶' }).first().click();
  await page.getByRole('tab', { name: '捐赠登记' }).click();
  await page.getByLabel('清点总额（元）').fill('350');
  await page.getByLabel('信封数').fill('3');
  await page.getByRole('button', { name: '开始录入' }).click();
  const amount = page.getByLabel('金额（元）');
  await expect(amount).toBeFocused();
  for (const yuan of ['100', '200', '40']) {
    await amount.fill(yuan);
    await amount.press('Enter');
    await expect(amount).toHaveValue('');
  }
  await expect(page.getByTestId('batch-progress')).toContainText('已录入 ¥340.00 / ¥350.00（3/3 笔）');
  await expect(page.getByRole('button', { name: '入账并开具收据' })).toBeDisabled();
  await screenshot(page, 'charity-batch');
  // A mistyped amount is refused on the spot; a fourth envelope makes the total right but the count wrong, so it still cannot post.
  await amount.fill('10.5.0');
  await amount.press('Enter');
  await expect(page.getByText('金额格式不正确')).toBeVisible();
  await amount.fill('10');
  await amount.press('Enter');
  await expect(page.getByTestId('batch-progress')).toContainText('已录入 ¥350.00 / ¥350.00（4/3 笔）');
  await expect(page.getByRole('button', { name: '入账并开具收据' })).toBeDisabled();
  // The 40 was an envelope of 50 and the 10 a slip: both lines are withdrawn (kept on record), the 50 typed again.
  for (const wrong of ['¥40.00', '¥10.00']) {
    await page.getByRole('row').filter({ hasText: wrong }).getByRole('button', { name: '撤回' }).click();
    await page.getByLabel('撤回原因').fill('金额录错');
    await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
  }
  await amount.fill('50');
  await amount.press('Enter');
  await expect(page.getByTestId('batch-progress')).toContainText('已录入 ¥350.00 / ¥350.00（3/3 笔）');
  await page.getByRole('button', { name: '入账并开具收据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已入账' })).toContainText('共 3 笔，合计 ¥350.00');
});

test('a batch that adds up posts, and its receipt prints; a reprint is marked 复印件', async () => {
  const page = treasurer;
  await page.getByLabel('清点总额（元）').fill('300');
  await page.getByLabel('信封数').fill('2');
  await page.getByRole('button', { name: '开始录入' }).click();
  const amount = page.getByLabel('金额（元）');
  await amount.fill('100');
  await amount.press('Enter');
  await amount.fill('200');
  await amount.press('Enter');
  await page.getByRole('button', { name: '入账并开具收据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '批次 P2026-000002 已入账' })).toContainText('共 2 笔，合计 ¥300.00');
  await page.getByRole('tab', { name: '收据' }).click();
  const first = page.getByRole('row').filter({ hasText: '-000001' });
  // The receipt prints through the document engine (the charity_receipt report); the PDF is read back.
  const printReceipt = async (button: string, name: string) => {
    const download = page.waitForEvent('download');
    await first.getByRole('button', { name: button }).click();
    await page.getByRole('menuitem', { name: 'PDF' }).click();
    const file = path.join(linli.dir, name);
    await (await download).saveAs(file);
    await expect(first.getByRole('button', { name: button })).not.toHaveAttribute('data-loading');
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  };
  const original = await printReceipt('打印', 'receipt.pdf');
  expect(original).toContain('人民币壹佰元整');
  expect(original).toContain('李出纳');
  expect(original).not.toContain('复印件');
  await screenshot(page, 'charity-receipt');
  await page.keyboard.press('Escape');
  const reprint = await printReceipt('打印', 'receipt-copy.pdf');
  expect(reprint).toContain('复印件');
  expect(reprint).toContain('人民币壹佰元整');
  await page.keyboard.press('Escape');
});

test('a clerk files an aid application with evidence and reviews it; a second person approves it', async () => {
  await clerk.getByRole('link', { name: '慈善帮扶' }).first().click();
  await clerk.getByRole('tab', { name: '救助申请' }).click();
  await clerk.getByRole('button', { name: '登记救助申请' }).click();
  const dialog = clerk.getByRole('dialog', { name: '登记救助申请' });
  await dialog.getByLabel('受助居民').fill('赵困难');
  await clerk.getByRole('option', { name: /赵困难/ }).click();
  await dialog.getByLabel('金额（元）').fill('120');
  await dialog.getByLabel('申请理由').fill('冬季取暖费困难');
  const chooser = clerk.waitForEvent('filechooser');
  await dialog.getByLabel('证明材料').click();
  await (await chooser).setFiles({ name: '困难证明.txt', mimeType: 'text/plain', buffer: Buffer.from('街道出具的困难证明') });
  await expect(dialog.getByLabel('证明材料')).toContainText('困难证明.txt');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  const row = clerk
    .getByTestId('aid-A2026-000001')
    .or(clerk.getByRole('row').filter({ hasText: '赵困难' }))
    .first();
  await expect(row).toContainText('已登记');
  await row.getByRole('button', { name: '入户审核' }).click();
  const review = clerk.getByRole('dialog');
  await expect(review).toContainText('困难证明.txt sha256:');
  await review.getByLabel('入户核实情况').fill('入户核实，冬季取暖费确有困难');
  await review.getByRole('button', { name: '保存审核' }).click();
  await expect(row).toContainText('已审核');
  // The clerk may file and review but not approve.
  await expect(row.getByRole('button', { name: '审批' })).toHaveCount(0);

  const page = treasurer;
  await page.getByRole('tab', { name: '救助申请' }).click();
  const queued = page.getByRole('row').filter({ hasText: '赵困难' });
  await queued.getByRole('button', { name: '审批' }).click();
  const decide = page.getByRole('dialog');
  await expect(decide.getByTestId('aid-fund-balance')).toHaveText('¥650.00');
  await expect(decide).toContainText('低保');
  await expect(decide).toContainText('本户今年没有其他救助');
  await screenshot(page, 'charity-approval');
  await decide.getByRole('button', { name: '批准', exact: true }).click();
  await expect(queued).toContainText('已批准');
});

test('the treasurer pays it and publishes the month’s notice; the digest verifies against the public ledger', async () => {
  const page = treasurer;
  const queued = page.getByRole('row').filter({ hasText: '赵困难' });
  await queued.getByRole('button', { name: '发放' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认发放' }).click();
  await expect(queued).toContainText('已发放');

  await page.getByRole('tab', { name: '公示' }).click();
  const month = new Date().toISOString().slice(0, 7);
  await page.getByLabel('期间').fill(month);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('收入 5 笔，支出 1 笔')).toBeVisible();
  await page.getByRole('button', { name: '发布（发布后不可修改）' }).click();
  const notice = page
    .getByTestId('notice-G2026-000001')
    .or(page.getByRole('row').filter({ hasText: '收支公示' }))
    .first();
  await expect(notice).toBeVisible();
  digest = (await notice.getByTestId('notice-digest').textContent())!.trim();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await screenshot(page, 'charity-notice');

  const pdfDownload = page.waitForEvent('download');
  await notice.getByRole('button', { name: '打印公示' }).click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  const pdfFile = path.join(linli.dir, 'notice.pdf');
  await (await pdfDownload).saveAs(pdfFile);
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('赵*难');
  expect(text).not.toContain('赵困难');
  expect(text).not.toContain('13912345678');
  expect(text).not.toContain('11010519491231002X');

  const ledgerDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公开账本' }).click();
  const ledgerFile = path.join(linli.dir, 'ledger.json');
  await (await ledgerDownload).saveAs(ledgerFile);
  const ok = spawnSync(process.execPath, [cliPath, 'charity', 'verify-notice', '--public', ledgerFile, '--digest', digest], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8' },
  });
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('公示与公开账本相符');

  const ledger = JSON.parse(fs.readFileSync(ledgerFile, 'utf8')) as { entries: { lines: number[][] }[] };
  ledger.entries[0].lines[0][2] += 1000;
  ledger.entries[0].lines[1][3] += 1000;
  const altered = path.join(linli.dir, 'ledger-altered.json');
  fs.writeFileSync(altered, JSON.stringify(ledger));
  const bad = spawnSync(process.execPath, [cliPath, 'charity', 'verify-notice', '--public', altered, '--digest', digest], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8' },
  });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('第 1 号分录');
});

test('the ledger screen recomputes the chain and shows its head, the same digest the notice printed', async () => {
  const page = treasurer;
  await page.getByRole('tab', { name: '基金与账本' }).click();
  await page.getByRole('button', { name: '重新计算哈希链' }).click();
  await expect(page.getByRole('status').filter({ hasText: '账本哈希链完整' })).toContainText(digest);
  await page.getByRole('tab', { name: '概览' }).click();
  await expect(page.getByTestId('fund-balance-GEN')).toHaveText('¥530.00');
  await screenshot(page, 'charity-overview');
});

test('Ctrl+K finds a donor by the start of the name, contact masked, and opens the donors tab filtered to them', async () => {
  const page = treasurer;
  await callApi(linli, 'charity.saveDonor', { kind: 'person', name: '陈善人', contact: '13812345678', disclosure: 'masked' }, adminToken);
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder(/捐赠人/).fill('陈善');
  const hit = page.getByRole('button', { name: /陈善人 个人 138\*{4}5678/ });
  await expect(hit).toBeVisible();
  await expect(hit).not.toContainText('13812345678');
  await screenshot(page, 'charity-donor-search');
  await hit.click();
  await expect(page).toHaveURL(/#\/charity\/donors\//);
  await expect(page.getByRole('tab', { name: '捐赠人', selected: true })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '陈善人' })).toBeVisible();
});

test('the treasurer starts a 爱心月月捐 campaign, adds a donor’s monthly pledge and sees expected beside received', async () => {
  const page = treasurer;
  await page.getByRole('tab', { name: '募捐与月捐' }).click();
  await page.getByLabel('名称').fill('2026爱心月月捐');
  await page.getByLabel('目标金额（元，可空）').fill('6000');
  await page.getByRole('button', { name: '创建活动' }).click();
  const campaign = page.getByRole('row').filter({ hasText: '2026爱心月月捐' });
  await expect(campaign).toContainText('¥6,000.00');
  await expect(page.getByRole('heading', { name: '2026爱心月月捐：每月认捐与到账' })).toBeVisible();
  // A bad amount is refused in place, nothing saved.
  await page.getByLabel('每月金额（元）').fill('12.345');
  await page.getByRole('button', { name: '登记月捐' }).click();
  await expect(page.getByText('本活动还没有月捐')).toBeVisible();
  await page.getByRole('combobox', { name: '捐赠人' }).fill('陈善');
  await page.getByRole('option', { name: '陈善人' }).click();
  await page.getByLabel('每月金额（元）').fill('50');
  await page.getByRole('button', { name: '登记月捐' }).click();
  const pledge = page.getByTestId('pledge-陈善人');
  await expect(pledge).toContainText('¥50.00');
  await expect(pledge).toContainText('¥0.00 / ¥50.00');
  await screenshot(page, 'charity-pledges');
});

test('the first-run demo holds a year of charity activity: eleven published notices, pledges behind, aid waiting', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(linli.dir, 'demo-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath], { encoding: 'utf8' });
  const password = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8').match(/密码 \/ password: (\S+)/)![1];
  const demo = await startLinli({ dbPath });
  try {
    const page = await signIn(browser, demo, { username: 'admin', password, displayName: '演示管理员' });
    await page.getByRole('link', { name: '慈善帮扶' }).first().click();
    await expect(page.getByText('落后于认捐的月捐')).toBeVisible();
    await expect(page.getByTestId('fund-balance-EDU')).toBeVisible();
    await screenshot(page, 'charity-demo-overview');
    await page.getByRole('tab', { name: '公示' }).click();
    await expect(page.getByTestId(/^notice-G/)).toHaveCount(11);
    await expect(page.getByText('共 11 条')).toBeVisible();
    // The journal pages 30 entries at a time, newest first; its count is the head's number (the chain numbers 1, 2, 3…).
    await page.getByRole('tab', { name: '基金与账本' }).click();
    const journal = page.getByRole('table', { name: '账本（分录）' });
    await expect(journal.getByRole('row')).toHaveCount(31);
    const seqOf = async (row: number) => Number((await journal.getByRole('row').nth(row).getByRole('cell').first().textContent())!.trim());
    const head = await seqOf(1);
    await expect(page.getByText(`共 ${head.toLocaleString('zh-CN')} 条分录`)).toBeVisible();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page.getByText('第 2 页')).toBeVisible();
    await expect(journal.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(String(head - 30));
    await page.getByRole('button', { name: '上一页' }).click();
    await expect(journal.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(String(head));
    await page.getByRole('tab', { name: '救助申请' }).click();
    await expect(page.getByRole('row').filter({ hasText: '已签收' }).first()).toBeVisible();
    await screenshot(page, 'charity-demo-aid');
    await page.close();
  } finally {
    await demo.stop();
  }
});
