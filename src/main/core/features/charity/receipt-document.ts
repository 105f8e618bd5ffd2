import type { DocumentModel } from '../../documents/model';
import type { ReportLetterhead } from '../../reports/model';
import { fenToChineseUppercase } from '../../../../shared/values/money-words';
import { formatFen } from '../../../../shared/values/money';
import type { Donation, Receipt } from '../../../../shared/contract/charity/donations';

/**
 * A donation receipt (收据) as a document: the amount in figures and in uppercase (DOMAIN.md §2), the donor,
 * the kind and quantity of what was given, the date, the handling person, the organisation and where its
 * seal goes (慈善法 第38条). A reprint is stamped 复印件 and a voided receipt 作废. The official
 * 公益事业捐赠统一票据 comes from the host charity; the receipt says so and names its number once recorded.
 */
export function receiptDocument(input: {
  receipt: Receipt;
  donation: Donation;
  fundName: string;
  letterhead: ReportLetterhead;
  copy: boolean;
  generatedAt: string;
}): DocumentModel {
  const { receipt, donation, letterhead } = input;
  const items =
    donation.kind === 'goods'
      ? donation.items.map((i) => `${i.item} ${i.quantity}${i.unit}（单价${formatFen(i.unitValueFen)}，${i.valuationBasis}）`).join('；')
      : `现金捐赠（${donation.method}）`;
  return {
    layout: 'form',
    title: '捐赠收据',
    subtitle: `No. ${receipt.receiptNo}`,
    stamp: receipt.voided ? '作废' : input.copy ? '复印件' : undefined,
    paper: 'A4',
    letterhead,
    blocks: [
      {
        kind: 'fields',
        columns: 2,
        fields: [
          { label: '捐赠人', value: receipt.donorName },
          { label: '收据日期', value: receipt.issuedOn },
          { label: '捐赠财产种类及数量', value: items, wide: true },
          { label: '定向用途', value: input.fundName, wide: true },
          { label: '金额（小写）', value: formatFen(receipt.amountFen) },
          { label: '金额（大写）', value: fenToChineseUppercase(receipt.amountFen, { prefix: true }) },
          { label: '经办人', value: receipt.issuedByName },
          { label: '收款单位', value: letterhead.unitName },
          ...(receipt.officialNo ? [{ label: '公益事业捐赠统一票据号', value: receipt.officialNo, wide: true }] : []),
          ...(receipt.voided ? [{ label: '作废原因', value: receipt.voidReason ?? '', wide: true }] : []),
        ],
      },
      {
        kind: 'paragraph',
        content: ['本收据为社区慈善基金的收款凭证。依法可用于税前扣除的《公益事业捐赠统一票据》由托管慈善组织开具。'],
      },
      { kind: 'seal', unitName: letterhead.unitName, date: receipt.issuedOn },
    ],
    labels: { page: '第 {n} 页', of: '共 {n} 页' },
    generatedAt: input.generatedAt,
  };
}
