import type { HallService, Ticket } from '../../../../shared/contract/hall';
import type { Block, DocumentModel } from '../../documents/model';
import type { ReportLetterhead } from '../../reports/model';
import { chineseDate, formWords, listWords, timeLimitWords } from './tickets-words';

type Frame = { letterhead: ReportLetterhead; generatedAt: string };

function frame(title: string, ticket: Ticket, f: Frame, blocks: Block[]): DocumentModel {
  return {
    layout: 'official',
    title,
    subtitle: `编号：${ticket.number}`,
    paper: 'A4',
    letterhead: f.letterhead,
    blocks,
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: f.generatedAt,
  };
}

function contactFields(ticket: Ticket, letterhead: ReportLetterhead): Block {
  return {
    kind: 'fields',
    columns: 1,
    fields: [
      { label: '首问责任人', value: `${ticket.firstOfficerName}${letterhead.servicePhone ? `（电话 ${letterhead.servicePhone}）` : ''}` },
      { label: '监督投诉电话', value: letterhead.complaintPhone || '—' },
    ],
  };
}

/**
 * 一次性告知书 (行政许可法 第32条; 一次性告知制度): everything the service needs, as its 办事指南 publishes it
 * (basis, conditions, every material with form, copies and issuer, time limit, fee, place, contact), and
 * exactly what this application lacks, so the applicant comes back once. The catalogue entry is read as it
 * is now, since the notice must match the guide the hall publishes.
 */
export function oneTimeNoticeDocument(input: {
  ticket: Ticket;
  registeredOn: string;
  timeLimitDays: number | null;
  service: HallService | null;
  f: Frame;
}): DocumentModel {
  const { ticket, service, f } = input;
  const issuerOf = new Map((service?.materials ?? []).map((m) => [m.name, m.issuer]));
  const missing = new Set(ticket.missingItems);
  const orNone = (text: string | undefined) => (text ?? '').trim() || '无';
  const blocks: Block[] = [
    { kind: 'paragraph', indent: false, content: [`${ticket.applicantName}：`] },
    {
      kind: 'paragraph',
      content: [
        `你于${chineseDate(input.registeredOn)}申请办理“${ticket.serviceName}”事项。经审查，申请材料不齐全，暂不予受理。根据《中华人民共和国行政许可法》第三十二条的规定，现将需要补正的全部内容一次性告知如下。`,
      ],
    },
    { kind: 'heading', level: 1, text: '一、需要补正的材料' },
    {
      kind: 'table',
      columns: [
        // Widths in shares of the type area: 原件及复印件 and 缺，需补正 each fit one line in the table's type size.
        { header: '序号', kind: 'integer', width: 8, align: 'center' },
        { header: '材料名称', width: 36 },
        { header: '原件/复印件', width: 22, align: 'center' },
        { header: '份数', kind: 'integer', width: 8, align: 'center' },
        { header: '出具单位', width: 26 },
      ],
      rows: ticket.materials
        .filter((m) => missing.has(m.name))
        .map((m, i) => [i + 1, m.name, formWords[m.form], m.copies, issuerOf.get(m.name) || '申请人自备']),
    },
    { kind: 'heading', level: 1, text: '二、办事指南' },
    {
      kind: 'fields',
      columns: 1,
      fields: [
        { label: '设定依据', value: orNone(service?.legalBasis) },
        { label: '受理条件', value: orNone(service?.conditions) },
        {
          label: '办理时限',
          value: input.timeLimitDays ? `${timeLimitWords(input.timeLimitDays)}，自材料齐全受理之日的次日起计算` : '即办：材料齐全、符合条件的，当场办结',
        },
        { label: '收费标准', value: orNone(service?.fee) },
        { label: '办理地点', value: orNone([f.letterhead.address, service?.place].filter(Boolean).join(' ')) },
        { label: '咨询电话', value: orNone(service?.contact || f.letterhead.servicePhone) },
        { label: '承办部门', value: ticket.department },
      ],
    },
    { kind: 'heading', level: 1, text: '三、全部申请材料及本次收件情况' },
    {
      kind: 'table',
      columns: [
        { header: '序号', kind: 'integer', width: 8, align: 'center' },
        { header: '材料名称', width: 27 },
        { header: '原件/复印件', width: 21, align: 'center' },
        { header: '份数', kind: 'integer', width: 8, align: 'center' },
        { header: '出具单位', width: 18 },
        { header: '本次收件', width: 18, align: 'center' },
      ],
      rows: ticket.materials.map((m, i) => [
        i + 1,
        m.name,
        formWords[m.form],
        m.copies,
        issuerOf.get(m.name) || '申请人自备',
        m.received ? '已收' : missing.has(m.name) ? '缺，需补正' : '可不提交',
      ]),
    },
    {
      kind: 'paragraph',
      content: [`请补齐上述第一项所列材料（${listWords(ticket.missingItems)}）后，凭本告知书到服务窗口办理。材料齐全之日即予受理，办理时限自次日起计算。`],
    },
    contactFields(ticket, f.letterhead),
    { kind: 'seal', unitName: f.letterhead.unitName, date: chineseDate(input.registeredOn) },
  ];
  return frame('一次性告知书', ticket, f, blocks);
}

/**
 * 不予受理告知书: the written refusal 行政许可法 第32条 asks for, with the reason and the applicant's remedies
 * (复议、诉讼), sealed and dated the day of the decision.
 */
export function refusalNoticeDocument(input: { ticket: Ticket; registeredOn: string; refusedOn: string; f: Frame }): DocumentModel {
  const { ticket, f } = input;
  const matter = ticket.serviceName || ticket.summary.slice(0, 40);
  const decision = ticket.acceptedOn
    ? `你于${chineseDate(input.registeredOn)}申请办理的“${matter}”事项（${chineseDate(ticket.acceptedOn)}受理），经审查，决定不予办理。`
    : `你于${chineseDate(input.registeredOn)}申请办理的“${matter}”事项，经审查，决定不予受理。`;
  const blocks: Block[] = [
    { kind: 'paragraph', indent: false, content: [`${ticket.applicantName}：`] },
    { kind: 'paragraph', content: [decision] },
    { kind: 'heading', level: 1, text: '一、理由' },
    { kind: 'paragraph', content: [ticket.refusedReason] },
    { kind: 'heading', level: 1, text: '二、申请人依法享有的权利' },
    { kind: 'paragraph', content: [ticket.remedies] },
    contactFields(ticket, f.letterhead),
    { kind: 'seal', unitName: f.letterhead.unitName, date: chineseDate(input.refusedOn) },
  ];
  return frame('不予受理告知书', ticket, f, blocks);
}
