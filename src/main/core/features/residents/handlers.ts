import type { places } from '../../../../shared/contract/residents/places';
import type { HandlerMap } from '../../context';
import { placesHandlers } from './places/handlers';

/** Every residents method but the imports (which have their own handlers). */
export const residentsHandlers: HandlerMap<keyof typeof places> = {
  ...placesHandlers,
};
