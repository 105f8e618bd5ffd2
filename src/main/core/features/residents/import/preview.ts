import type { ImportMapping, ImportPreview, ImportPreviewRow } from '../../../../../shared/contract/residents/imports';
import type { HandlerContext } from '../../../context';
import { newId } from '../../../util/ids';
import { hallDay } from '../clock';
import { draftRow, type RowDraft } from './draft';
import { RegistryLookups } from './lookups';
import { headerTest, resolveMapping } from './mapping';
import { PlanContext, planRow, type PlannedRow } from './plan';
import { readSpreadsheet } from './read-file';
import { forEachSliced } from './slices';
import { importStore } from './store';

/** Rejected rows first, then the first of the others: at most this many rows go back to the screen. */
export const PREVIEW_ROWS = 500;

/**
 * Reads the file, maps its columns and plans every row against the registry as it is now, without
 * writing anything. The plans stay in memory (for an hour, for this session) for the commit and the
 * error report, so the file is read once.
 */
export async function previewImport(ctx: HandlerContext, fileName: string, bytes: Buffer, explicit: ImportMapping | undefined): Promise<ImportPreview> {
  const session = ctx.requireSession();
  const sheet = await readSpreadsheet(bytes, headerTest(explicit));
  const resolved = resolveMapping(sheet.headers, explicit);
  const { today } = await hallDay(ctx);
  const planCtx = new PlanContext(new RegistryLookups(ctx.sqlite), ctx.secrets, today);
  const drafts: RowDraft[] = [];
  const plans: PlannedRow[] = [];
  await forEachSliced(sheet.rows, (r) => {
    const draft = draftRow(r, resolved.columns);
    drafts.push(draft);
    plans.push(planRow(draft, planCtx));
  });

  const importId = newId();
  importStore(ctx.sqlite).put(
    {
      importId,
      ownerToken: session.token,
      createdAt: ctx.now().getTime(),
      fileName,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      headers: sheet.headers,
      mapping: resolved.mapping,
      rows: sheet.rows,
      drafts,
      plans,
      newHouseholds: planCtx.newHouseholds,
      state: 'previewed',
    },
    ctx.now().getTime(),
  );
  return {
    importId,
    fileName,
    sheetName: sheet.sheetName,
    headers: sheet.headers,
    mapping: resolved.mapping,
    unmappedHeaders: resolved.unmappedHeaders,
    totalRows: plans.length,
    counts: countActions(plans),
    rows: previewRows(plans),
  };
}

export function countActions(plans: readonly PlannedRow[]): ImportPreview['counts'] {
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0 };
  for (const p of plans) counts[p.action]++;
  return counts;
}

function previewRows(plans: readonly PlannedRow[]): ImportPreviewRow[] {
  const pick = (p: PlannedRow): ImportPreviewRow => ({ row: p.row, action: p.action, name: p.name, idMasked: p.idMasked, address: p.address, problems: p.problems });
  const rejected = plans.filter((p) => p.action === 'reject').slice(0, PREVIEW_ROWS);
  const others = plans.filter((p) => p.action !== 'reject').slice(0, PREVIEW_ROWS - rejected.length);
  return [...rejected, ...others].map(pick);
}

/** The upload as bytes (a data: URL prefix is dropped). Bytes that are not a spreadsheet are refused by the reader. */
export function decodeUpload(contentBase64: string): Buffer {
  const clean = contentBase64.replace(/^data:[^,]*,/, '');
  return Buffer.from(clean, 'base64');
}
