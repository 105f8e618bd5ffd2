import type { UserSummary } from '../../../shared/contract/users';
import { roles, type Role } from '../../../shared/permissions';
import { translator } from '../../../shared/i18n/translate';
import type { Command, CommandContext } from '../context';
import { listOption, stringOption, userOption } from '../args';
import { CliError, UsageError } from '../errors';
import { withSession, type SignedIn } from '../session';
import { commandTexts } from '../text';

type Sub = (ctx: CommandContext, target: string | undefined) => Promise<number>;

export const usersCommand: Command = {
  name: 'users',
  ...commandTexts('users', { roles: roles.join(', ') }),
  options: { ...userOption, role: { type: 'string', multiple: true, short: 'r' }, 'display-name': { type: 'string' } },
  positionals: true,
  async run(ctx) {
    const [sub, target, ...extra] = ctx.args.positionals;
    const subs: Record<string, Sub> = {
      list,
      add,
      disable: (c, t) => setDisabled(c, t, true),
      enable: (c, t) => setDisabled(c, t, false),
      'reset-password': resetPassword,
    };
    if (!sub || !Object.hasOwn(subs, sub)) throw new UsageError(ctx.text.unknownSubcommand(sub ?? '', Object.keys(subs).join(', ')));
    if (extra.length || (sub === 'list' && target)) throw new UsageError(ctx.text.extraArguments([...(sub === 'list' ? [target] : []), ...extra].join(' ')));
    return subs[sub](ctx, target);
  },
};

function requireTarget(ctx: CommandContext, target: string | undefined): string {
  if (!target) throw new UsageError(ctx.text.missingUsername);
  return target;
}

async function list(ctx: CommandContext): Promise<number> {
  return withSession(ctx, [], async ({ call }) => {
    const users = await call('users.list', { includeDisabled: true });
    ctx.emitJson(users);
    const t = translator(ctx.locale);
    const rows = users.map((u) => [
      u.username,
      u.displayName,
      u.roles.map((r) => t(`roles.${r}`)).join(ctx.text.roleSeparator),
      u.disabled ? ctx.text.userDisabled : ctx.text.userActive,
      u.lastLoginAt ?? '—',
    ]);
    for (const line of table([ctx.text.usersHeader, ...rows])) ctx.print(line);
    return 0;
  });
}

async function add(ctx: CommandContext, target: string | undefined): Promise<number> {
  const username = requireTarget(ctx, target);
  const chosen = listOption(ctx.args.values, 'role');
  if (chosen.length === 0) throw new UsageError(ctx.text.missingOption('role'));
  const bad = chosen.find((r) => !(roles as readonly string[]).includes(r));
  if (bad) throw new UsageError(ctx.text.badValue('role', bad, roles.join(', ')));
  const displayName = stringOption(ctx.args.values, 'display-name') ?? username;
  return withSession(ctx, [ctx.text.newUserPassword], async ({ call }, [password]) => {
    const user = await call('users.create', { username, displayName, password, roles: chosen as Role[] });
    ctx.print(ctx.text.userAdded(user.username));
    ctx.emitJson(user);
    return 0;
  });
}

async function setDisabled(ctx: CommandContext, target: string | undefined, disabled: boolean): Promise<number> {
  const username = requireTarget(ctx, target);
  return withSession(ctx, [], async (s) => {
    const user = await s.call('users.setDisabled', { userId: (await findUser(ctx, s, username)).id, disabled });
    ctx.print(disabled ? ctx.text.userDisabledDone(username) : ctx.text.userEnabledDone(username));
    ctx.emitJson(user);
    return 0;
  });
}

async function resetPassword(ctx: CommandContext, target: string | undefined): Promise<number> {
  const username = requireTarget(ctx, target);
  return withSession(ctx, [ctx.text.newUserPassword], async (s, [newPassword]) => {
    await s.call('users.resetPassword', { userId: (await findUser(ctx, s, username)).id, newPassword });
    ctx.print(ctx.text.passwordReset(username));
    ctx.emitJson({ ok: true, username });
    return 0;
  });
}

async function findUser(ctx: CommandContext, s: SignedIn, username: string): Promise<UserSummary> {
  const found = (await s.call('users.list', { includeDisabled: true })).find((u) => u.username === username);
  if (!found) throw new CliError(ctx.text.userNotFound(username), 'users.not_found');
  return found;
}

/** Left-aligned columns; wide (CJK) characters count as two. */
function table(rows: string[][]): string[] {
  const width = (s: string) =>
    Array.from(s).reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell) + 2)))
      .join('')
      .trimEnd(),
  );
}
