import { AppError } from '../../../../../shared/errors';
import { importFields, type ImportField, type ImportMapping } from '../../../../../shared/contract/residents/imports';
import { stripSpaces, toHalfWidth } from '../../../../../shared/values/normalize';

/**
 * The headers people put on resident registers, by field. Matching ignores spaces, full-width forms,
 * case, a "*" marking a required column and a note in brackets ("身份证号（18位）"). The English field
 * names are recognised too (name, idNumber, id_number …).
 */
const knownHeaders: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '居民姓名', '人员姓名'],
  formerNames: ['曾用名'],
  docType: ['证件类型', '证件种类'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '证件号', '身份证', '身份证件号码'],
  birthDate: ['出生日期', '出生年月日', '生日'],
  gender: ['性别'],
  phone: ['联系电话', '手机', '手机号码', '手机号', '电话', '电话号码', '联系方式'],
  status: ['人员类型', '户籍状态', '居住类型', '人口类型', '人员类别'],
  residenceReason: ['居住事由', '暂住事由'],
  registeredOn: ['登记日期', '登记时间'],
  permitExpiresOn: ['居住证到期', '居住证到期日期', '居住证有效期', '签注日期', '居住证签注日期'],
  idCardExpiresOn: ['身份证有效期', '身份证有效期限', '证件有效期', '身份证到期日期'],
  ethnicity: ['民族'],
  education: ['文化程度', '学历'],
  maritalStatus: ['婚姻状况', '婚姻状态'],
  occupation: ['职业'],
  notes: ['备注', '说明'],
  compound: ['小区', '小区名称', '所在小区'],
  building: ['楼栋', '楼号', '幢', '栋', '楼栋号', '幢号'],
  unit: ['单元', '单元号'],
  room: ['房号', '门牌号', '室', '房间号', '户室号'],
  householdNumber: ['户号', '户编号'],
  relationToHead: ['与户主关系', '与户主的关系'],
  tags: ['标签', '人员标签'],
  grid: ['网格', '所属网格', '网格名称'],
};

export function normaliseHeader(text: string): string {
  return stripSpaces(toHalfWidth(text))
    .replace(/\((.*?)\)$|（(.*?)）$/u, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[_-]/g, '')
    .toLowerCase();
}

const lookup = new Map<string, ImportField>();
for (const field of importFields) {
  lookup.set(normaliseHeader(field), field);
  for (const h of knownHeaders[field]) lookup.set(normaliseHeader(h), field);
}

export function fieldForHeader(header: string): ImportField | undefined {
  return lookup.get(normaliseHeader(header));
}

/** Is this row of texts a header row: does it name at least two known columns (or the given mapping's)? */
export function headerTest(explicit: ImportMapping | undefined): (texts: string[]) => boolean {
  const wanted = new Set(Object.values(explicit ?? {}).filter(Boolean).map(normaliseHeader));
  return (texts) => {
    let known = 0;
    let mapped = 0;
    for (const t of texts) {
      if (!t) continue;
      const n = normaliseHeader(t);
      if (lookup.has(n)) known++;
      if (wanted.has(n)) mapped++;
    }
    return known >= 2 || (wanted.size > 0 && mapped >= Math.min(2, wanted.size));
  };
}

/** Checks a mapping that came from outside (the screen, a saved mapping, --mapping): known fields only. */
export function parseMapping(raw: Record<string, string> | undefined): ImportMapping | undefined {
  if (!raw) return undefined;
  const out: ImportMapping = {};
  const fields: Record<string, string> = {};
  for (const [key, header] of Object.entries(raw)) {
    if (!(importFields as readonly string[]).includes(key)) fields[`mapping.${key}`] = 'import.unknown_field';
    else out[key as ImportField] = String(header ?? '').trim();
  }
  if (Object.keys(fields).length) throw new AppError('contract.invalid_input', 'The mapping names unknown fields', { fields });
  return out;
}

export interface ResolvedMapping {
  mapping: ImportMapping;
  /** field → column index (0-based). */
  columns: Partial<Record<ImportField, number>>;
  unmappedHeaders: string[];
}

/**
 * Without a mapping, the recognised headers decide. A mapping that is passed (the screen's, a saved one,
 * `--mapping`) is the whole mapping: a field it leaves out is not imported, as the screen shows it. A
 * header it names that the file lacks is refused, and so is a file without a name column: nothing is
 * imported silently wrong.
 */
export function resolveMapping(headers: string[], explicit: ImportMapping | undefined): ResolvedMapping {
  const columns: Partial<Record<ImportField, number>> = {};
  const taken = new Set<number>();
  const byHeader = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n && !byHeader.has(n)) byHeader.set(n, i);
  });
  if (explicit && Object.values(explicit).some(Boolean)) {
    for (const [field, header] of Object.entries(explicit) as [ImportField, string][]) {
      if (!header) continue;
      const i = byHeader.get(normaliseHeader(header));
      if (i === undefined) throw new AppError('import.mapping_header_missing', `No column ${header} for ${field}`, { params: { field, header } });
      columns[field] = i;
      taken.add(i);
    }
  } else {
    headers.forEach((h, i) => {
      const field = h ? fieldForHeader(h) : undefined;
      if (!field || columns[field] !== undefined) return;
      columns[field] = i;
      taken.add(i);
    });
  }
  if (columns.name === undefined) throw new AppError('import.no_name_column', 'No column holds the name', { params: { headers: headers.filter(Boolean).join('、') } });
  const mapping: ImportMapping = {};
  for (const field of importFields) if (columns[field] !== undefined) mapping[field] = headers[columns[field]!];
  const unmappedHeaders = headers.filter((h, i) => h && !taken.has(i));
  return { mapping, columns, unmappedHeaders };
}
