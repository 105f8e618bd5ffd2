/**
 * One error convention for every host: handlers throw AppError, bindings turn it into a Result, the
 * renderer translates `errors.<code>`. Codes are stable, lower-case and dotted.
 */
export type FieldErrors = Record<string, string>;

export interface ErrorPayload {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  fields?: FieldErrors;
}

export class AppError extends Error {
  readonly code: string;
  readonly params?: Record<string, string | number>;
  readonly fields?: FieldErrors;

  constructor(code: string, message?: string, opts: { params?: Record<string, string | number>; fields?: FieldErrors } = {}) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.params = opts.params;
    this.fields = opts.fields;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, params: this.params, fields: this.fields };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Codes the bindings themselves produce; areas add their own (`residents.id_checksum`, …). */
export const ErrorCodes = {
  unknownMethod: 'contract.unknown_method',
  invalidInput: 'contract.invalid_input',
  noSession: 'auth.no_session',
  forbidden: 'auth.forbidden',
  locked: 'auth.locked',
  internal: 'internal',
} as const;
