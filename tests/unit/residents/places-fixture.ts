import type { TestHall } from '../support/core';

/** A grid, a compound and one building laid out with rooms: the places most tests need. */
export async function makePlaces(hall: TestHall, opts: { workerUserId?: string | null } = {}) {
  const grid = await hall.call('residents.saveGrid', {
    code: 'G01',
    name: '第一网格',
    workerUserId: opts.workerUserId ?? null,
    workerName: '李网格',
    workerPhone: '13900000001',
    complaintPhone: '0472-7654321',
  });
  const compound = await hall.call('residents.saveCompound', { name: '幸福小区' });
  const building = await hall.call('residents.saveBuilding', {
    compoundId: compound.id,
    gridId: grid.id,
    name: '3栋',
    floors: 6,
    layout: { units: 2, roomsPerFloor: 2 },
  });
  const view = await hall.call('residents.buildingView', { buildingId: building.id });
  const house = (unit: string, room: string) => {
    const cell = view.cells.find((c) => c.unit === unit && c.room === room);
    if (!cell) throw new Error(`no room ${unit}-${room}`);
    return cell.houseId;
  };
  return { grid, compound, building, house };
}

export function explainer(hall: TestHall) {
  return (q: { sql: string; parameters: readonly unknown[] }) =>
    (hall.core.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
}
