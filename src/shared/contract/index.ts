import { auth } from './auth';
import { users } from './users';
import { community } from './community';
import { audit } from './audit';
import { backups } from './backups';
import { reports } from './reports';
import { jobs } from './jobs';
import { residents } from './residents';
import { council } from './council';
import { charity } from './charity';
import { hall } from './hall';
import type { InputOf, OutputOf } from './define';

/** The foundation's methods: sign-in, accounts, the community, audit, backups, reports, jobs. */
const foundation = {
  ...auth,
  ...users,
  ...community,
  ...audit,
  ...backups,
  ...reports,
  ...jobs,
};

/**
 * The whole contract: every method the hosts expose, declared once. Main binds it, the preload exposes
 * it, the renderer's client is typed from it. An area adds its map (src/shared/contract/<area>/index.ts)
 * as one line here.
 */
export const contract = {
  ...foundation,
  ...residents,
  ...council,
  ...charity,
  ...hall,
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
