import { z } from 'zod';
import { method, returns } from '../define';
import { id } from './common';
import type { JobStarted } from '../reports';

/** The resident fields an import column can map to. */
export const importFields = [
  'name', 'formerNames', 'docType', 'idNumber', 'birthDate', 'gender', 'phone', 'status', 'residenceReason',
  'registeredOn', 'permitExpiresOn', 'idCardExpiresOn', 'ethnicity', 'education', 'maritalStatus', 'occupation',
  'notes', 'compound', 'building', 'unit', 'room', 'householdNumber', 'relationToHead', 'tags', 'grid',
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportMapping = Partial<Record<ImportField, string>>;

export interface ImportProblem {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  field: ImportField | null;
  /** An error code under errors.* with params, e.g. id.checksum { expected: 'X' }. */
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
    { input: z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string(), mapping: z.record(z.string(), z.string()).optional() }), access: 'residents.import', writes: false },
    returns<ImportPreview>(),
  ),
  /** Runs as a job; the result arrives as job.done with the summary. */
  'residents.importCommit': method(
    { input: z.object({ importId: id, mode: z.enum(['valid_rows', 'all_or_nothing']) }), access: 'residents.import', writes: true, transaction: 'none' },
    returns<JobStarted>(),
  ),
  /** The rejected rows as XLSX with a reason column, ready to fix and re-import (a job producing a file). */
  'residents.importErrorReport': method({ input: z.object({ importId: id }), access: 'residents.import', writes: true, transaction: 'none' }, returns<JobStarted>()),
  'residents.importMappings': method({ input: z.object({}), access: 'residents.import', writes: false }, returns<{ id: string; name: string; mapping: ImportMapping }[]>()),
  'residents.saveImportMapping': method({ input: z.object({ name: z.string().trim().min(1).max(40), mapping: z.record(z.string(), z.string()) }), access: 'residents.import', writes: true }, returns<{ id: string; name: string }>()),
};
