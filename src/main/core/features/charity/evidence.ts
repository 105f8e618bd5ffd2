import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { actor, area } from './context';
import { addEvent, findApplication, toApplication } from './aid-repository';

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// eslint-disable-next-line no-control-regex -- control characters are among what a file name may not hold
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;
/** The name a file is saved under: the filed name with no folder parts or characters Windows refuses (\\ / : * ? " < > |). */
const savedName = (name: string) => name.replace(UNSAFE_IN_FILE_NAME, '_').replace(/^\.+/, '_') || 'evidence';

/** An application's evidence files: stored with their SHA-256 when filed, handed out only when they still match it. */
export const evidenceHandlers: HandlerMap<'charity.addEvidence' | 'charity.openEvidence'> = {
  async 'charity.addEvidence'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const app = await findApplication(ctx.db, input.applicationId);
    if (!['submitted', 'reviewed'].includes(app.status)) throw new AppError('charity.application_state', 'Evidence is added before the decision');
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new AppError('charity.file_empty', 'The file is empty');
    if (bytes.length > 10 * 1024 * 1024) throw new AppError('charity.file_too_large', 'Files up to 10 MB');
    const sha256 = sha256Of(bytes);
    const id = newId();
    await ctx.db
      .insertInto('charity_evidence')
      .values({
        id,
        application_id: app.id,
        file_name: input.fileName,
        mime: input.mime,
        size: bytes.length,
        sha256,
        content: bytes,
        created_at: at,
        created_by: who.id,
      })
      .execute();
    await addEvent(ctx.db, app.id, at, who, 'evidence', { fileName: input.fileName, sha256 });
    await ctx.audit({
      action: 'charity.addEvidence',
      area,
      recordType: 'charity_application',
      recordId: app.id,
      summary: `${app.number} ${input.fileName} ${sha256.slice(0, 16)}`,
    });
    return toApplication(ctx.db, app);
  },

  async 'charity.openEvidence'(input, ctx) {
    const s = ctx.requireSession();
    const file = await ctx.db.selectFrom('charity_evidence').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!file) throw new AppError('charity.evidence_not_found', 'No such evidence file');
    const app = await findApplication(ctx.db, file.application_id);
    const bytes = new Uint8Array(file.content);
    const actual = sha256Of(bytes);
    const record = { recordType: 'charity_evidence', recordId: file.id };
    if (actual !== file.sha256) {
      // The stored bytes are not what was filed: never hand them out, and keep a record that someone tried.
      ctx.auditAlways({
        ...record,
        action: 'charity.evidenceRefused',
        area,
        summary: `${app.number} ${file.file_name}`,
        after: { applicationId: app.id, fileName: file.file_name, storedSha256: file.sha256, actualSha256: actual },
      });
      throw new AppError('charity.evidence_damaged', 'The evidence file no longer matches its recorded hash', { params: { fileName: file.file_name } });
    }
    await ctx.audit({ ...record, summary: `${app.number} ${file.file_name}`, after: { applicationId: app.id, fileName: file.file_name, sha256: file.sha256 } });
    const jobId = ctx.jobs.start(s.token, async () => ({ fileName: savedName(file.file_name), mimeType: file.mime, bytes }));
    return { jobId };
  },
};
