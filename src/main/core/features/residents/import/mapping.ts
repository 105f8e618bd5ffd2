import { AppError } from '../../../../../shared/errors';
import {
  constantFields,
  importFields,
  type ConstantField,
  type ImportConstants,
  type ImportField,
  type ImportMapping,
} from '../../../../../shared/contract/residents/imports';
import { stripSpaces, toHalfWidth } from '../../../../../shared/values/normalize';

/**
 * The headers people put on resident registers, by field. Matching ignores spaces, full-width forms,
 * case, a "*" marking a required column and a note in brackets ("身份证号（18位）"). The English field
 * names are recognised too (name, idNumber, id_number …).
 */
const knownHeaders: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '居民姓名', '人员姓名', '户成员姓名', '成员姓名'],
  formerNames: ['曾用名'],
  docType: ['证件类型', '证件种类'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '证件号', '身份证', '身份证件号码'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  gender: ['性别'],
  phone: ['联系电话', '手机', '手机号码', '手机号', '电话', '电话号码', '联系方式', '联系手机'],
  // 户籍性质 / 户别 / 人员性质 are what registers head the 户籍 / 居住证 / 流动人口 column with (values.ts reads 本地, 外地 …).
  status: [
    '人员类型',
    '户籍状态',
    '居住类型',
    '人口类型',
    '人员类别',
    '户籍性质',
    '人员性质',
    '户别',
    '户口性质',
    '户籍类别',
    '人口类别',
    '人口性质',
    '人员属性',
  ],
  residenceReason: ['居住事由', '暂住事由'],
  registeredOn: ['登记日期', '登记时间'],
  permitExpiresOn: ['居住证到期', '居住证到期日期', '居住证有效期', '签注日期', '居住证签注日期'],
  idCardExpiresOn: ['身份证有效期', '身份证有效期限', '证件有效期', '身份证到期日期'],
  ethnicity: ['民族'],
  education: ['文化程度', '学历'],
  maritalStatus: ['婚姻状况', '婚姻状态'],
  occupation: ['职业'],
  notes: ['备注', '说明'],
  compound: ['小区', '小区名称', '所在小区', '居住小区', '小区名', '院落', '小区（院落）'],
  building: ['楼栋', '楼号', '幢', '栋', '楼栋号', '幢号', '楼幢', '楼幢号', '栋号'],
  unit: ['单元', '单元号'],
  room: ['房号', '门牌号', '室', '房间号', '户室号', '房间', '室号', '房屋号'],
  householdNumber: ['户号', '户编号', '户口簿编号', '户籍编号'],
  relationToHead: ['与户主关系', '与户主的关系', '家庭关系', '与户主关系（称谓）'],
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
  const wanted = new Set(
    Object.values(explicit ?? {})
      .filter(Boolean)
      .map(normaliseHeader),
  );
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
  /** One value for every row, for fields without a column (a constant given for a field the file has wins over the column). */
  constants: ImportConstants;
}

/**
 * A field that may be given one value for every row, named by its key (compound) or as a header would
 * name it (小区, 人员类别, 户籍性质): what `--set 小区=泰和小区` says. Undefined for any other field.
 */
export function constantField(name: string): ConstantField | undefined {
  const field = fieldForHeader(name);
  return field && (constantFields as readonly string[]).includes(field) ? (field as ConstantField) : undefined;
}

/** Non-empty constants of the known fields only. */
export function cleanConstants(raw: ImportConstants | undefined): ImportConstants {
  const out: ImportConstants = {};
  for (const [field, value] of Object.entries(raw ?? {}) as [ConstantField, string | undefined][]) {
    if ((constantFields as readonly string[]).includes(field) && value?.trim()) out[field] = value.trim();
  }
  return out;
}

/**
 * Without a mapping, the recognised headers decide. A mapping that is passed (the screen's, a saved one,
 * `--mapping`) is the whole mapping: a field it leaves out is not imported, as the screen shows it. A
 * header it names that the file lacks is refused, and so is a file without a name column: nothing is
 * imported silently wrong.
 */
export function resolveMapping(headers: string[], explicit: ImportMapping | undefined, given?: ImportConstants): ResolvedMapping {
  const constants = cleanConstants(given);
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
  if (columns.name === undefined)
    throw new AppError('import.no_name_column', 'No column holds the name', { params: { headers: headers.filter(Boolean).join('、') } });
  for (const field of Object.keys(constants) as ConstantField[]) {
    const i = columns[field];
    if (i === undefined) continue;
    delete columns[field];
    taken.delete(i);
  }
  const mapping: ImportMapping = {};
  for (const field of importFields) if (columns[field] !== undefined) mapping[field] = headers[columns[field]!];
  const unmappedHeaders = headers.filter((h, i) => h && !taken.has(i));
  return { mapping, columns, unmappedHeaders, constants };
}
