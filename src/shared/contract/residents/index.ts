import { places } from './places';
import { people } from './people';
import { visits } from './visits';
import { imports } from './imports';

/** The resident registry (实有人口): places, people, visits, imports. */
export const residents = {
  ...places,
  ...people,
  ...visits,
  ...imports,
};

export * from './common';
export * from './places';
export * from './people';
export * from './visits';
export * from './imports';
