/**
 * What an audit record's summary says, in the reader's language: the audit screen and the audit report
 * (PDF, Word, Excel, CSV) both read it from here. Core records a summary as data at the time (a name, an
 * address); for records whose stored summary would be a code, a file name with signs, or a sentence in one
 * language, the words are made from what the record holds. Returns null where the stored summary stands.
 */
export interface SummarisedRecord {
  action: string;
  summary: string | null;
  recordId: string | null;
  after: unknown;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;
type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** `t` returns the key itself when the locales lack it (as the shared translator and translatedOr do). */
export function auditSummary(t: Translate, e: SummarisedRecord): string | null {
  const after = obj(e.after);
  const or = (key: string, fallback: string) => {
    const text = t(key);
    return text === key ? fallback : text;
  };
  switch (e.action) {
    case 'residents.seed':
      return t('auditReport.summaries.seed', { residents: num(after.residents), households: num(after.households) });
    case 'residents.reveal': {
      const field = String(after.field ?? '');
      return t('auditReport.summaries.reveal', {
        // Older records summarised with the field's code; newer ones with the person's name.
        name: e.summary && e.summary !== after.field ? e.summary : '',
        field: or(`auditReport.revealedFields.${field}`, field),
        reason: String(after.reason ?? ''),
      });
    }
    case 'residents.import':
      if (typeof after.fileName !== 'string') return null;
      return t('auditReport.summaries.import', {
        file: after.fileName,
        added: num(after.added),
        updated: num(after.updated),
        unchanged: num(after.unchanged),
        rejected: num(after.rejected),
      });
    case 'residents.importErrorReport':
      if (typeof after.fileName !== 'string') return null;
      return t('auditReport.summaries.importErrorReport', { file: after.fileName, rejected: num(after.rejected) });
    case 'reports.export':
      if (!e.recordId) return null;
      return t('auditReport.summaries.export', { report: or(`reportNames.${e.recordId}`, e.recordId), format: String(after.format ?? '').toUpperCase() });
  }
  return null;
}
