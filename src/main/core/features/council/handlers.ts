import type { council } from '../../../../shared/contract/council';
import type { HandlerMap } from '../../context';
import { actionsHandlers } from './actions-handlers';
import { bodiesHandlers } from './bodies-handlers';
import { meetingsHandlers } from './meetings-handlers';
import { minutesHandlers } from './minutes-handlers';
import { votesHandlers } from './votes-handlers';
import { registersHandlers } from './registers-handlers';

/** Every council method. */
export const councilHandlers: HandlerMap<keyof typeof council> = {
  ...bodiesHandlers,
  ...meetingsHandlers,
  ...votesHandlers,
  ...actionsHandlers,
  ...minutesHandlers,
  ...registersHandlers,
};
