import fs from 'node:fs';
import { createCore, type Core } from '../core/app';
import { AppError } from '../../shared/errors';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { SessionInfo } from '../../shared/contract/auth';
import { stringOption } from './args';
import type { CommandContext } from './context';
import { CliError, UsageError } from './errors';
import { databaseRefusal } from './recovery';
import { readSecrets } from './secrets';

export function databaseExists(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size > 0;
}

/**
 * Opens core on the chosen file. A file that is damaged, foreign or from a newer Linli is refused with a
 * translated message (and the backup to restore); `mustExist` refuses to create a new, empty file.
 */
export async function openCore(ctx: CommandContext, opts: { mustExist: boolean }): Promise<Core> {
  if (opts.mustExist && !databaseExists(ctx.dbPath)) throw new CliError(ctx.text.noDatabase(ctx.dbPath), 'cli.no_database');
  try {
    return await createCore({ databasePath: ctx.dbPath });
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('db.')) throw await databaseRefusal(ctx, err);
    throw err;
  }
}

/** Calls one contract method exactly as the app does; a refusal becomes a translated CliError. */
export async function callContract<M extends MethodName>(
  ctx: CommandContext,
  core: Core,
  method: M,
  input: Input<M>,
  sessionToken: string | null,
): Promise<Output<M>> {
  const result = await core.call({ method, input, sessionToken });
  if (!result.ok) throw new CliError(ctx.explain(result.error), result.error.code, 1, { error: result.error });
  return result.value as Output<M>;
}

export interface SignedIn {
  core: Core;
  session: SessionInfo;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** `--user` is required for commands that go through the contract. */
export function requireUser(ctx: CommandContext): string {
  const user = stringOption(ctx.args.values, 'user');
  if (!user) throw new UsageError(ctx.text.needsUser);
  return user;
}

/**
 * Opens core, signs `--user` in through `auth.login` (password on stdin), runs `work` with that session
 * so permissions and the audit trail apply as in the app, then signs out and closes. `extraSecrets` asks
 * for further lines of stdin (a new user's password) after the user's own.
 */
export async function withSession<T>(ctx: CommandContext, extraSecrets: string[], work: (s: SignedIn, secrets: string[]) => Promise<T>): Promise<T> {
  const username = requireUser(ctx);
  const core = await openCore(ctx, { mustExist: true });
  try {
    const [password, ...rest] = await readSecrets(ctx, [ctx.text.yourPassword, ...extraSecrets]);
    const session = await callContract(ctx, core, 'auth.login', { username, password }, null);
    const signedIn: SignedIn = { core, session, call: (method, input) => callContract(ctx, core, method, input, session.token) };
    try {
      return await work(signedIn, rest);
    } finally {
      // After a restore every session has ended; signing out then is refused, which is fine.
      await core.call({ method: 'auth.logout', input: {}, sessionToken: session.token });
    }
  } finally {
    await core.close();
  }
}
