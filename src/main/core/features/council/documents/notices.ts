import type { ActionItem, MeetingView } from '../../../../../shared/contract/council';
import type { Block, DocumentModel } from '../../../documents/model';
import { chineseDate, chineseNumber, type DocumentFrame } from './frame';
import { methodWords } from './words';

/** 会议通知: posted in advance with the 议题 (Shanghai 条例 第11条). Public: no ID numbers, phones or addresses. */
export function noticeDocument(view: MeetingView, frame: DocumentFrame): DocumentModel {
  const { meeting, body } = view;
  const blocks: Block[] = [
    // 主送: the addressee line starts at the margin.
    { kind: 'paragraph', indent: false, content: [`${body.name}各位成员：`] },
    {
      kind: 'paragraph',
      indent: true,
      content: [
        `定于${chineseDate(meeting.heldOn)}${meeting.startTime ? ` ${meeting.startTime}` : ''}在${meeting.place}召开${meeting.title}，现将有关事项通知如下：`,
      ],
    },
    { kind: 'heading', level: 1, text: '一、会议议题' },
    ...view.agenda.map((a): Block => ({ kind: 'paragraph', indent: true, content: [`${a.seq}. ${a.title}`] })),
    { kind: 'heading', level: 1, text: '二、有关要求' },
    { kind: 'paragraph', indent: true, content: ['请准时参会；因故不能参加的，请提前向社区居委会请假。'] },
  ];
  if (meeting.request) {
    blocks.push({
      kind: 'paragraph',
      indent: true,
      content: [`本次会议应 ${meeting.request.count} 名居民提议召开（占 ${meeting.request.base} 人的五分之一以上）。${meeting.request.note}`],
    });
  }
  blocks.push({ kind: 'seal', unitName: frame.letterhead.unitName, date: chineseDate(meeting.notifiedOn ?? frame.generatedAt) });
  return { layout: 'official', title: `关于召开${meeting.title}的通知`, paper: 'A4', public: true, blocks, ...frame };
}

/** 签到表: the roll as a sheet to sign at the door (an attachment of the minutes). */
export function attendanceSheetDocument(view: MeetingView, frame: DocumentFrame): DocumentModel {
  const { meeting, body } = view;
  const roll = view.roll.length ? view.roll : [];
  return {
    layout: 'form',
    title: `${meeting.title}签到表`,
    paper: 'A4',
    blocks: [
      {
        kind: 'fields',
        columns: 2,
        fields: [
          { label: '会议', value: body.name },
          { label: '时间', value: `${chineseDate(meeting.heldOn)} ${meeting.startTime}`.trim() },
          { label: '地点', value: meeting.place },
          { label: '应到人数', value: String(view.quorum.base) },
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: '序号', kind: 'integer', width: 3, align: 'center' },
          { header: '姓名', width: 6 },
          { header: '职务/身份', width: 6 },
          // Room to sign by hand.
          { header: '签名', width: 10 },
          { header: '备注', width: 6 },
        ],
        rowHeightMm: 12,
        rows: roll.map((r, i) => [
          i + 1,
          r.name,
          r.status === 'observer' ? `${r.role || ''}（列席）` : r.role,
          '',
          r.status === 'leave' || r.status === 'absent' ? `${r.status === 'leave' ? '请假' : '缺席'}${r.reason ? `：${r.reason}` : ''}` : '',
        ]),
      },
    ],
    ...frame,
  };
}

/** 表决票: one paper ballot per secret-ballot motion, to mark √ under one choice. */
export function ballotDocument(view: MeetingView, frame: DocumentFrame): DocumentModel {
  const secret = view.motions.filter((m) => m.method === 'secret');
  const blocks: Block[] = [{ kind: 'paragraph', content: [`${view.meeting.title}（${chineseDate(view.meeting.heldOn)}）`], align: 'center' }];
  secret.forEach((m, i) => {
    if (i > 0) blocks.push({ kind: 'spacer', lines: 1 });
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${m.title}` });
    blocks.push({
      kind: 'table',
      columns: [
        { header: '赞成', align: 'center' },
        { header: '反对', align: 'center' },
        { header: '弃权', align: 'center' },
      ],
      rows: [['', '', '']],
    });
  });
  blocks.push({ kind: 'paragraph', content: [`说明：${methodWords.secret}，请在同意的意见下划“√”，每项只能选一项，多选或不选视为弃权。`] });
  return { layout: 'form', title: `${view.meeting.title}表决票`, paper: 'A4', blocks, ...frame };
}

/** 实施结果公开: what the meetings decided and how it was carried out (Shanghai 条例 第17条). */
export function resultsNoticeDocument(items: ActionItem[], frame: DocumentFrame, publishedOn: string): DocumentModel {
  return {
    layout: 'official',
    title: '居民议事决议实施结果公开',
    paper: 'A4',
    public: true,
    blocks: [
      { kind: 'paragraph', indent: true, content: ['根据居务公开的有关规定，现将居民议事决议事项的实施结果公布如下，欢迎居民监督：'] },
      {
        kind: 'table',
        columns: [
          { header: '决议', width: 7 },
          { header: '事项', width: 12 },
          { header: '责任人', width: 4 },
          { header: '完成日期', width: 7 },
          { header: '实施结果', width: 12 },
        ],
        rows: items.map((a) => [a.resolutionNumber ?? a.meetingTitle, a.title, a.ownerName, chineseDate(a.doneOn), a.result]),
      },
      { kind: 'seal', unitName: frame.letterhead.unitName, date: chineseDate(publishedOn) },
    ],
    ...frame,
  };
}
