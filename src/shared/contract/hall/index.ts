import { hallMethods } from './methods';

/** The one-stop service counter (一站式服务大厅): the catalogue, tickets, the working-day calendar, supervision. */
export const hall = hallMethods;

export * from './types';
export { materialInput, serviceInput, registerInput, ratingInput, hallSettingsInput } from './methods';
