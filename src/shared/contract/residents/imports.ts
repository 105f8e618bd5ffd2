import { z } from 'zod';
import { method, returns } from '../define';
import { id } from './common';
import type { JobStarted } from '../reports';

/** The resident fields an import column can map to. */
export const importFields = [
  'name',
  'formerNames',
  'docType',
  'idNumber',
  'birthDate',
  'gender',
  'phone',
  'status',
  'residenceReason',
  'registeredOn',
  'permitExpiresOn',
  'idCardExpiresOn',
  'ethnicity',
  'education',
  'maritalStatus',
  'occupation',
  'notes',
  'compound',
  'building',
  'unit',
  'room',
  'householdNumber',
  'relationToHead',
  'tags',
  'grid',
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportMapping = Partial<Record<ImportField, string>>;

/**
 * The fields a column the file lacks can be given one value for every row (小区 = 泰和小区; 人员类别 = 户籍).
 * A person's own fields (name, ID, phone, birth date, room, 户号) never: one value for all would be wrong.
 */
export const constantFields = [
  'status',
  'docType',
  'residenceReason',
  'registeredOn',
  'ethnicity',
  'compound',
  'building',
  'unit',
  'grid',
  'tags',
] as const satisfies readonly ImportField[];
export type ConstantField = (typeof constantFields)[number];
export type ImportConstants = Partial<Record<ConstantField, string>>;

/** The places the file names that the registry does not have yet: what "create them" would add. */
export interface NewPlaces {
  grids: string[];
  compounds: string[];
  /** As people write them: 泰和小区3栋. */
  buildings: string[];
  /** Rooms, as addresses (泰和小区3栋1单元301); the first 200. */
  houses: string[];
  houseCount: number;
}

/** How a file is to be read and placed: the preview's choices, kept for the commit. */
export interface ImportChoices {
  mapping?: ImportMapping;
  constants?: ImportConstants;
  /** Create the compounds, buildings, rooms (and grids) the file names and the registry lacks, in the import's transaction. */
  createPlaces?: boolean;
  /** A compound as the file spells it → an existing compound's name (泰和 → 泰和小区). */
  compoundAliases?: Record<string, string>;
}

export interface ImportProblem {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  field: ImportField | null;
  /** An error code under errors.* with params, e.g. residents.birth_mismatch { fromId: '1980-01-01' }. */
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportPreviewRow {
  row: number;
  action: 'add' | 'update' | 'unchanged' | 'reject';
  name: string;
  idMasked: string;
  address: string;
  problems: ImportProblem[];
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  sheetName: string | null;
  headers: string[];
  mapping: ImportMapping;
  /** Headers no field maps to; shown so nothing is silently dropped. */
  unmappedHeaders: string[];
  /** One value for every row, for fields the file has no column for. */
  constants: ImportConstants;
  createPlaces: boolean;
  compoundAliases: Record<string, string>;
  /** Places the rows name that do not exist yet (created at commit when createPlaces is on). */
  newPlaces: NewPlaces;
  totalRows: number;
  counts: { add: number; update: number; unchanged: number; reject: number };
  /** Every rejected row, then the first of the others (at most 500 in all). */
  rows: ImportPreviewRow[];
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const imports = {
  'residents.importPreview': method(
    // contentBase64 may be empty: a 0-byte file is the reader's to refuse, in words (import.empty).
    {
      input: z.object({
        fileName: z.string().min(1).max(260),
        contentBase64: z.string(),
        mapping: z.record(z.string(), z.string()).optional(),
        constants: z.partialRecord(z.enum(constantFields), z.string().trim().max(100)).optional(),
        createPlaces: z.boolean().optional(),
        compoundAliases: z.record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(100)).optional(),
      }),
      access: 'residents.import',
      writes: false,
    },
    returns<ImportPreview>(),
  ),
  /** Runs as a job; the result arrives as job.done with the summary. */
  'residents.importCommit': method(
    { input: z.object({ importId: id, mode: z.enum(['valid_rows', 'all_or_nothing']) }), access: 'residents.import', writes: true, transaction: 'none' },
    returns<JobStarted>(),
  ),
  /** The rejected rows as XLSX with a reason column, ready to fix and re-import (a job producing a file). */
  'residents.importErrorReport': method(
    { input: z.object({ importId: id }), access: 'residents.import', writes: true, transaction: 'none' },
    returns<JobStarted>(),
  ),
  'residents.importMappings': method(
    { input: z.object({}), access: 'residents.import', writes: false },
    returns<{ id: string; name: string; mapping: ImportMapping }[]>(),
  ),
  'residents.saveImportMapping': method(
    { input: z.object({ name: z.string().trim().min(1).max(40), mapping: z.record(z.string(), z.string()) }), access: 'residents.import', writes: true },
    returns<{ id: string; name: string }>(),
  ),
};
