import type { BuildingCell } from '@shared/contract/residents';

export type CellState = BuildingCell['state'];

/**
 * The states in legend order. Their colours live in building-grid.css: 自住 green, 出租 orange (tenants are
 * who the grid worker must register), 空置 grey, 商用 violet; an overdue visit is a red mark over any of them.
 */
export const cellStates: CellState[] = ['occupied', 'rented', 'vacant', 'business'];
