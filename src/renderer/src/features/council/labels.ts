import type { MeetingState } from '@shared/contract/council';

/** The colour of a meeting's state badge. */
export const stateColour: Record<MeetingState, string> = { draft: 'gray', notified: 'blue', open: 'green', closed: 'dark' };
