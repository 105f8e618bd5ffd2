import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
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
  await councilResolution(admin.token);
  treasurer = await signIn(browser, linli, treasurerUser);
  clerk = await signIn(browser, linli, clerkUser, { ownContext: true });
});

/** A council meeting held with a resolution passed, as the council's secretary records one (the administrator here). */
async function councilResolution(token: string) {
  const body = await callApi<{ id: string }>(linli, 'council.saveBody', { kind: 'representatives', name: '和平里社区居民代表会议', assemblyForm: null }, token);
  const members: { id: string; name: string }[] = [];
  for (const name of ['张建国', '李秀英', '王志强'])
    members.push(await callApi(linli, 'council.saveMember', { bodyId: body.id, name, role: '代表', termStart: '2026-01-01' }, token));
  const meeting = await callApi<{ id: string }>(
    linli,
    'council.saveMeeting',
    {
      bodyId: body.id,
      title: '2026年第四季度居民代表会议',
      heldOn: '2026-11-20',
      startTime: '14:30',
      place: '社区议事厅',
      chairName: '张建国',
      recorderName: '李秀英',
    },
    token,
  );
  await callApi(linli, 'council.saveAgendaItem', { meetingId: meeting.id, title: '冬季取暖补助', category: '小事', source: 'register' }, token);
  await callApi(linli, 'council.notifyMeeting', { id: meeting.id }, token);
  await callApi(
    linli,
    'council.markAttendance',
    { meetingId: meeting.id, entries: members.map((m) => ({ memberId: m.id, name: m.name, status: 'present', reason: '' })) },
    token,
  );
  await callApi(linli, 'council.openMeeting', { id: meeting.id }, token);
  const motion = await callApi<{ id: string }>(
    linli,
    'council.addMotion',
    { meetingId: meeting.id, title: '同意为困难家庭发放冬季取暖补助', method: 'hands' },
    token,
  );
  await callApi(linli, 'council.recordVote', { motionId: motion.id, tally: { for: 3, against: 0, abstain: 0 } }, token);
}

/** Presses Tab until `target` has the focus, as a person tabbing through the form would. */
async function tabTo(page: Page, target: Locator, max = 12) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

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
  await expect(review).toContainText('困难证明.txt');
  await expect(review).toContainText('sha256:');
  // The evidence downloads as exports do; the file is the one filed, byte for byte.
  const evidenceDownload = clerk.waitForEvent('download');
  await review.getByRole('button', { name: '下载证明材料 困难证明.txt' }).click();
  const evidenceFile = path.join(linli.dir, 'evidence.txt');
  await (await evidenceDownload).saveAs(evidenceFile);
  expect(fs.readFileSync(evidenceFile, 'utf8')).toBe('街道出具的困难证明');
  await review.getByLabel('入户核实情况').fill('入户核实，冬季取暖费确有困难');
  // The council's resolution is picked from its list (number · date · title), found by a word of its title.
  const resolution = review.getByRole('combobox', { name: '议事会决议（可选）' });
  await resolution.fill('取暖');
  await expect(clerk.getByRole('option', { name: '居议〔2026〕1号 · 2026-11-20 · 同意为困难家庭发放冬季取暖补助' })).toBeVisible();
  await screenshot(clerk, 'charity-aid-review-picker');
  await resolution.press('ArrowDown');
  await resolution.press('Enter');
  await expect(resolution).toHaveValue('居议〔2026〕1号 · 2026-11-20 · 同意为困难家庭发放冬季取暖补助');
  await review.getByRole('button', { name: '保存审核' }).click();
  await expect(row).toContainText('已审核');
  // Opening evidence is personal data: the audit trail names who opened which file.
  const audit = await callApi<{ entries: { actorName: string; summary: string }[] }>(linli, 'audit.list', { action: 'charity.openEvidence' }, adminToken);
  expect(audit.entries).toEqual([expect.objectContaining({ actorName: '王窗口', summary: 'A2026-000001 困难证明.txt' })]);
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
  await expect(decide).toContainText('居议〔2026〕1号');
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

