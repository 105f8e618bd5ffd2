import { defineImport } from '../../../import/define';
import type { ResidentFields } from '../prepare';
import { writeImport, type CommitBatch, type CommitOutcome, type CommitWork } from './commit-write';
import { draftRow, type RowDraft } from './draft';
import { firstPass, type FirstPass } from './first-pass';
import { headerTest, resolveMapping, type ResolvedMapping } from './mapping';
import { planRow } from './plan';
import type { ColumnChoice } from './preview-read';
import { registryTables } from './registry-mark';

/**
 * The register's import, as core/import's area import (core/import/define.ts): a header found by the
 * register's column names (or the user's mapping), each row drafted cell by cell (draft.ts), prepared as a
 * new person in the preview's workers (first-pass.ts: validation, encryption, look-up hash, pinyin),
 * planned against the registry (plan.ts) and written in one transaction (commit-write.ts). Its worker
 * modules (preview-worker.ts, commit-worker.ts) serve it; the main process runs them through workers.ts.
 */
export const residentsImport = defineImport<
  ColumnChoice,
  ResolvedMapping,
  RowDraft,
  Partial<ResidentFields>,
  FirstPass,
  typeof planRow,
  CommitWork,
  CommitBatch,
  CommitOutcome
>({
  area: 'residents',
  tables: registryTables,
  headers: (choice) => ({
    isHeader: headerTest(choice.mapping),
    resolve: (head) => resolveMapping(head.headers, choice.mapping, choice.constants),
  }),
  rowSchema: {
    draft: (row, resolved) => draftRow(row, resolved.columns, resolved.constants),
    given: (draft) => draft.given,
  },
  prepare: firstPass,
  plan: planRow,
  write: writeImport,
});
