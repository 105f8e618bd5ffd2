import type { MeetingView, MinutesVersion, RollEntry } from '../../../../../shared/contract/council';
import type { Block, DocumentModel } from '../../../documents/model';
import { chineseDate, chineseNumber, type DocumentFrame } from './frame';
import { bodyKindWords, methodWords, signerWords, thresholdWords } from './words';

function namesWith(roll: RollEntry[], status: RollEntry['status'], withReason: boolean): string {
  const names = roll.filter((r) => r.status === status).map((r) => (withReason && r.reason ? `${r.name}（${r.reason}）` : r.name));
  return names.length ? names.join('、') : '无';
}

/**
 * 出席：… / 请假：… / 列席：…, the label in bold (黑体) and the names after it (GB/T 9704 纪要); a long list
 * wraps under the first name after the colon, not back at the margin.
 */
function attendanceBlock(label: string, names: string): Block {
  return { kind: 'paragraph', indent: true, hanging: label.length + 1, content: [{ text: `${label}：`, bold: true }, names] };
}

/**
 * The minutes (会议纪要) of one version, in the GB/T 9704 纪要 layout: the particulars (DOMAIN.md §6 fields),
 * the usual opening sentence, the agenda, the discussion as drafted, each motion with its tally, the
 * resolutions and action items, the 出席 / 请假 / 列席 blocks and the signatures.
 */
export function minutesDocument(view: MeetingView, frame: DocumentFrame, version?: number): DocumentModel {
  const { meeting, body, quorum } = view;
  const minutes: MinutesVersion | undefined = version ? view.minutes.find((v) => v.version === version) : view.minutes.at(-1);
  const n = { heading: 0 };
  const heading = (text: string): Block => ({ kind: 'heading', level: 1, text: `${chineseNumber(++n.heading)}、${text}` });
  const blocks: Block[] = [
    {
      kind: 'fields',
      columns: 2,
      // Pairs side by side; the two long values take the whole line (a 2-column cell wraps them on A4).
      fields: [
        { label: '时间', value: `${chineseDate(meeting.heldOn)} ${meeting.startTime}`.trim(), wide: true },
        { label: '会议类型', value: bodyKindWords[body.kind] },
        { label: '地点', value: meeting.place },
        { label: '主持人', value: meeting.chairName },
        { label: '记录人', value: meeting.recorderName },
        { label: '应到人数', value: String(quorum.base) },
        { label: '实到人数', value: String(quorum.present) },
        { label: '法定人数', value: `${quorum.needed} 人，${quorum.quorate ? '已达到' : '未达到（不作有效表决）'}`, wide: true },
      ],
    },
    {
      kind: 'paragraph',
      indent: true,
      content: [
        `${chineseDate(meeting.heldOn)}，${meeting.chairName || meeting.convener}在${meeting.place}主持召开${meeting.title}，` +
          `研究${view.agenda.map((a) => a.title).join('、') || '有关事项'}。现将会议情况纪要如下：`,
      ],
    },
  ];
  if (view.agenda.length) {
    blocks.push(heading('会议议题'));
    for (const a of view.agenda) blocks.push({ kind: 'paragraph', indent: true, content: [`${a.seq}. ${a.title}（${a.category}）`] });
  }
  const text = minutes?.text.trim() ?? '';
  if (text) {
    blocks.push(heading('讨论情况'));
    for (const line of text.split(/\n+/)) if (line.trim()) blocks.push({ kind: 'paragraph', indent: true, content: [line.trim()] });
  }
  if (view.motions.length) {
    blocks.push(heading('表决情况'));
    blocks.push({
      kind: 'table',
      columns: [
        { header: '序号', kind: 'integer', width: 3, align: 'center' },
        { header: '动议', width: 14 },
        { header: '表决方式', width: 6 },
        { header: '赞成', kind: 'integer', width: 3 },
        { header: '反对', kind: 'integer', width: 3 },
        { header: '弃权', kind: 'integer', width: 3 },
        { header: '结果', width: 5, align: 'center' },
      ],
      rows: view.motions.map((m) => [
        m.seq,
        m.title,
        methodWords[m.method],
        m.tally?.for ?? null,
        m.tally?.against ?? null,
        m.tally?.abstain ?? null,
        m.passed === null ? '未表决' : m.passed ? '通过' : '未通过',
      ]),
    });
    for (const m of view.motions) {
      const notes: string[] = [];
      if (m.passed !== null) notes.push(`通过标准：${thresholdWords[m.threshold]}（可表决 ${m.eligible} 人）`);
      if (m.recusals.length) notes.push(`回避：${m.recusals.map((r) => `${r.name}（${r.reason}）`).join('、')}`);
      if (m.discussion.trim()) notes.push(`讨论：${m.discussion.trim()}`);
      if (notes.length) blocks.push({ kind: 'paragraph', indent: true, content: [`${m.seq}. ${m.title}：${notes.join('；')}。`] });
    }
  }
  if (view.resolutions.length) {
    blocks.push(heading('决议事项'));
    for (const r of view.resolutions) blocks.push({ kind: 'paragraph', indent: true, content: [{ text: r.number, bold: true }, `　${r.text}`] });
  }
  if (view.actionItems.length) {
    blocks.push(heading('落实事项'));
    blocks.push({
      kind: 'table',
      columns: [
        { header: '事项', width: 14 },
        { header: '责任人', width: 5 },
        { header: '完成时限', width: 7 },
      ],
      rows: view.actionItems.map((a) => [a.title, a.ownerName, chineseDate(a.dueOn)]),
    });
  }
  if (minutes && minutes.version > 1)
    blocks.push({ kind: 'paragraph', indent: true, content: [{ text: '修订说明：', bold: true }, `第${minutes.version}版，${minutes.amendReason}`] });
  blocks.push({ kind: 'spacer', lines: 1 });
  blocks.push(attendanceBlock('出席', namesWith(view.roll, 'present', false)));
  blocks.push(attendanceBlock('请假', namesWith(view.roll, 'leave', true)));
  if (view.roll.some((r) => r.status === 'absent')) blocks.push(attendanceBlock('缺席', namesWith(view.roll, 'absent', true)));
  blocks.push(attendanceBlock('列席', namesWith(view.roll, 'observer', false)));
  const signed = minutes?.signatures ?? [];
  blocks.push({
    kind: 'signatures',
    signers: signed.length
      ? signed.map((s) => ({ role: signerWords[s.role], name: s.name, date: chineseDate(s.signedAt) }))
      : [{ role: '主持人' }, { role: '记录人' }],
  });
  return {
    layout: 'official',
    title: `${meeting.title}纪要`,
    subtitle: minutes && minutes.version > 1 ? `（第${minutes.version}版）` : undefined,
    stamp: minutes?.state === 'signed' ? undefined : '草稿',
    paper: 'A4',
    orientation: 'portrait',
    blocks,
    ...frame,
  };
}