test('batch entry names each envelope as chosen: the donor’s wish by default, changed for one line from the keyboard', async () => {
  const page = treasurer;
  await page.getByRole('tab', { name: '捐赠登记' }).click();
  await page.getByLabel('清点总额（元）').fill('80');
  await page.getByLabel('信封数').fill('2');
  await page.getByRole('button', { name: '开始录入' }).click();
  const amount = page.getByLabel('金额（元）');
  await expect(amount).toBeFocused();
  await amount.fill('30');
  const line = page.locator('form').filter({ has: page.getByRole('button', { name: '添加（回车）' }) });
  const donor = line.getByRole('combobox', { name: '捐赠人' });
  await tabTo(page, donor);
  await page.keyboard.type('陈善');
  await expect(page.getByRole('option', { name: '陈善人' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(donor).toHaveValue('陈善人');
  // 陈善人 asked to be masked and never consented: 张* is the default, 全名 cannot be chosen.
  const masked = page.getByRole('radio', { name: '张*' });
  await expect(masked).toBeChecked();
  await expect(page.getByRole('radio', { name: '全名' })).toBeDisabled();
  await expect(page.getByTestId('batch-public-name')).toContainText('公示为：陈*人');
  await tabTo(page, masked);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '爱心人士' })).toBeChecked();
  await expect(page.getByTestId('batch-public-name')).toContainText('公示为：爱心人士');
  await tabTo(page, page.getByRole('button', { name: '添加（回车）' }));
  await page.keyboard.press('Enter');
  await expect(amount).toBeFocused();
  // The next envelope starts from the donor's wish again.
  await expect(masked).toBeChecked();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-progress')).toContainText('已录入 ¥80.00 / ¥80.00（2/2 笔）');
  const lines = page.getByRole('row').filter({ hasText: '陈善人' });
  await expect(lines.filter({ hasText: '¥30.00' })).toContainText('爱心人士');
  await expect(lines.filter({ hasText: '¥50.00' })).toContainText('陈*人');
  await lines.last().scrollIntoViewIfNeeded();
  await screenshot(page, 'charity-batch-disclosure');
  await page.getByRole('button', { name: '入账并开具收据' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已入账' })).toContainText('共 2 笔，合计 ¥80.00');
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
  await expect(page.getByText('请选择捐赠人')).toBeVisible();
  await page.getByRole('combobox', { name: '捐赠人' }).fill('陈善');
  await page.getByRole('option', { name: '陈善人' }).click();
  await page.getByLabel('每月金额（元）').fill('50');
  await page.getByRole('button', { name: '登记月捐' }).click();
  const pledge = page.getByTestId('pledge-陈善人');
  await expect(pledge).toContainText('¥50.00');
  await expect(pledge).toContainText('¥0.00 / ¥50.00');
  await screenshot(page, 'charity-pledges');
});

test('a pledge is entered and its month’s money recorded from the keyboard only', async () => {
  await callApi(linli, 'charity.saveDonor', { kind: 'person', name: '林好心', disclosure: 'caring' }, adminToken);
  const page = treasurer;
  // From the campaign form's button, Tab reaches the campaign's row; Enter opens it.
  await page.getByRole('button', { name: '创建活动' }).focus();
  const campaign = page.getByTestId('campaign-2026爱心月月捐');
  await tabTo(page, campaign);
  await expect(campaign).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '2026爱心月月捐：每月认捐与到账' })).toBeVisible();
  const donor = page.getByRole('combobox', { name: '捐赠人' });
  await tabTo(page, donor);
  await page.keyboard.type('林好');
  await expect(page.getByRole('option', { name: '林好心' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('每月金额（元）')).toBeFocused();
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  const pledge = page.getByTestId('pledge-林好心');
  await expect(pledge).toContainText('¥0.00 / ¥30.00');
  // Tab on to the pledge's row; Enter opens its month with the pledged sum ready, Enter again posts it.
  await tabTo(page, pledge);
  await expect(pledge).toHaveCSS('outline-style', 'solid');
  await screenshot(page, 'charity-pledge-focus');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /登记 林好心 的月捐到账/ });
  const money = dialog.getByLabel('金额（元）');
  await expect(money).toBeFocused();
  await expect(money).toHaveValue('30.00');
  await screenshot(page, 'charity-pledge-record');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(pledge).toContainText('¥30.00 / ¥30.00');
  await expect(page.getByText(/已登记 林好心 的月捐，收据号 2026-/)).toBeVisible();
  // The focus stays in the pledges (on the next one, or this one when it is the last), ready for the next envelope.
  await expect(page.locator('[data-testid^="pledge-"]:focus')).toHaveCount(1);
});

test('the report centre picks a council meeting from a list for its printouts', async () => {
  const page = treasurer;
  await page.getByRole('link', { name: '报表中心' }).first().click();
  await page.getByRole('button', { name: /居民议事会议通知/ }).click();
  const meeting = page.getByRole('combobox', { name: '会议' });
  // (Centred, so that the screenshot shows the box and its list below the sticky header.)
  await meeting.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await meeting.fill('第四季度');
  const option = page.getByRole('option', { name: '2026-11-20 2026年第四季度居民代表会议（和平里社区居民代表会议）' });
  await expect(option).toBeVisible();
  await screenshot(page, 'reports-meeting-picker');
  await option.click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成' }).click();
  const file = path.join(linli.dir, 'meeting-notice.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('2026年第四季度居民代表会议');
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
