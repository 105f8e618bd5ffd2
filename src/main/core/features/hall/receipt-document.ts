import type { Ticket } from '../../../../shared/contract/hall';
import type { Block, DocumentModel } from '../../documents/model';
import type { ReportLetterhead } from '../../reports/model';
import { chineseDate, formWords, kindWords, listWords, timeLimitWords } from './tickets-words';

/**
 * 受理回执 (安阳市政务服务条例 第36条: a 受理凭证 for what is not done on the spot), with what DOMAIN.md §9's
 * receipt template and 首问负责制 ask for: the number, the matter, the applicant (ID and phone masked),
 * the materials received, the acceptance date and the promised date in working days, how to ask about
 * progress, the 首问责任人 and their phone, the complaint line, 容缺 items with their date, the seal. The QR
 * code holds the ticket number: scanned at the counter, it opens the ticket in the tickets search.
 */
export function receiptDocument(input: { ticket: Ticket; letterhead: ReportLetterhead; timeLimitDays: number | null; generatedAt: string }): DocumentModel {
  const { ticket, letterhead } = input;
  const servicePhone = letterhead.servicePhone ?? '';
  const matter = ticket.serviceName || `${kindWords[ticket.kind]}：${ticket.summary.slice(0, 40)}`;
  const applicant = ticket.applicantIdMasked ? `${ticket.applicantName}（证件号码 ${ticket.applicantIdMasked}）` : ticket.applicantName;
  const promised =
    input.timeLimitDays === 0 ? `${chineseDate(ticket.dueOn)}（即办）` : `${chineseDate(ticket.dueOn)}（${timeLimitWords(input.timeLimitDays)}）`;
  const received = ticket.materials.filter((m) => m.received);

  const blocks: Block[] = [
    {
      kind: 'fields',
      columns: 2,
      fields: [
        { label: '回执编号', value: ticket.number },
        { label: '受理日期', value: chineseDate(ticket.acceptedOn) },
        { label: '事项名称', value: matter, wide: true },
        { label: '申请人', value: applicant, wide: true },
        { label: '联系电话', value: ticket.applicantPhoneMasked || '未留' },
        { label: '承办部门', value: ticket.transferredTo || ticket.department || letterhead.unitName },
        { label: '承诺办结日期', value: promised, wide: true },
        { label: '受理人（首问责任人）', value: ticket.firstOfficerName },
        { label: '首问责任人电话', value: servicePhone || '—' },
        { label: '承办人', value: ticket.handlerName },
        { label: '监督投诉电话', value: letterhead.complaintPhone || '—' },
        {
          label: '办理进度查询方式',
          value: servicePhone ? `凭本回执编号到服务窗口查询，或拨打 ${servicePhone} 查询` : '凭本回执编号到服务窗口查询',
          wide: true,
        },
      ],
    },
  ];
  if (ticket.kind === 'application')
    blocks.push(
      received.length
        ? {
            kind: 'table',
            caption: '收件材料清单',
            columns: [
              { header: '序号', kind: 'integer', width: 8, align: 'center' },
              { header: '材料名称', width: 44 },
              { header: '原件/复印件', width: 18, align: 'center' },
              { header: '份数', kind: 'integer', width: 10, align: 'center' },
            ],
            rows: received.map((m, i) => [i + 1, m.name, formWords[m.form], m.copies]),
          }
        : { kind: 'paragraph', content: ['收件材料清单：无'] },
    );
  if (ticket.deficientItems.length)
    blocks.push({
      kind: 'paragraph',
      content: [
        { text: '容缺材料及补正期限：', bold: true },
        `${listWords(ticket.deficientItems)}，请于${chineseDate(ticket.supplementBy)}前补交（申请人已签署承诺书）${ticket.supplementedOn ? `；已于${chineseDate(ticket.supplementedOn)}补齐` : ''}。`,
      ],
    });
  blocks.push(
    {
      kind: 'paragraph',
      content: ['本回执为受理凭证，请妥善保管。承诺办结日期按工作日计算，法定节假日不计入，调休上班日计入。办结后欢迎对本次服务作出评价（好差评）。'],
    },
    { kind: 'qr', data: ticket.number, caption: `回执编号 ${ticket.number}（窗口扫码查询办理进度）` },
    { kind: 'seal', unitName: letterhead.unitName, date: chineseDate(ticket.acceptedOn) },
  );

  return {
    layout: 'form',
    title: '受理回执',
    serial: ticket.number,
    paper: 'A4',
    letterhead,
    blocks,
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: input.generatedAt,
  };
}
