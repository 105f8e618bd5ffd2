import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Permission } from '../../../shared/permissions';
import type { ReportFormatName, ReportParamField } from '../../../shared/contract/reports';
import { AppError, ErrorCodes, type FieldErrors } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/translate';
import type { Database } from '../db/schema';
import type { JobControl } from '../jobs/jobs';
import type { FieldCipher } from '../crypto/field-cipher';
import type { ReportModel, TableReport } from './model';
import { paramFieldsOf } from './param-fields';

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

/** What an area writes: a parameter schema, a data builder and the formats it comes in. */
export interface ReportSpec<P extends z.ZodType> {
  name: string;
  area: string;
  permission: Permission;
  params: P;
  formats: ReportFormatName[];
  /** A table (every format) or a page of its own (PDF only). */
  build(ctx: ReportContext, params: z.output<P>): Promise<ReportModel>;
}

/** A report's parameters, parsed, bound to its builder. */
export interface PreparedReport {
  /** As parsed, for the audit record. */
  params: unknown;
  build(ctx: ReportContext): Promise<ReportModel>;
}

/**
 * A report as the catalogue holds it. The parameters' type lives inside `prepare`, so the catalogue is a
 * plain list of these, without casts; the report centre, the CLI and the tests all run reports through it.
 */
export interface ReportDefinition {
  name: string;
  area: string;
  permission: Permission;
  formats: ReportFormatName[];
  /** How the report centre draws the parameter form: derived from the schema. */
  paramFields: ReportParamField[];
  /** Parses raw parameters (contract.invalid_input with the fields' errors when they do not fit). */
  prepare(raw: unknown): PreparedReport;
}

export function defineReport<P extends z.ZodType>(spec: ReportSpec<P>): ReportDefinition {
  return {
    name: spec.name,
    area: spec.area,
    permission: spec.permission,
    formats: spec.formats,
    paramFields: paramFieldsOf(spec.params),
    prepare(raw) {
      const parsed = spec.params.safeParse(raw ?? {});
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
        throw new AppError(ErrorCodes.invalidInput, 'The report parameters are not valid', { fields });
      }
      const params = parsed.data;
      return { params, build: (ctx) => spec.build(ctx, params) };
    },
  };
}
