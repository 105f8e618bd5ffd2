import { z } from 'zod';
import { method, returns } from './define';

/** html: one self-contained file (inline CSS, no external resource) for a website page; documents only. */
export const reportFormat = z.enum(['pdf', 'docx', 'xlsx', 'csv', 'html']);
export type ReportFormatName = z.infer<typeof reportFormat>;

export interface ReportParamField {
  name: string;
  /**
   * grid / building / tag: picked from the community's lists, as on the residents list. reference: the id of
   * a record of some area, picked from a searchable list of them; `reference` names which (council.meeting).
   */
  type: 'date' | 'text' | 'select' | 'boolean' | 'number' | 'grid' | 'building' | 'tag' | 'reference';
  /** For type 'reference': the kind of record, `<area>.<thing>` (council.meeting). */
  reference?: string;
  required: boolean;
  /** A select's values; the form shows reports.options.<name>.<value> where the locale has it. */
  options?: { value: string; label: string }[];
  /** What the schema fills in when the field is left empty, so the form can show it. */
  defaultValue?: string | number | boolean;
}
export interface ReportInfo {
  name: string;
  area: string;
  formats: ReportFormatName[];
  params: ReportParamField[];
}
export interface JobStarted {
  jobId: string;
}
export interface ExportedFile {
  fileId: string;
  fileName: string;
  mimeType: string;
  bytes: number;
}

export const reports = {
  'reports.list': method({ input: z.object({}), access: 'reports.run', writes: false }, returns<ReportInfo[]>()),
  /** Starts a job; progress and the finished file arrive as events. Writes: the export is audited. */
  'reports.run': method(
    {
      input: z.object({ name: z.string(), format: reportFormat, params: z.record(z.string(), z.unknown()).default({}) }),
      access: 'reports.run',
      writes: true,
      transaction: 'none',
    },
    returns<JobStarted>(),
  ),
  'reports.cancel': method({ input: z.object({ jobId: z.string() }), access: 'reports.run', writes: false }, returns<null>()),
};
