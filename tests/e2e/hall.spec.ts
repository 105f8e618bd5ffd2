import { test, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliPath, startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/**
 * The service counter on a fresh demo file, as its people work it. The administrator adds a service with its
 * materials and the counter offers it. A clerk accepts an application with every material and prints the
 * 受理回执; registers another with a material missing, prints the 一次性告知书, and accepts it once the
 * material is brought; transfers and completes it; the applicant rates it 非常不满意, it waits on 督办 for
 * its call-back until the clerk records one. The administrator enters a year's holidays by pasting the
 * notice's lines, and the promised-date tool counts over them.
 */
test.describe.configure({ mode: 'serial' });

let linli: ServedLinli;
let admin: Page;
let clerk: Page;
const clerkUser = { username: 'chuangkou1', password: 'chuangkou-pass-2026', displayName: '孙窗口' };
const service = { code: 'HJ-09', name: '殡葬补助申领', department: '街道民政办' };
const materials = ['居民死亡医学证明', '申领人居民身份证'];
/** The 受理编号 of the application accepted with everything, and of the one told what was missing. */
let firstNumber = '';
let secondNumber = '';

test.beforeAll(async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'linli-hall-'));
  const dbPath = path.join(dir, 'linli.sqlite');
  execFileSync(process.execPath, [cliPath, 'seed', '--demo', '--db', dbPath], { encoding: 'utf8' });
  const password = fs.readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8').match(/密码 \/ password: (\S+)/)![1];
  linli = await startLinli({ dbPath });
  const session = await callApi<{ token: string }>(linli, 'auth.login', { username: 'admin', password });
  await callApi(linli, 'users.create', { ...clerkUser, roles: ['clerk'] }, session.token);
  admin = await signIn(browser, linli, { username: 'admin', password, displayName: '演示管理员' }, { ownContext: true });
  clerk = await signIn(browser, linli, clerkUser, { ownContext: true });
});

test.afterAll(async () => {
  await admin?.context().close();
  await clerk?.context().close();
  await linli?.stop();
});

