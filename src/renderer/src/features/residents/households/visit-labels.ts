export const checklistKeys = ['family', 'category', 'facilities', 'hazards'] as const;
export type ChecklistKey = (typeof checklistKeys)[number];

/** 见到本人 green, 无人在家 grey, 拒绝 orange. */
export const outcomeColour = { met: 'teal', nobody_home: 'gray', refused: 'orange' } as const;
