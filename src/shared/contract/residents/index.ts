import { places } from './places';
import { people } from './people';
import { visits } from './visits';
import { imports } from './imports';
import { reminders } from './reminders';

/** The resident registry (实有人口): places, people, visits, imports, reminders. */
export const residents = {
  ...places,
  ...people,
  ...visits,
  ...imports,
  ...reminders,
};

export * from './common';
export * from './places';
export * from './people';
export * from './visits';
export * from './imports';
export * from './reminders';
export * from './permissions';
