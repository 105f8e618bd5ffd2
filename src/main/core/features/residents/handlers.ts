import type { residents } from '../../../../shared/contract/residents';
import type { HandlerMap } from '../../context';
import { codeListsHandlers } from './code-lists';
import { importHandlers } from './import/handlers';
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

/** Every residents method. */
export const residentsHandlers: HandlerMap<keyof typeof residents> = {
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
  ...importHandlers,
};