/** Runs one of a screen's print buttons as PDF and reads the saved file back as text, without spaces or line breaks. */
async function printPdf(page: Page, button: string, file: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  const out = path.join(linli.dir, file);
  await (await download).saveAs(out);
  await expect(page.getByText(/^已导出/).first()).toBeVisible();
  await page.keyboard.press('Escape');
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Picks the test's service in the counter's 事项 box by its code, as a clerk types it. */
async function chooseService(page: Page) {
  await page.getByRole('combobox', { name: '事项' }).fill(service.code);
  await page
    .getByRole('option')
    .filter({ hasText: `${service.code}${service.name}` })
    .click();
}

/** Fills the counter's form for a walk-in applicant and ticks the materials on the counter. */
async function registerWalkIn(page: Page, name: string, received: string[]) {
  await page.getByRole('link', { name: '窗口受理' }).first().click();
  await chooseService(page);
  await page.getByText('来访人', { exact: true }).click();
  await page.getByRole('textbox', { name: '姓名' }).fill(name);
  await page.getByRole('textbox', { name: '联系电话' }).fill('13800001111');
  for (const m of received) await page.getByRole('checkbox', { name: `已收：${m}` }).check();
}

/** A figure the counter shows once a ticket is registered, read under its label (受理编号, 承诺办结日期). */
async function resultValue(page: Page, label: string): Promise<string> {
  const figure = page.getByText(label, { exact: true }).locator('xpath=..');
  return (await figure.locator('p').last().textContent())!.trim();
}

function ticketRow(table: Locator, number: string): Locator {
  return table.getByRole('row').filter({ hasText: number });
}

test('the administrator adds a service with two materials in 服务事项, and the counter offers it', async () => {
  await admin.getByRole('link', { name: '服务事项' }).first().click();
  await admin.getByRole('button', { name: '新增事项' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增事项' });
  await dialog.getByRole('textbox', { name: '编码' }).fill(service.code);
  await dialog.getByRole('textbox', { name: '事项名称' }).fill(service.name);
  await dialog.getByRole('combobox', { name: '类别' }).fill('社会事务');
  await dialog.getByRole('combobox', { name: '承办部门' }).fill(service.department);
  await dialog.getByRole('textbox', { name: '办结时限（工作日）' }).fill('10');
  await dialog.getByRole('button', { name: '添加材料' }).click();
  await dialog.getByRole('button', { name: '添加材料' }).click();
  // Typed in the wrong order, then put right with 上移.
  await dialog.getByRole('textbox', { name: '第 1 项材料名称' }).fill(materials[1]);
  await dialog.getByRole('textbox', { name: '第 2 项材料名称' }).fill(materials[0]);
  await dialog.getByRole('textbox', { name: '第 2 项材料出具单位' }).fill('医疗机构');
  await dialog.getByRole('button', { name: '第 2 项上移' }).click();
  await expect(dialog.getByRole('textbox', { name: '第 1 项材料名称' })).toHaveValue(materials[0]);
  await expect(dialog.getByRole('textbox', { name: '第 1 项材料出具单位' })).toHaveValue('医疗机构');
  // A code the catalogue already uses is refused, and said beside the code.
  await dialog.getByRole('textbox', { name: '编码' }).fill('SB-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('事项编码 SB-01 已被“城乡居民养老保险参保登记”使用')).toBeVisible();
  await dialog.getByRole('textbox', { name: '编码' }).fill(service.code);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = ticketRow(admin.getByRole('table', { name: '服务事项目录' }), service.code);
  await expect(row).toContainText(service.name);
  await expect(row).toContainText('10 个工作日');
  await expect(row).toContainText('在用');
  await row.click();
  const guide = admin.getByRole('dialog', { name: `办事指南：${service.name}` });
  await expect(guide.getByRole('row').nth(1)).toContainText(`1${materials[0]}原件及复印件1医疗机构必需`);
  await expect(guide.getByRole('row').nth(2)).toContainText(`2${materials[1]}原件及复印件1申请人自备必需`);
  await screenshot(admin, 'hall-service-guide');
  const printed = await printPdf(admin, '打印办事指南', 'guide.pdf');
  expect(printed).toContain(service.name);
  expect(printed).toContain(materials[0]);
  expect(printed).toContain(materials[1]);
  await admin.keyboard.press('Escape');
  await expect(guide).toBeHidden();

  // The counter's 事项 box finds it by its code and lists its materials to tick.
  await admin.getByRole('link', { name: '窗口受理' }).first().click();
  await chooseService(admin);
  await expect(admin.getByRole('checkbox', { name: `已收：${materials[0]}` })).toBeVisible();
  await expect(admin.getByRole('checkbox', { name: `已收：${materials[1]}` })).toBeVisible();
});

test('a clerk accepts an application with every material: the 受理编号 shows, and the printed 受理回执 carries it and the promised date', async () => {
  await registerWalkIn(clerk, '赵一鸣', materials);
  await clerk.getByRole('button', { name: '受理', exact: true }).click();
  await expect(clerk.getByRole('status').filter({ hasText: '已受理' })).toBeVisible();
  firstNumber = await resultValue(clerk, '受理编号');
  expect(firstNumber).toMatch(/\d{6}$/);
  const dueOn = await resultValue(clerk, '承诺办结日期');
  expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await screenshot(clerk, 'hall-counter-accepted');

  const receipt = await printPdf(clerk, '打印受理回执', 'receipt.pdf');
  expect(receipt).toContain(firstNumber);
  expect(receipt).toContain('承诺办结日期');
  expect(receipt).toContain(dueOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`));
});

test('another, with a material missing, is told once in writing; the notice lists it; the material brought, it is accepted', async () => {
  await clerk.getByRole('button', { name: '继续受理下一位' }).click();
  await registerWalkIn(clerk, '钱二妹', [materials[1]]);
  await expect(clerk.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
  await clerk.getByRole('button', { name: '一次性告知' }).click();
  const notify = clerk.getByRole('dialog', { name: '一次性告知' });
  await expect(notify).toContainText(materials[0]);
  await notify.getByRole('button', { name: '登记并出具告知书' }).click();
  await expect(clerk.getByRole('status').filter({ hasText: '已一次性告知' })).toBeVisible();
  secondNumber = await resultValue(clerk, '受理编号');
  expect(secondNumber).not.toBe(firstNumber);

  const notice = await printPdf(clerk, '打印一次性告知书', 'notice.pdf');
  expect(notice).toContain(secondNumber);
  expect(notice).toContain(materials[0]);

  await clerk.getByRole('button', { name: '打开办件' }).click();
  await expect(clerk.getByRole('heading', { name: secondNumber })).toBeVisible();
  await expect(clerk.getByText(/待补正$/).first()).toBeVisible();
  await clerk.getByRole('button', { name: '补正材料' }).click();
  const supplement = clerk.getByRole('dialog', { name: '补正材料' });
  await supplement.getByRole('checkbox', { name: materials[0] }).check();
  await supplement.getByRole('button', { name: '登记补正' }).click();
  await expect(supplement).toBeHidden();
  await expect(clerk.getByText('已受理', { exact: true }).first()).toBeVisible();
  await expect(clerk.getByRole('button', { name: '打印受理回执' })).toBeVisible();
});

test('the clerk transfers it to the department, then records its decision (办结)', async () => {
  await clerk.getByRole('button', { name: '转办', exact: true }).click();
  const transfer = clerk.getByRole('dialog', { name: '转办' });
  // The service's own department is offered; the clerk names the person there.
  await expect(transfer.getByRole('combobox', { name: '承办部门' })).toHaveValue(service.department);
  await transfer.getByRole('textbox', { name: '承办人' }).fill('周干事');
  await transfer.getByRole('button', { name: '转办' }).click();
  await expect(transfer).toBeHidden();
  await expect(clerk.getByText('已转办', { exact: true }).first()).toBeVisible();

  await clerk.getByRole('button', { name: '办结', exact: true }).click();
  const complete = clerk.getByRole('dialog', { name: '办结' });
  await complete.getByRole('textbox', { name: '办理结果' }).fill('经审核符合条件，补助已核准发放。');
  await complete.getByRole('button', { name: '办结' }).click();
  await expect(complete).toBeHidden();
  await expect(clerk.getByText('已办结', { exact: true }).first()).toBeVisible();
  await expect(clerk.getByText('经审核符合条件，补助已核准发放。', { exact: true })).toBeVisible();
});

test('a 非常不满意 waits on 督办 among the 差评 to call back, until the clerk records the call-back', async () => {
  await clerk.getByRole('button', { name: '好差评' }).click();
  const rate = clerk.getByRole('dialog', { name: '好差评' });
  await rate.getByRole('radio', { name: /非常不满意/ }).check();
  await rate.getByRole('textbox', { name: '意见建议' }).fill('补交材料跑了两趟');
  await rate.getByRole('button', { name: '保存评价' }).click();
  await expect(rate).toBeHidden();

  await clerk.getByRole('link', { name: '督办' }).first().click();
  const owedList = clerk.getByRole('table', { name: '待回访差评' });
  const owed = ticketRow(owedList, secondNumber);
  await expect(owed).toContainText('非常不满意');
  await expect(owed).toContainText('补交材料跑了两趟');
  // Its 回访期限: the next working day after the rating (the counter's rule, 安阳条例 第52条).
  await expect(owed).toContainText(/\d{4}-\d{2}-\d{2}/);
  // The figure above counts what the list holds (the demo's own 差评 among them).
  const owedBefore = (await owedList.getByRole('row').count()) - 1;
  await expect(clerk.getByRole('group', { name: '待回访差评' })).toContainText(`待回访差评${owedBefore}`);
  await screenshot(clerk, 'hall-supervision');
  // The 督办清单 for the morning meeting carries the same 差评 with its applicant.
  const list = await printPdf(clerk, '打印督办清单', 'supervision.pdf');
  expect(list).toContain(secondNumber);
  expect(list).toContain('钱二妹');

  await owed.click();
  await clerk.getByRole('button', { name: '差评回访' }).click();
  const followUp = clerk.getByRole('dialog', { name: '差评回访' });
  const contacted = followUp.getByRole('textbox', { name: '回访日期' });
  if (!(await contacted.inputValue())) await contacted.fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  await followUp.getByRole('textbox', { name: '核实情况' }).fill('已电话联系申请人，情况属实');
  await followUp.getByRole('textbox', { name: '整改措施' }).fill('告知书中写明补交地点');
  await followUp.getByRole('button', { name: '保存回访' }).click();
  await expect(followUp).toBeHidden();

  await clerk.getByRole('link', { name: '督办' }).first().click();
  await expect(clerk.getByRole('group', { name: '待回访差评' })).toContainText(`待回访差评${owedBefore - 1}`);
  await expect(ticketRow(clerk.getByRole('table', { name: '待回访差评' }), secondNumber)).toHaveCount(0);
});

test('工作台 shows the counter today, as 督办 counts it, and leads there', async () => {
  await clerk.getByRole('link', { name: '工作台' }).first().click();
  const card = clerk.locator('.mantine-Card-root').filter({ has: clerk.getByRole('heading', { name: '今日窗口' }) });
  const figure = async (root: Locator, label: string) => Number((await root.getByRole('group', { name: label }).textContent())!.replace(/\D/g, ''));
  await expect(card.getByRole('group', { name: '在办' })).toContainText(/\d/);
  const open = await figure(card, '在办');
  const overdue = await figure(card, '已逾期');
  // The first application is still running.
  expect(open).toBeGreaterThanOrEqual(1);
  await card.getByRole('button', { name: '督办' }).click();
  await expect(clerk.getByRole('heading', { name: '督办' })).toBeVisible();
  await expect(clerk.getByRole('group', { name: '在办' })).toContainText(`在办${open}`);
  await expect(clerk.getByRole('group', { name: '已逾期' })).toContainText(`已逾期${overdue}`);
  await expect(ticketRow(clerk.getByRole('table', { name: '已逾期' }), firstNumber)).toHaveCount(0);
});

test('the administrator enters a year of holidays by pasting the notice; a promised date is counted over them', async () => {
  await admin.getByRole('link', { name: '服务事项' }).first().click();
  await admin.getByRole('tab', { name: '节假日' }).click();
  await expect(admin.getByText('随软件提供').first()).toBeVisible();
  await admin.getByRole('button', { name: '录入/更正某年' }).click();
  const dialog = admin.getByRole('dialog', { name: '录入/更正某年' });
  await dialog.getByRole('textbox', { name: '年份' }).fill('2031');
  const paste = dialog.getByRole('textbox', { name: '粘贴通知中的日期' });
  // A slip in the second line is named with its number, and nothing is read until it is put right.
  await paste.fill(['2031-01-01 放假 元旦', '2031-1-32 放假 春节', '2031-01-19 上班 春节调休'].join('\n'));
  await dialog.getByRole('button', { name: '读入' }).click();
  await expect(dialog.getByRole('alert')).toContainText('第 2 行“2031-1-32 放假 春节”：日期无法识别');
  await expect(dialog.getByText('安排（0 天）')).toBeVisible();
  await paste.fill(['2031-01-01 放假 元旦', '2031-01-22~2031-01-28 放假 春节', '2031-01-19 上班 春节调休'].join('\n'));
  await dialog.getByRole('button', { name: '读入' }).click();
  await expect(dialog.getByText('已读入 9 天')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '第 9 天的日期' })).toHaveValue('2031-01-28');
  await dialog.getByRole('button', { name: '保存该年安排' }).click();
  await expect(dialog).toBeHidden();

  const year = admin.getByRole('table', { name: '2031 年节假日安排' });
  await expect(year.getByRole('row').nth(1)).toContainText('2031-01-01（周三）1放假元旦');
  await expect(year.getByRole('row').nth(2)).toContainText('2031-01-19（周日）1调休上班春节调休');
  await expect(year.getByRole('row').nth(3)).toContainText('2031-01-22（周三） 至 2031-01-28（周二）7放假春节');
  await expect(admin.getByRole('button', { name: /^2031 年/ })).toContainText('本馆录入');

  // Three working days from Monday 20 January: Tuesday, then the holiday week skipped, then Wednesday and Thursday.
  await admin.getByRole('textbox', { name: '受理日期' }).fill('2031-01-20');
  await admin.getByRole('textbox', { name: '时限（工作日）' }).fill('3');
  await expect(admin.getByTestId('due-date-result')).toHaveText('承诺办结日期：2031-01-30（周四）');
  await screenshot(admin, 'hall-holidays');
});

test('Ctrl+K finds a ticket by its 受理编号 or its last digits and Enter opens it; beside the registry’s 户号, each under its heading', async () => {
  const dialog = clerk.getByRole('dialog');
  // A hit is announced as its number, service, applicant and status.
  const hit = (number: string) => dialog.getByRole('button', { name: new RegExp(`^${number} `) });
  const search = async (typed: string) => {
    await clerk.keyboard.press('Control+k');
    await clerk.keyboard.type(typed);
    await expect(dialog.getByRole('textbox')).toHaveValue(typed);
  };

  await search(firstNumber);
  await expect(hit(firstNumber)).toHaveAccessibleName(`${firstNumber} ${service.name} 赵一鸣 已受理`);
  await expect(hit(firstNumber)).toHaveAttribute('data-selected', 'true');
  await screenshot(clerk, 'hall-spotlight');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByRole('heading', { name: firstNumber })).toBeVisible();

  // The last three digits, as read off the receipt (the demo's tickets and this spec's are fewer than a thousand).
  expect(Number(firstNumber.slice(-6))).toBeLessThan(1000);
  await clerk.getByRole('link', { name: '督办' }).first().click();
  await expect(clerk.getByRole('heading', { name: '督办' })).toBeVisible();
  await search(firstNumber.slice(-3));
  await expect(hit(firstNumber)).toHaveAttribute('data-selected', 'true');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByRole('heading', { name: firstNumber })).toBeVisible();

  // 1 is the start of every demo 户号 (100000001 …) and the digits of the year's first ticket: both are
  // listed, the registry's first as before, and the ticket opens from its own group.
  const yearsFirst = `${firstNumber.slice(0, -6)}000001`;
  await search('1');
  await expect(dialog.getByRole('button', { name: /^户号 1\d{8} / }).first()).toHaveAttribute('data-selected', 'true');
  await hit(yearsFirst).click();
  await expect(clerk.getByRole('heading', { name: yearsFirst })).toBeVisible();
});

test('the administrator changes a 窗口规则, told 已保存 only once it is saved; the clerk reads the rules but cannot change them', async () => {
  await admin.getByRole('link', { name: '服务事项' }).first().click();
  await admin.getByRole('tab', { name: '窗口规则' }).click();
  const reply = admin.getByRole('textbox', { name: '未指定事项的投诉、咨询答复时限（工作日）' });
  await expect(reply).toHaveValue('5');
  await reply.fill('61');
  await admin.getByRole('button', { name: '保存' }).click();
  await expect(reply).toHaveAttribute('aria-invalid', 'true');
  await expect(admin.getByText('已保存')).toBeHidden();
  await reply.fill('7');
  await admin.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  await clerk.getByRole('link', { name: '服务事项' }).first().click();
  await clerk.getByRole('tab', { name: '窗口规则' }).click();
  const seen = clerk.getByRole('textbox', { name: '未指定事项的投诉、咨询答复时限（工作日）' });
  await expect(seen).toHaveValue('7');
  await expect(seen).toHaveAttribute('readonly', '');
  await expect(clerk.getByRole('button', { name: '保存' })).toHaveCount(0);
});
