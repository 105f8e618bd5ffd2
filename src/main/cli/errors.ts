/** Exit codes: 0 done, 1 refused or failed, 2 the command line itself was wrong. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

/** A refusal or failure the user should read: the message is already in their language. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: number = ExitCode.failed,
    /** Extra machine-readable facts for `--json` (the backup to restore from, …). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line was wrong: exit 2 and point at `--help`. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 'cli.usage', ExitCode.usage);
    this.name = 'UsageError';
  }
}
