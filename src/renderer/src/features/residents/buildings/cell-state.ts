import type { BuildingCell } from '@shared/contract/residents';

export type CellState = BuildingCell['state'];
export const cellStates: CellState[] = ['occupied', 'rented', 'vacant', 'business'];

/**
 * The 楼盘表 colours: 自住 green, 出租 orange (tenants are who the grid worker must register), 空置 grey,
 * 商用 violet. An overdue visit is a red marker on top of any of them.
 */
export const stateColour: Record<CellState, string> = { occupied: 'teal', rented: 'orange', vacant: 'gray', business: 'violet' };
