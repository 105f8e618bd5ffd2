import { addUser, adminPassword, openTestHall, type TestHall } from '../support/core';
import type { Input } from '../../../src/shared/contract';
import type { HallService } from '../../../src/shared/contract/hall';
import type { PdfRenderer } from '../../../src/main/core/reports/model';
import { idCheckChar } from '../../../src/shared/values/id-number';

// A counter on a real Linli file: a catalogue of three services (one archived), a resident of the registry,
// and the roles the tickets tests act as. The hall's day is set by moving the test clock (setToday).

export interface TicketsHall {
  hall: TestHall;
  clerk: string;
  gridWorker: string;
  auditor: string;
  /** 城乡居民养老保险参保登记: 5 working days; 居民身份证, 户口簿, 照片 required; 银行卡 optional. */
  pension: HallService;
  /** 老年人优待证: 即办 (0 days); 居民身份证 and 照片 required. */
  elderCard: HallService;
  /** 计生证明 (archived: a service no longer offered). */
  archived: HallService;
  residentId: string;
  residentIdNumber: string;
}

/** A valid 18-digit number for a birth date (YYYYMMDD) and a sequence. */
export function idFor(birth: string, seq: number, region = '150204'): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

/**
 * Moves the hall's day to `date`, 10:00 in Asia/Shanghai. A jump locks every session, as an idle desk
 * would: the administrator and the clerk sign back in, and so do the `others` named (each unlock checks a
 * password, which is slow, so a test names the roles it will use).
 */
export async function setToday(hall: TestHall, date: string, ...others: string[]): Promise<void> {
  hall.clock.t = Date.parse(`${date}T02:00:00Z`);
  await hall.call('auth.unlock', { password: adminPassword });
  for (const token of [...(clerks.get(hall) ?? []), ...others]) await hall.call('auth.unlock', { password: userPassword }, token);
}

const userPassword = 'user-pass-2026';
const clerks = new WeakMap<TestHall, string[]>();

export const pensionInput: Input<'hall.saveService'> = {
  code: 'SB-01',
  name: '城乡居民养老保险参保登记',
  category: '社会保险',
  department: '街道社保所',
  legalBasis: '《城乡居民基本养老保险经办规程》（人社部发〔2014〕23号）第六条',
  conditions: '年满16周岁、不在校、未参加职工基本养老保险的本地户籍居民',
  timeLimitDays: 5,
  place: '社区服务大厅 1 号窗口',
  contact: '0472-1234501',
  materials: [
    { name: '居民身份证', form: 'original_and_copy', copies: 1, issuer: '公安机关', required: true },
    { name: '户口簿', form: 'original_and_copy', issuer: '公安机关' },
    { name: '近期一寸免冠照片', form: 'original', copies: 2 },
    { name: '本人银行卡（存折）', form: 'copy', required: false },
  ],
};

export async function ticketsHall(opts: { pdf?: PdfRenderer } = {}): Promise<TicketsHall> {
  const hall = await openTestHall({ pdf: opts.pdf });
  const clerk = await addUser(hall, 'chuangkou', ['clerk'], userPassword);
  const gridWorker = await addUser(hall, 'wangge', ['grid_worker'], userPassword);
  const auditor = await addUser(hall, 'shenji', ['auditor'], userPassword);
  clerks.set(hall, [clerk]);
  await setToday(hall, '2026-11-23', gridWorker, auditor);
  const pension = await hall.call('hall.saveService', pensionInput);
  const elderCard = await hall.call('hall.saveService', {
    code: 'LN-01',
    name: '老年人优待证办理',
    department: '社区居委会',
    timeLimitDays: 0,
    materials: [
      { name: '居民身份证', form: 'original' },
      { name: '近期一寸免冠照片', form: 'original', copies: 1 },
    ],
  });
  const old = await hall.call('hall.saveService', { code: 'JS-09', name: '计划生育证明', department: '街道计生办', timeLimitDays: 3 });
  const archived = await hall.call('hall.setServiceArchived', { id: old.id, archived: true });
  const residentIdNumber = idFor('19560312', 21);
  const resident = await hall.call('residents.create', {
    name: '张桂英',
    status: '户籍',
    docType: '居民身份证',
    idNumber: residentIdNumber,
    phone: '13904721234',
    unplacedReason: '测试：暂不登记到户',
  });
  return { hall, clerk, gridWorker, auditor, pension, elderCard, archived, residentId: resident.id, residentIdNumber };
}

/** Every material of the pension service received (the names as the catalogue has them). */
export function allReceived(service: HallService, except: string[] = []) {
  return service.materials.map((m) => ({ name: m.name, received: !except.includes(m.name) }));
}

/** A walk-in's application to the pension service, accepted with everything in. */
export function pensionApplication(f: TicketsHall, over: Partial<Input<'hall.register'>> = {}): Input<'hall.register'> {
  return {
    kind: 'application',
    serviceId: f.pension.id,
    outcome: 'accept',
    applicantName: '李建军',
    applicantIdNumber: idFor('19700101', 13),
    applicantPhone: '13812345678',
    received: allReceived(f.pension),
    ...over,
  };
}

export function eventActions(view: { events: { action: string }[] }): string[] {
  return view.events.map((e) => e.action);
}
