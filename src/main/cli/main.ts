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
  const rows = (locale: Locale) => commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[locale]}`).join('\n');
  // Chinese first, then English, as every command's --help (the locale files' cli.general.help).
  return `${translator('zh-CN')('cli.general.help', { commands: rows('zh-CN') })}\n\n${translator('en')('cli.general.help', { commands: rows('en') })}`;
}
