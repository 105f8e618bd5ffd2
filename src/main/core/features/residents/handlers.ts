import type { people } from '../../../../shared/contract/residents/people';
import type { places } from '../../../../shared/contract/residents/places';
import type { visits } from '../../../../shared/contract/residents/visits';
import type { reminders } from '../../../../shared/contract/residents/reminders';
import type { HandlerMap } from '../../context';
import { codeListsHandlers } from './code-lists';
import { householdLookupHandlers } from './household-lookup';
import { householdsHandlers } from './households';
import { peopleHandlers } from './people/handlers';
import { lifecycleHandlers } from './people/lifecycle';
import { placesHandlers } from './places/handlers';
import { remindersHandlers } from './reminders';
import { searchHandlers } from './search';
import { tagsHandlers } from './tags';
import { unplacedHandlers } from './unplaced';
import { visitsHandlers } from './visits/handlers';

/** Every residents method but the imports (which have their own handlers). */
export const residentsHandlers: HandlerMap<keyof typeof places | keyof typeof people | keyof typeof visits | keyof typeof reminders> = {
  ...placesHandlers,
  ...peopleHandlers,
  ...lifecycleHandlers,
  ...searchHandlers,
  ...householdsHandlers,
  ...householdLookupHandlers,
  ...visitsHandlers,
  ...tagsHandlers,
  ...remindersHandlers,
  ...unplacedHandlers,
  ...codeListsHandlers,
};
