import type { imports } from '../../../../../shared/contract/residents/imports';
import type { HandlerMap } from '../../../context';
import { checkCommit, commitImport } from './commit';
import { errorReport } from './error-report';
import { parseMapping } from './mapping';
import { decodeUpload, previewImport } from './preview';
import { listMappings, saveMapping } from './saved-mappings';
import { importStore } from './store';

/** residents.import*: preview a file, commit it as a job, the rejected rows as a workbook, saved mappings. */
export const importHandlers: HandlerMap<keyof typeof imports> = {
  async 'residents.importPreview'(input, ctx) {
    return previewImport(ctx, input.fileName, decodeUpload(input.contentBase64), {
      mapping: parseMapping(input.mapping),
      constants: input.constants,
      createPlaces: input.createPlaces,
      compoundAliases: input.compoundAliases,
    });
  },

  async 'residents.importCommit'(input, ctx) {
    const s = ctx.requireSession();
    const imp = importStore(ctx.sqlite).get(input.importId, s.token, ctx.now().getTime());
    checkCommit(imp, input.mode);
    imp.state = 'running';
    const jobId = ctx.jobs.start(s.token, async (job) => {
      try {
        return { summary: { ...(await commitImport(ctx, imp, input.mode, job)) } };
      } finally {
        if (imp.state === 'running') imp.state = 'previewed';
      }
    });
    return { jobId };
  },

  async 'residents.importErrorReport'(input, ctx) {
    const s = ctx.requireSession();
    const imp = importStore(ctx.sqlite).get(input.importId, s.token, ctx.now().getTime());
    const rejected = imp.rejected.size;
    // The rows leave the app as they were typed (full ID numbers included): on the record, like any export.
    await ctx.audit({
      action: 'residents.importErrorReport',
      area: 'residents',
      recordType: 'import',
      recordId: imp.importId,
      summary: `${imp.fileName}: ${rejected}`,
      after: { fileName: imp.fileName, rejected },
    });
    // The record is the one write; the workbook the job makes is not data.
    ctx.events.emit('data.changed', { area: 'residents' });
    const jobId = ctx.jobs.start(s.token, () => errorReport(imp));
    return { jobId };
  },

  async 'residents.importMappings'(_input, ctx) {
    return listMappings(ctx.db);
  },

  async 'residents.saveImportMapping'(input, ctx) {
    const mapping = parseMapping(input.mapping) ?? {};
    const actor = ctx.actor();
    const saved = await saveMapping(ctx.db, input.name, mapping, actor.id, ctx.now().toISOString());
    await ctx.audit({
      action: 'residents.saveImportMapping',
      area: 'residents',
      recordType: 'import_mapping',
      recordId: saved.id,
      summary: input.name,
      before: saved.replaced ?? undefined,
      after: mapping,
    });
    return { id: saved.id, name: saved.name };
  },
};
