import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Permission } from '../../../shared/permissions';
import type { ReportFormatName, ReportParamField } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/i18n/translate';
import type { Database } from '../db/schema';
import type { JobControl } from '../jobs/jobs';
import type { FieldCipher } from '../crypto/field-cipher';
import type { ReportModel, TableReport } from './model';

export interface ReportContext {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
  /** For the few exports that may show a full number (with their permission checked in build). */
  secrets: FieldCipher;
  locale: Locale;
  t: (key: string, params?: Record<string, string | number>) => string;
  timeZone: string;
  now: Date;
  user: { id: string; displayName: string };
  /** The community's letterhead, common parts of every report already filled in. */
  frame: Pick<TableReport, 'letterhead' | 'generatedAt' | 'generatedBy' | 'labels' | 'timeZone'>;
  job: JobControl;
}

/**
 * A report: a parameter schema, a data builder and the formats it comes in, registered once. The report
 * centre, the CLI and the tests all run reports through this one list.
 */
export interface ReportDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  area: string;
  permission: Permission;
  params: P;
  /** How the report centre draws the parameter form. */
  paramFields: ReportParamField[];
  formats: ReportFormatName[];
  /** A table (every format) or a page of its own (PDF only). */
  build(ctx: ReportContext, params: z.output<P>): Promise<ReportModel>;
}

export function defineReport<P extends z.ZodType>(def: ReportDefinition<P>): ReportDefinition<P> {
  return def;
}
