import type { Locale } from '../../shared/i18n/translate';
import type { ErrorPayload } from '../../shared/errors';
import { translator } from '../../shared/i18n/translate';
import type { OptionsConfig, ParsedArgs } from './args';
import { stringOption } from './args';
import { UsageError } from './errors';
import type { CliIo } from './io';
import type { Texts } from './text';

type Bilingual = Record<Locale, string>;

/** One `linli` command. The table in commands/index.ts lists them; adding one is one line there. */
export interface Command {
  name: string;
  summary: Bilingual;
  /** Shown by `--help`: Chinese first, then English. */
  help: Bilingual;
  options: OptionsConfig;
  positionals?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandContext {
  name: string;
  io: CliIo;
  args: ParsedArgs;
  locale: Locale;
  text: Texts;
  json: boolean;
  /** `--db` beats `LINLI_DB` beats the default. */
  dbPath: string;
  /** A line for people: stdout, unless `--json` asked for machine output only. */
  print(line: string): void;
  /** Progress and side remarks: always stderr. */
  note(line: string): void;
  /** The machine-readable result under `--json`. */
  emitJson(value: unknown): void;
  /** An error from core in the user's language (`errors.<code>`, with its field errors). */
  explain(error: ErrorPayload): string;
  /** A required option's value, or a usage error. */
  required(name: string): string;
}

export function createContext(name: string, io: CliIo, args: ParsedArgs, locale: Locale, text: Texts, dbPath: string): CommandContext {
  const t = translator(locale);
  const json = args.values.json === true;
  const tr = (code: string, params?: Record<string, string | number>, fallback?: string) => {
    const key = `errors.${code}`;
    const out = t(key, params);
    return out === key ? (fallback ?? code) : out;
  };
  return {
    name,
    io,
    args,
    locale,
    text,
    json,
    dbPath,
    print: (line) => {
      if (!json) io.stdout.write(line + '\n');
    },
    note: (line) => void io.stderr.write(line + '\n'),
    emitJson: (value) => {
      if (json) io.stdout.write(JSON.stringify(value, null, 2) + '\n');
    },
    explain(error) {
      const head = tr(error.code, { message: error.message, ...error.params }, error.message);
      const fields = Object.entries(error.fields ?? {}).map(([field, msg]) => `  ${field}: ${tr(msg, {}, msg)}`);
      return [head, ...fields].join('\n');
    },
    required(option) {
      const v = stringOption(args.values, option);
      if (v === undefined || v === '') throw new UsageError(text.missingOption(option));
      return v;
    },
  };
}

export function helpText(cmd: Pick<Command, 'help'>): string {
  return `${cmd.help['zh-CN'].trimEnd()}\n\n${cmd.help.en.trimEnd()}\n`;
}
