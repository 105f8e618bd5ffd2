import { afterEach, describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../../src/main/core/documents/model';
import { documentFrame } from '../../../src/main/core/features/council/documents/frame';
import { minutesDocument } from '../../../src/main/core/features/council/documents/minutes';
import { attendanceSheetDocument, ballotDocument, noticeDocument, resultsNoticeDocument } from '../../../src/main/core/features/council/documents/notices';
import { councilHall, holdMeeting, type CouncilFixture } from './fixture';

let f: CouncilFixture;
afterEach(async () => {
  await f?.hall.close();
});

/** Every word the document would print, block by block. */
function words(doc: DocumentModel): string {
  const inline = (c: (string | { text: string })[]) => c.map((x) => (typeof x === 'string' ? x : x.text)).join('');
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
        return b.text;
      case 'paragraph':
        return inline(b.content);
      case 'table':
        return [b.columns.map((c) => c.header).join('|'), ...b.rows.map((r) => r.join('|'))].join('\n');
      case 'fields':
        return b.fields.map((x) => `${x.label}：${x.value}`).join('\n');
      case 'signatures':
        return b.signers.map((s) => `${s.role}：${s.name ?? ''} ${s.date ?? ''}`).join('\n');
      case 'seal':
        return `${b.unitName} ${b.date}`;
      default:
        return '';
    }
  };
  return [doc.title, doc.subtitle ?? '', ...doc.blocks.map(block)].join('\n');
}

async function heldMeeting() {
  f = await councilHall(9);
  return (await holdMeeting(f)).id;
}

describe('council documents', () => {
  it('the minutes: GB/T 9704 纪要 with particulars, tallies, resolutions, 出席/请假/列席 and signatures', async () => {
    const id = await heldMeeting();
    const view = await f.hall.call('council.getMeeting', { id }, f.secretary);
    const doc = minutesDocument(view, await documentFrame(f.hall.core.services.db, f.hall.clock.now()));
    expect(doc).toMatchObject({ layout: 'official', title: '2026年第四季度居民代表会议纪要', paper: 'A4', stamp: undefined });
    expect(doc.letterhead.unitName).toBe('幸福社区居民委员会');
    const text = words(doc);
    expect(text).toContain('应到人数：9');
    expect(text).toContain('实到人数：8');
    expect(text).toContain('法定人数：6 人，已达到');
    expect(text).toContain('2026年11月20日，张建国在社区议事厅主持召开2026年第四季度居民代表会议，研究小区加装电梯资金筹集。');
    expect(text).toContain('一、会议议题');
    expect(text).toContain('代表们就费用分摊进行了讨论。');
    expect(text).toContain('1|同意3栋加装电梯方案|举手表决|5|1|1|通过');
    expect(text).toContain('2|增设非机动车棚|举手表决|4|4|0|未通过');
    expect(text).toContain('回避：李秀英（3栋住户）');
    expect(text).toContain('居议〔2026〕1号　同意3栋加装电梯方案');
    expect(text).toContain('联系电梯厂家报价|王志强|2026年12月10日');
    expect(text).toContain('出席：张建国、李秀英、王志强、刘桂兰、陈明、杨丽、赵伟、黄敏');
    expect(text).toContain('请假：周杰（出差）');
    expect(text).toContain('列席：钱监督');
    expect(text).toContain('主持人：张建国 2026年11月22日');
    expect(text).toContain('记录人：李秀英 2026年11月22日');
    expect(text).not.toMatch(/undefined|null|NaN/);
    // The bold 出席 label, as 黑体 in the standard; wrapped names align after the colon.
    expect(doc.blocks).toContainEqual({
      kind: 'paragraph',
      indent: true,
      hanging: 3,
      content: [{ text: '出席：', bold: true }, '张建国、李秀英、王志强、刘桂兰、陈明、杨丽、赵伟、黄敏'],
    });
  });

  it('an amended version says so; a draft is stamped 草稿 and has blank signature lines', async () => {
    const id = await heldMeeting();
    await f.hall.call('council.amendMinutes', { meetingId: id, text: '补记：费用按楼层分摊。', reason: '补记分摊办法' }, f.secretary);
    const view = await f.hall.call('council.getMeeting', { id }, f.secretary);
    const frame = await documentFrame(f.hall.core.services.db, f.hall.clock.now());
    const v2 = minutesDocument(view, frame);
    expect(v2).toMatchObject({ subtitle: '（第2版）', stamp: '草稿' });
    expect(words(v2)).toContain('修订说明：第2版，补记分摊办法');
    expect(v2.blocks.find((b) => b.kind === 'signatures')).toEqual({ kind: 'signatures', signers: [{ role: '主持人' }, { role: '记录人' }] });
    const v1 = minutesDocument(view, frame, 1);
    expect(words(v1)).toContain('代表们就费用分摊进行了讨论。');
    expect(v1.stamp).toBeUndefined();
  });

  it('the notice, the 签到表, the ballots and the 实施结果公开', async () => {
    const id = await heldMeeting();
    const view = await f.hall.call('council.getMeeting', { id }, f.secretary);
    const frame = await documentFrame(f.hall.core.services.db, f.hall.clock.now());
    const notice = noticeDocument(view, frame);
    expect(notice).toMatchObject({ title: '关于召开2026年第四季度居民代表会议的通知', public: true, layout: 'official' });
    expect(words(notice)).toContain('定于2026年11月20日 14:30在社区议事厅召开2026年第四季度居民代表会议');
    expect(words(notice)).toContain('1. 小区加装电梯资金筹集');
    const sheet = attendanceSheetDocument(view, frame);
    expect(words(sheet)).toContain('9|周杰|代表||请假：出差');
    expect(words(sheet)).toContain('10|钱监督|监督委员（列席）||');
    const ballot = ballotDocument(view, frame);
    expect(ballot.title).toBe('2026年第四季度居民代表会议表决票');
    const item = view.actionItems[0];
    await f.hall.call('council.setActionStatus', { id: item.id, status: 'done', result: '已取得三家报价，均价38万元' }, f.secretary);
    const done = await f.hall.call('council.publishActionResult', { id: item.id }, f.secretary);
    const results = resultsNoticeDocument([done], frame, done.publishedOn!);
    expect(results.public).toBe(true);
    expect(words(results)).toContain('居议〔2026〕1号|联系电梯厂家报价|王志强|2026年11月22日|已取得三家报价，均价38万元');
  });
});
