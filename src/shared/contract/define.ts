import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call a method: `public` needs no session (setup, sign-in), `session` any signed-in user,
 * otherwise the named permission.
 */
export type Access = 'public' | 'session' | Permission;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /**
   * Writes run inside one transaction and must leave at least one audit record; once it commits, the
   * dispatcher sends `data.changed` for the method's area.
   */
  writes: boolean;
  /**
   * 'none' for writes that cannot sit inside one transaction on the open file (a backup, a restore that
   * replaces the file, a job): the handler writes its own audit records as it goes, and sends
   * `data.changed` itself when its work is really done (a job's commit, not the call's return).
   */
  transaction?: 'auto' | 'none';
  /** Phantom: the output type, carried for the typed client. */
  output?: O;
}

/** Declares one method. `returns<T>()` only carries the output type. */
export function method<I extends z.ZodType, O>(
  spec: { input: I; access: Access; writes: boolean; transaction?: 'auto' | 'none' },
  _returns?: Returns<O>,
): MethodSpec<I, O> {
  return spec as MethodSpec<I, O>;
}

export interface Returns<O> {
  readonly __returns?: O;
}
export function returns<O>(): Returns<O> {
  return {};
}

export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
