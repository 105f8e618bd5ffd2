/**
 * A last check on every public output (公示: PDF text, XLSX cells, CSV, HTML): no ID number, mobile phone,
 * bank card or street address may appear (慈善法 第82条, DOMAIN.md §4). Hex digests are skipped: a
 * chain hash may hold a run of digits by chance.
 */
const patterns: { kind: 'id_number' | 'phone' | 'bank_account' | 'address'; re: RegExp }[] = [
  { kind: 'id_number', re: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g },
  { kind: 'phone', re: /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g },
  { kind: 'bank_account', re: /(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g },
  { kind: 'address', re: /\d+\s*(?:号楼|栋|幢)\s*\d*\s*(?:单元)?\s*\d+\s*(?:室|号)|[\u4e00-\u9fff]{1,10}(?:路|街|巷)\d+号/g },
];

export interface PublicFinding {
  kind: (typeof patterns)[number]['kind'];
  text: string;
}

export function scanPublicText(text: string): PublicFinding[] {
  const found: PublicFinding[] = [];
  for (const { kind, re } of patterns) for (const m of text.matchAll(re)) found.push({ kind, text: m[0] });
  return found;
}
