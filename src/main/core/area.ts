import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from './context';
import type { ReportDefinition } from './reports/registry';
import type { AreaSeeder } from './seed/seeder';
import type { BenchSuite } from './bench/suite';

/**
 * What an area (residents, charity, council, …) plugs into core, exported once from
 * `features/<area>/index.ts` and listed once in `areas.ts`: the dispatcher, the report centre, `linli seed`,
 * the first-run demo and `npm run bench` loop over that list. Foundation code never imports an area.
 */
export interface AreaModule<Names extends MethodName = MethodName> {
  /** The area's name: the prefix of its methods, its folders' name in contract, core and renderer. */
  name: string;
  /** A handler for every method of the area's contract map. */
  handlers: HandlerMap<Names>;
  /** Its reports, in the order the report centre lists them. */
  reports?: readonly ReportDefinition[];
  /** Synthetic data for tests, demos and benchmarks. */
  seeder?: AreaSeeder;
  /** Its part of `npm run bench`. */
  bench?: BenchSuite;
}

/** Declares an area; the method names are inferred from the handlers, so the list can check completeness. */
export function defineArea<Names extends MethodName>(area: AreaModule<Names>): AreaModule<Names> {
  return area;
}
