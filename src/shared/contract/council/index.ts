import { councilMethods } from './methods';

/** The residents' council (居民议事): bodies, meetings, roll and quorum, motions, resolutions, action items, minutes. */
export const council = councilMethods;

export * from './types';
export { bodyInput, memberInput, meetingInput, rollInput } from './methods';
export { quorumNeeded } from './quorum';
