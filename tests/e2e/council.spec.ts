import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * The council secretary's meeting, as she would run it: prepare it (agenda, notice), take the roll and see
 * the quorum, open it, record two motions (the second fails on a tie), add an action item, write and sign
 * the minutes and print them; afterwards the signed minutes cannot be edited.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let page: Page;
const names = ['张建国', '李秀英', '王志强', '刘桂兰', '陈明'];

test.beforeAll(async ({ browser }) => {
  linli = await startLinli();
  const admin = await callApi<{ token: string }>(linli, 'auth.setup', {
    community: { communityName: '幸福里社区', unitName: '幸福里社区居民委员会' },
    admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-2026' },
  });
  await callApi(linli, 'users.create', { username: 'mishu', displayName: '赵秘书', password: 'mishu-pass-2026', roles: ['secretary'] }, admin.token);
  const body = await callApi<{ id: string }>(
    linli,
    'council.saveBody',
    { kind: 'representatives', name: '幸福里居民代表会议', assemblyForm: null },
    admin.token,
  );
  for (const [i, name] of names.entries()) {
    await callApi(linli, 'council.saveMember', { bodyId: body.id, name, role: i === 0 ? '主任' : '代表', termStart: '2026-01-01' }, admin.token);
  }
  page = await signIn(browser, linli, { username: 'mishu', password: 'mishu-pass-2026', displayName: '赵秘书' });
});

test.afterAll(async () => {
  await page?.close();
  await linli?.stop();
});

test('the secretary prepares a meeting: particulars, agenda, notice', async () => {
  await page.getByRole('link', { name: '居民议事' }).first().click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByRole('combobox', { name: '议事组织' }).click();
  await page.getByRole('option', { name: '幸福里居民代表会议' }).click();
  await dialog.getByLabel('会议名称').fill('2026年第四季度居民代表会议');
  await dialog.getByLabel('日期').fill('2026-12-10');
  await dialog.getByLabel('开始时间').fill('14:30');
  await dialog.getByLabel('地点').fill('社区议事厅');
  await dialog.getByLabel('主持人').fill('张建国');
  await dialog.getByLabel('记录人').fill('李秀英');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2026年第四季度居民代表会议' })).toBeVisible();

  await page.getByRole('textbox', { name: '议题', exact: true }).fill('3栋加装电梯资金筹集');
  await page.getByRole('button', { name: '添加议题' }).click();
  await expect(page.getByText('3栋加装电梯资金筹集')).toBeVisible();
  await page.getByRole('button', { name: '发布会议通知' }).click();
  await expect(page.getByText('已通知', { exact: true })).toBeVisible();
});

