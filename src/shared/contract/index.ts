import { auth } from './auth';
import { users } from './users';
import { community } from './community';
import { audit } from './audit';
import { backups } from './backups';
import { reports } from './reports';
import { places } from './residents/places';
import { imports } from './residents/imports';
import { people } from './residents/people';
import { visits } from './residents/visits';
import { reminders } from './residents/reminders';
import { charity } from './charity';
import type { InputOf, OutputOf } from './define';

/**
 * The whole contract: every method the hosts expose, declared once. Main binds it, the preload exposes
 * it, the renderer's client is typed from it. Add an area by spreading its map here.
 */
export const contract = {
  ...auth,
  ...users,
  ...community,
  ...audit,
  ...backups,
  ...reports,
  // The residents area: its imports are bound by their own engineer when their handlers exist.
  ...places,
  ...imports,
  ...people,
  ...visits,
  ...reminders,
  ...charity,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** An area is what a method's name starts with (`residents.create` → `residents`). */
type AreaOf<M extends string> = M extends `${infer A}.${string}` ? A : never;
export type Area = AreaOf<MethodName>;

export function areaOf(name: MethodName): Area {
  return name.slice(0, name.indexOf('.')) as Area;
}

export const areas: readonly Area[] = [...new Set(methodNames.map(areaOf))];
