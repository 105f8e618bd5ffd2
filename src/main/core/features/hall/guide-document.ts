import type { HallService, MaterialForm } from '../../../../shared/contract/hall';
import type { Block, DocumentModel } from '../../documents/model';
import type { ReportLetterhead } from '../../reports/model';

const formWords: Record<MaterialForm, string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };

/** 0 → 即办; n → n 个工作日 (the counter's promise, counted as the receipt counts it). */
export function timeLimitWords(days: number): string {
  return days === 0 ? '即办' : `${days}个工作日`;
}

/** 2026-11-20 → 2026年11月20日. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A service's 办事指南 as the hall posts it and hands it out: what DOMAIN §9's 一次性告知 must tell (legal
 * basis, conditions, every material with its form, copies and issuer, the time limit, fees, place and
 * contact) plus the department that decides and the complaint line. The one-time notice a clerk prints must match it, so both read the same
 * catalogue entry. Items left empty in the catalogue are printed as 无 rather than dropped, so a reader sees
 * the guide is complete rather than cut short.
 */
export function serviceGuideDocument(input: {
  service: HallService;
  letterhead: ReportLetterhead;
  /** The day the catalogue entry last changed (in the hall's time zone): the guide's version, printed under the unit. */
  updatedOn: string;
  generatedAt: string;
}): DocumentModel {
  const { service, letterhead } = input;
  const orNone = (text: string) => text.trim() || '无';
  const limit =
    service.timeLimitDays === 0
      ? '即办。材料齐全、符合条件的，当场办结。'
      : `${service.timeLimitDays}个工作日。自受理之日的次日起计算，法定节假日不计入，调休上班日计入；期限最后一日为节假日的，顺延至节假日后的第一个工作日。`;

  const blocks: Block[] = [
    {
      kind: 'fields',
      columns: 2,
      fields: [
        { label: '事项名称', value: service.name, wide: true },
        { label: '事项类别', value: orNone(service.category) },
        { label: '承办部门', value: service.department },
        { label: '办理时限', value: timeLimitWords(service.timeLimitDays) },
      ],
    },
    { kind: 'heading', level: 1, text: '一、设定依据' },
    { kind: 'paragraph', indent: true, content: [orNone(service.legalBasis)] },
    { kind: 'heading', level: 1, text: '二、受理条件' },
    { kind: 'paragraph', indent: true, content: [orNone(service.conditions)] },
    { kind: 'heading', level: 1, text: '三、申请材料' },
  ];
  if (service.materials.length === 0) blocks.push({ kind: 'paragraph', indent: true, content: ['无需提交材料。'] });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        // Shares in characters of the official page's 12 pt table type: 原件及复印件 and 二级以上医院 fit on one line.
        { header: '序号', kind: 'integer', width: 3, align: 'center' },
        { header: '材料名称', width: 11 },
        { header: '原件/复印件', width: 7.2, align: 'center' },
        { header: '份数', kind: 'integer', width: 3, align: 'center' },
        { header: '出具单位', width: 7 },
        { header: '是否必需', width: 6, align: 'center' },
      ],
      rows: service.materials.map((m, i) => [i + 1, m.name, formWords[m.form], m.copies, m.issuer || '申请人自备', m.required ? '必需' : '非必需']),
    });
    // 容缺受理 is for a required item briefly missing (the counter asks the pledge and a date); an item marked
    // 非必需 is brought where it applies and never holds an application up.
    blocks.push({
      kind: 'paragraph',
      indent: true,
      content: ['必需材料个别暂缺的，申请人签署容缺承诺书并在约定期限内补交，窗口可先予受理（容缺受理）；非必需材料视申请人情况提交。'],
    });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: '四、办理流程' },
    {
      kind: 'paragraph',
      indent: true,
      content: [
        service.timeLimitDays === 0
          ? '申请人到窗口提交材料，窗口人员当场审核；材料齐全、符合条件的，当场办结。材料不齐全的，窗口一次性告知需要补正的全部内容。'
          : `申请人到窗口提交材料，窗口人员当场审核：材料齐全的予以受理并出具受理回执，由${service.department}审核办理；材料不齐全的，一次性告知需要补正的全部内容；不予受理的，书面说明理由及申请人依法享有的权利。`,
      ],
    },
    { kind: 'heading', level: 1, text: '五、办理时限' },
    { kind: 'paragraph', indent: true, content: [limit] },
    { kind: 'heading', level: 1, text: '六、收费标准' },
    { kind: 'paragraph', indent: true, content: [orNone(service.fee)] },
    { kind: 'heading', level: 1, text: '七、办理地点及联系方式' },
    {
      kind: 'fields',
      columns: 1,
      fields: [
        { label: '办理地点', value: orNone([letterhead.address, service.place].filter(Boolean).join(' ')) },
        { label: '咨询电话', value: orNone(service.contact || letterhead.servicePhone || '') },
        { label: '监督投诉电话', value: orNone(letterhead.complaintPhone ?? '') },
      ],
    },
    { kind: 'spacer', lines: 1 },
    { kind: 'paragraph', align: 'right', content: [letterhead.unitName] },
    { kind: 'paragraph', align: 'right', content: [`${chineseDate(input.updatedOn)}更新`] },
  );

  return {
    layout: 'official',
    title: `${service.name}办事指南`,
    subtitle: `事项编码：${service.code}`,
    stamp: service.archived ? '已停办' : undefined,
    paper: 'A4',
    letterhead,
    blocks,
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: input.generatedAt,
  };
}