test('takes the roll with the quorum shown live, then opens the meeting and the roll is frozen', async () => {
  const quorum = page.getByTestId('quorum');
  await expect(quorum).toContainText('应到 5 人，实到 0 人，法定人数 4 人：未达到');
  for (const name of names.slice(0, 4))
    await page
      .getByRole('radiogroup', { name: `${name} 的签到状态` })
      .getByText('出席')
      .click();
  await expect(quorum).toContainText('实到 4 人，法定人数 4 人：已达到');
  await page.getByRole('radiogroup', { name: '陈明 的签到状态' }).getByText('请假').click();
  await page.getByLabel('陈明 的请假/缺席事由').fill('出差');
  await page.getByRole('button', { name: '保存签到' }).click();
  await expect(page.getByText('签到尚未保存')).toHaveCount(0);
  await page.getByRole('button', { name: '宣布开会（冻结签到）' }).click();
  await expect(page.getByText('名册已冻结')).toBeVisible();
  await expect(page.getByText('进行中', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存签到' })).toHaveCount(0);
});

test('records two motions: one passes with a numbered resolution, one fails on a tie', async () => {
  await page.getByLabel('动议内容').fill('同意3栋加装电梯筹资方案');
  await page.getByRole('button', { name: '提出动议' }).click();
  const first = page.getByTestId('motion-1');
  await first.getByLabel('赞成').fill('3');
  await first.getByLabel('反对').fill('1');
  await first.getByRole('button', { name: '记录表决结果' }).click();
  await expect(first.getByText('通过', { exact: true })).toBeVisible();
  await expect(page.getByText('居议〔2026〕1号　同意3栋加装电梯筹资方案')).toBeVisible();

  await page.getByLabel('动议内容').fill('增设非机动车棚');
  await page.getByRole('button', { name: '提出动议' }).click();
  const second = page.getByTestId('motion-2');
  await second.getByLabel('赞成').fill('2');
  await second.getByLabel('反对').fill('2');
  await second.getByRole('button', { name: '记录表决结果' }).click();
  await expect(second.getByText('未通过', { exact: true })).toBeVisible();
  await expect(second.getByText('赞成 2，反对 2，弃权 0（可表决 4 人）')).toBeVisible();
});

test('adds an action item under the resolution', async () => {
  await page.getByRole('textbox', { name: '事项', exact: true }).fill('联系电梯厂家报价');
  await page.getByRole('textbox', { name: '责任人', exact: true }).fill('王志强');
  await page.getByRole('textbox', { name: '完成时限' }).fill('2026-12-31');
  await page.getByRole('button', { name: '添加落实事项' }).click();
  await expect(page.getByRole('cell', { name: '联系电梯厂家报价' })).toBeVisible();
});

test('writes the minutes, closes the meeting, signs and prints them; afterwards they cannot be edited', async () => {
  const minutes = page.getByTestId('minutes-text');
  await minutes.fill('张建国介绍了加装电梯筹资方案，代表们就费用分摊进行了讨论。');
  await page.getByRole('button', { name: '保存记录' }).click();
  await expect(page.getByText('第 1 版 · 草稿')).toBeVisible();
  await page.getByRole('button', { name: '宣布闭会' }).click();
  await expect(page.getByText('已闭会', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '签字确认并锁定' }).click();
  await expect(page.getByTestId('minutes-locked')).toContainText('张建国、李秀英');
  await expect(page.getByText('第 1 版 · 已签字')).toBeVisible();
  await screenshot(page, 'council-meeting-signed');

  // She prints the signed minutes as PDF from the meeting page; the saved file says what the meeting decided.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议纪要' }).click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  const out = path.join(linli.dir, 'minutes.pdf');
  await (await download).saveAs(out);
  await expect(page.getByText('已导出：2026年第四季度居民代表会议纪要', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '会议纪要' })).not.toHaveAttribute('data-loading');
  await screenshot(page, 'council-meeting-printed');
  const printed = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
  const lines = printed.split('\n').map((l) => l.replace(/\s+/g, ''));
  expect(lines.join('')).toContain('2026年第四季度居民代表会议纪要');
  expect(lines).toContain('2增设非机动车棚举手表决220未通过');
  expect(lines.join('')).not.toContain('草稿');
  await page.keyboard.press('Escape');

  // On screen: the text is read-only and there is no save.
  await expect(minutes).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: '保存记录' })).toHaveCount(0);
  // Through the API, as another window or a script would try: refused.
  const session = await callApi<{ token: string }>(linli, 'auth.login', { username: 'mishu', password: 'mishu-pass-2026' });
  const meetings = await callApi<{ rows: { id: string }[] }>(linli, 'council.listMeetings', {}, session.token);
  await expect(callApi(linli, 'council.saveMinutes', { meetingId: meetings.rows[0].id, text: '改写' }, session.token)).rejects.toThrow(
    /council.minutes_signed/,
  );
  const view = await callApi<{ minutes: { text: string; state: string }[] }>(linli, 'council.getMeeting', { id: meetings.rows[0].id }, session.token);
  expect(view.minutes).toEqual([expect.objectContaining({ state: 'signed', text: '张建国介绍了加装电梯筹资方案，代表们就费用分摊进行了讨论。' })]);
  await expect(minutes).toHaveValue('张建国介绍了加装电梯筹资方案，代表们就费用分摊进行了讨论。');
});

test('the council’s lists: the meeting, its open action item and a newly raised issue, each in its named table with a total', async () => {
  await page.getByRole('link', { name: '居民议事' }).first().click();
  const meeting = page.getByRole('table', { name: '会议列表' }).getByRole('row').filter({ hasText: '2026年第四季度居民代表会议' });
  await expect(meeting).toContainText('已闭会');
  await expect(page.getByText('共 1 条')).toBeVisible();

  await page.getByRole('tab', { name: '落实跟踪' }).click();
  const item = page.getByRole('table', { name: '待落实事项' }).getByRole('row').filter({ hasText: '联系电梯厂家报价' });
  await expect(item).toContainText('王志强');
  await expect(item.getByRole('link', { name: '2026年第四季度居民代表会议' })).toBeVisible();

  await page.getByRole('tab', { name: '登记簿' }).click();
  await expect(page.getByRole('status').filter({ hasText: '还没有议事事项。' })).toBeVisible();
  await page.getByRole('textbox', { name: '事项', exact: true }).fill('楼道堆物清理');
  await page.getByRole('textbox', { name: '提出人', exact: true }).fill('3栋居民');
  await page.getByRole('textbox', { name: '提出日期' }).fill('2026-12-01');
  await page.getByRole('button', { name: '登记事项' }).click();
  const issue = page.getByRole('table', { name: '议事事项清单' }).getByRole('row').filter({ hasText: '楼道堆物清理' });
  await expect(issue).toContainText('3栋居民');
  await expect(issue.getByRole('combobox', { name: '“楼道堆物清理”的进展' })).toHaveValue('已提出');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await screenshot(page, 'council-issues');
});
