import type { z } from 'zod';
import { areaOf, contract, isMethodName, type MethodName } from '../../shared/contract';
import type { MethodSpec } from '../../shared/contract/define';
import { AppError, ErrorCodes, type FieldErrors, type Result } from '../../shared/errors';
import type { CallAudit, CoreServices, HandlerContext } from './context';
import type { Session } from './auth/sessions';
import { appendAudit, type AuditWrite } from './audit/repository';
import { translateSqliteError } from './db/connection';
import { writeTransaction } from './db/write-transaction';
import { handlers } from './handlers';
import { idleLockMs } from './community/settings';
import { writeGateOf } from './db/write-gate';

export interface Call {
  method: string;
  input: unknown;
  sessionToken?: string | null;
}

/** While locked, a session may only unlock or sign out. */
const allowedWhileLocked = new Set<string>(['auth.unlock', 'auth.logout']);

/**
 * The one path every host takes into core: find the method, check the session and permission, parse the
 * input, run the handler (writes in one transaction with their audit records), and return a Result.
 * Nothing is trusted from the caller but the session token.
 */
export async function dispatch(core: CoreServices, call: Call): Promise<Result<unknown>> {
  const pending: AuditWrite[] = [];
  let session: Session | null = null;
  try {
    if (typeof call.method !== 'string' || !isMethodName(call.method)) {
      throw new AppError(ErrorCodes.unknownMethod, `Unknown method ${String(call.method)}`, { params: { method: String(call.method) } });
    }
    const name: MethodName = call.method;
    const spec = contract[name] as MethodSpec;
    session = await authorize(core, spec, name, call.sessionToken);
    const input = parseInput(spec.input, call.input);
    // While an import writes on its own connection, writes wait their turn here; reads go on beside it.
    if (spec.writes) await writeGateOf(core.sqlite).turn();
    const value = await run(core, spec, name, input, session, pending);
    if (session) core.sessions.touch(session, core.now().getTime());
    return { ok: true, value };
  } catch (err) {
    const error = toAppError(err);
    await writeFailureAudits(core, session, pending);
    return { ok: false, error: error.toPayload() };
  }
}

async function authorize(core: CoreServices, spec: MethodSpec, name: string, token: string | null | undefined): Promise<Session | null> {
  if (spec.access === 'public') return core.sessions.get(token, core.now().getTime(), Number.MAX_SAFE_INTEGER);
  core.sessions.idleLockMs ??= await idleLockMs(core.db);
  const session = core.sessions.get(token, core.now().getTime(), core.sessions.idleLockMs);
  if (!session) throw new AppError(ErrorCodes.noSession, 'Not signed in');
  if (session.locked && !allowedWhileLocked.has(name)) throw new AppError(ErrorCodes.locked, 'The session is locked');
  if (spec.access !== 'session' && !session.permissions.has(spec.access)) {
    throw new AppError(ErrorCodes.forbidden, `Permission ${spec.access} is needed`, { params: { permission: spec.access } });
  }
  return session;
}

function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_';
    // Custom messages in the contract are error codes; zod's own messages are kept as they are.
    fields[key] ??= issue.message;
  }
  throw new AppError(ErrorCodes.invalidInput, 'The input is not valid', { fields });
}

async function run(core: CoreServices, spec: MethodSpec, name: MethodName, input: unknown, session: Session | null, pending: AuditWrite[]): Promise<unknown> {
  const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  const record = (entry: CallAudit): AuditWrite => ({ ...entry, action: entry.action ?? name, area: entry.area ?? areaOf(name) });
  // The context is one small object per call whose prototype is the services: copying the services into it
  // (a dozen properties, three of them getters) cost more than the rest of the context together. Its own
  // properties are defined by the literal, so the services' getter-only `db` does not get in the way.
  const context = (audit: HandlerContext['audit'], db: HandlerContext['db'] = core.db): HandlerContext =>
    ({
      __proto__: core,
      db,
      session,
      requireSession(): Session {
        if (!session) throw new AppError(ErrorCodes.noSession, 'Not signed in');
        return session;
      },
      actor() {
        if (!session) throw new AppError(ErrorCodes.noSession, 'Not signed in');
        return { id: session.userId, name: session.displayName };
      },
      auditAlways(entry: CallAudit) {
        pending.push(record(entry));
      },
      audit,
    }) as Omit<HandlerContext, keyof CoreServices> & { db: HandlerContext['db'] } as HandlerContext;

  if (!spec.writes) {
    return handler(input, context(noAudit));
  }
  if (spec.transaction === 'none') {
    // The handler writes its own records as it goes (a backup records itself with its result), and says
    // when its data has changed: a job's commit may come long after this call returns.
    const out = await handler(
      input,
      context((entry) => appendAudit(core.db, record(entry), actorOf(core, session), core.now())),
    );
    pending.length = 0;
    return out;
  }
  // The write lock is taken when the transaction begins, so that writers from other processes wait their turn.
  const committed = await writeTransaction(core.db, core.sqlite, async (trx) => {
    let audited = 0;
    const out = await handler(
      input,
      context(async (entry) => {
        audited++;
        await appendAudit(trx, record(entry), actorOf(core, session), core.now());
      }, trx),
    );
    if (audited === 0) throw new AppError(ErrorCodes.internal, `${name} wrote nothing to the audit trail`);
    pending.length = 0;
    return out;
  });
  // Only now is the change on disk for other windows and workstations to read; a rolled-back call never gets here.
  core.events.emit('data.changed', { area: areaOf(name) });
  return committed;
}

/** A read records nothing. */
const noAudit = async () => {};

function actorOf(core: CoreServices, session: Session | null) {
  return { id: session?.userId ?? null, name: session?.displayName ?? null, workstation: core.workstation };
}

/** Audit records that must survive the call's failure (refused sign-ins), in their own transaction. */
async function writeFailureAudits(core: CoreServices, session: Session | null, pending: AuditWrite[]): Promise<void> {
  if (pending.length === 0) return;
  try {
    await writeGateOf(core.sqlite).turn();
    await writeTransaction(core.db, core.sqlite, async (trx) => {
      for (const entry of pending) await appendAudit(trx, entry, actorOf(core, session), core.now());
    });
  } catch (err) {
    console.error('[linli] could not write audit records for a failed call:', err);
  }
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const sqlite = translateSqliteError(err);
  if (sqlite) return sqlite;
  console.error('[linli] internal error:', err);
  return new AppError(ErrorCodes.internal, (err as Error)?.message ?? String(err));
}
