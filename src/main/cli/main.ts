import { AppError } from '../../shared/errors';
import { translator, type Locale } from '../../shared/i18n/translate';
import { resolveDatabasePath } from '../core/paths';
import { parseCommandArgs, peekOption, stringOption } from './args';
import { commands, findCommand } from './commands';
import { createContext, helpText } from './context';
import { CliError, ExitCode, UsageError } from './errors';
import type { CliIo } from './io';
import { processIo } from './io';
import { pickLocale, texts } from './text';

/**
 * Runs one `linli` command and returns its exit code: 0 done, 1 refused or failed, 2 usage error.
 * Everything goes through `io`, so tests run commands in-process.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const locale = pickLocale(peekOption(argv, 'locale'), io.env);
  const text = texts[locale];
  const [name, ...rest] = argv;

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
    const out = name === undefined ? io.stderr : io.stdout;
    out.write(topic ? helpText(topic) : generalHelp());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = findCommand(name);
  if (!command) {
    io.stderr.write(`${text.unknownCommand(name)}\n\n${generalHelp()}`);
    return ExitCode.usage;
  }

  let json = rest.includes('--json');
  try {
    const args = parseCommandArgs(rest, command.options, command.positionals ?? false);
    json = args.values.json === true;
    if (args.values.help === true) {
      io.stdout.write(helpText(command));
      return ExitCode.ok;
    }
    const localeFlag = stringOption(args.values, 'locale');
    if (localeFlag !== undefined && localeFlag !== 'zh-CN' && localeFlag !== 'en') throw new UsageError(text.badValue('locale', localeFlag, 'zh-CN, en'));
    if (!command.positionals && args.positionals.length) throw new UsageError(text.extraArguments(args.positionals.join(' ')));
    const dbPath = resolveDatabasePath(stringOption(args.values, 'db'), io.env);
    return await command.run(createContext(name, io, args, locale, text, dbPath));
  } catch (err) {
    const e = toCliError(err, locale);
    io.stderr.write(`${e.message}\n`);
    if (e instanceof UsageError) io.stderr.write(`${text.usageHint(name)}\n`);
    if (json) io.stdout.write(JSON.stringify({ ok: false, error: { code: e.code, message: e.message, ...e.details } }, null, 2) + '\n');
    if (e.code === 'internal' && io.env.LINLI_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return e.exitCode;
  }
}

function toCliError(err: unknown, locale: Locale): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof AppError) {
    const key = `errors.${err.code}`;
    const message = translator(locale)(key, { message: err.message, ...err.params });
    return new CliError(message === key ? err.message : message, err.code);
  }
  return new CliError(texts[locale].internalError((err as Error)?.message ?? String(err)), 'internal');
}

function generalHelp(): string {
  // The names' column is as wide as the longest name and a space (residents is nine letters long).
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const rows = (locale: 'zh-CN' | 'en') => commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[locale]}`).join('\n');
  return `邻里（Linli）命令行

用法：linli <命令> [选项]    （每个命令都支持 --help）
命令：
${rows('zh-CN')}

通用选项：
  --db 文件        数据文件（优先于环境变量 LINLI_DB，再次为默认位置）
  --json           在标准输出输出 JSON，便于脚本处理
  --locale zh-CN|en 提示语言（默认中文；LANG 以 en 开头时为英文）
  -h, --help       显示帮助
写入数据的命令需要 --user 用户名，密码从标准输入读取，审计日志会记下操作人。
退出码：0 成功；1 被拒绝或失败；2 用法错误。

Linli command line

Usage: linli <command> [options]   (every command takes --help)
Commands:
${rows('en')}

Common options: --db FILE (beats LINLI_DB, which beats the default location), --json (machine-readable
output on stdout), --locale zh-CN|en, -h/--help. Commands that write take --user NAME with the password
on stdin, so the audit trail names who did it. Exit codes: 0 ok, 1 refused/failed, 2 usage error.
`;
}
