import type { hall } from '../../../../shared/contract/hall';
import type { HandlerMap } from '../../context';
import { calendarHandlers } from './calendar-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { settingsHandlers } from './settings-handlers';
import { ticketsHandlers } from './tickets-handlers';

/** Every service-counter method. */
export const hallHandlers: HandlerMap<keyof typeof hall> = {
  ...catalogueHandlers,
  ...calendarHandlers,
  ...ticketsHandlers,
  ...settingsHandlers,
};
