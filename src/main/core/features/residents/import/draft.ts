import type { ImportConstants, ImportField, ImportProblem } from '../../../../../shared/contract/residents/imports';
import { residentInput } from '../../../../../shared/contract/residents/people';
import type { ResidentFields } from '../prepare';
import { columnLetter, isErrorCell, isFormulaCell, type CellValue, type SheetRow } from '../../../spreadsheet/sheet';
import { dateValue, docTypeValue, expiryValue, genderValue, idNumberValue, phoneValue, statusValue, tagNames, textValue, type Converted } from './values';

/** What one row says, read and converted, before the registry is consulted. Empty cells are absent. */
export interface RowDraft {
  row: number;
  given: Partial<ResidentFields>;
  place: { compound: string; building: string; unit: string; room: string } | null;
  grid: string | null;
  householdNumber: string | null;
  relationToHead: string | null;
  tags: string[];
  problems: ImportProblem[];
}

type Columns = Partial<Record<ImportField, number>>;

const textFields = ['name', 'formerNames', 'residenceReason', 'ethnicity', 'education', 'maritalStatus', 'occupation', 'notes'] as const;
const dateFields = ['birthDate', 'registeredOn', 'permitExpiresOn'] as const;
/** The form's length limits, applied to imported text too. */
const lengths = residentInput
  .pick({
    name: true,
    formerNames: true,
    idNumber: true,
    phone: true,
    residenceReason: true,
    ethnicity: true,
    education: true,
    maritalStatus: true,
    occupation: true,
    notes: true,
    relationToHead: true,
  })
  .partial();

/** `constants`: one value for every row, for fields without a column (mapping.ts). */
export function draftRow(sheetRow: SheetRow, columns: Columns, constants: ImportConstants = {}): RowDraft {
  const { row, cells } = sheetRow;
  const problems: ImportProblem[] = [];
  const given: Partial<ResidentFields> = {};

  /** The cell of a mapped field; formulas without a result and error cells become problems here. */
  const cell = (field: ImportField): CellValue => {
    const i = columns[field];
    if (i === undefined) return (constants as Partial<Record<ImportField, string>>)[field] ?? null;
    const v = cells[i] ?? null;
    if (isFormulaCell(v)) {
      problems.push({ row, field, code: 'import.formula', params: { cell: `${columnLetter(i)}${row}` } });
      return null;
    }
    if (isErrorCell(v)) {
      problems.push({ row, field, code: 'import.cell_error', params: { cell: `${columnLetter(i)}${row}`, value: v.error } });
      return null;
    }
    return v;
  };
  const take = <T>(field: ImportField, c: Converted<T>): T | null => {
    if (c.ok) return c.value;
    problems.push({ row, field, code: c.code, params: c.params });
    return null;
  };
  const set = <K extends keyof ResidentFields>(field: K, value: ResidentFields[K] | null) => {
    if (value !== null && value !== undefined) given[field] = value;
  };

  for (const f of textFields) set(f, textValue(cell(f)));
  set('docType', take('docType', docTypeValue(cell('docType'))));
  set('idNumber', take('idNumber', idNumberValue(cell('idNumber'))));
  set('phone', phoneValue(cell('phone')));
  set('gender', take('gender', genderValue(cell('gender'))));
  set('status', take('status', statusValue(cell('status'))));
  for (const f of dateFields) set(f, take(f, dateValue(cell(f))));
  // One column says both: a date (not long-term) or 长期 (long-term, no date); an empty cell neither.
  const expiry = take('idCardExpiresOn', expiryValue(cell('idCardExpiresOn')));
  if (expiry) {
    given.idCardExpiresOn = expiry.on;
    given.idCardLongTerm = expiry.longTerm;
  }

  const compound = textValue(cell('compound')) ?? '';
  const building = textValue(cell('building')) ?? '';
  const unit = textValue(cell('unit')) ?? '';
  const room = textValue(cell('room')) ?? '';
  const relationToHead = textValue(cell('relationToHead'));

  const checked = lengths.safeParse({ ...given, relationToHead: relationToHead ?? undefined });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0]) as ImportField;
      const max = 'maximum' in issue ? Number(issue.maximum) : 0;
      problems.push({ row, field, code: 'import.too_long', params: { max } });
    }
  }

  return {
    row,
    given,
    place: compound || building || unit || room ? { compound, building, unit, room } : null,
    grid: textValue(cell('grid')),
    householdNumber: textValue(cell('householdNumber')),
    relationToHead,
    tags: tagNames(cell('tags')),
    problems,
  };
}
