import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './errors';

export type OptionsConfig = ParseArgsOptionsConfig;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** Options every command takes. */
export const commonOptions = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  locale: { type: 'string' },
} satisfies OptionsConfig;

/** `--user NAME`: who signs in for a command that goes through the contract. */
export const userOption = { user: { type: 'string', short: 'u' } } satisfies OptionsConfig;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

/** Strict parsing: an unknown option or a missing value is a usage error (exit 2). */
export function parseCommandArgs(argv: string[], options: OptionsConfig, allowPositionals: boolean): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...commonOptions, ...options }, allowPositionals, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(values: OptionValues, name: string): string[] {
  const v = values[name];
  const items = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return items
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The value of `--locale` wherever it stands, before the command is known (for messages about argv). */
export function peekOption(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}
