import { Tooltip } from '@mantine/core';
import { IconAlertTriangleFilled, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BuildingCell } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { residentsScreen } from '../common/hrefs';
import { roomLabel } from '../common/room-label';
import { cellStateLabel } from '../common/terms';

/**
 * One room. Clicking opens its household when there is exactly one, otherwise the house (which lists its
 * households, or none). The label read aloud says everything the colours and marks say, including a
 * room registered 空置 that people live in (drawn occupied, with a warning mark).
 */
export function BuildingCellButton({ cell, row, col }: { cell: BuildingCell; row: number; col: number }) {
  const { t } = useTranslation();
  const name = roomLabel(t, cell.unit, cell.room);
  const state = cellStateLabel(t, cell.state);
  const parts = [name, state, t('residents.buildings.occupants', { count: cell.occupants })];
  if (cell.vacantButOccupied) parts.push(t('residents.buildings.vacantButOccupied', { count: cell.occupants }));
  if (cell.householdIds.length > 1) parts.push(t('residents.buildings.households', { count: cell.householdIds.length }));
  if (cell.visitOverdue) parts.push(t('residents.buildings.overdue'));
  const label = parts.join(t('common.listSeparator'));

  function open() {
    if (cell.householdIds.length === 1) navigate(residentsScreen, 'household', cell.householdIds[0]);
    else navigate(residentsScreen, 'house', cell.houseId);
  }

  return (
    <Tooltip label={label} openDelay={300} withinPortal>
      <button
        type="button"
        className={`linli-bg-cell linli-bg-${cell.state}${cell.visitOverdue ? ' linli-bg-overdue' : ''}`}
        data-vacant-but-occupied={cell.vacantButOccupied || undefined}
        onClick={open}
        aria-label={label}
        data-row={row}
        data-col={col}
      >
        <span className="linli-bg-room">{cell.room}</span>
        {cell.vacantButOccupied && <IconAlertTriangleFilled className="linli-bg-warning" size={13} aria-hidden />}
        {cell.occupants > 0 && (
          <span className="linli-bg-people" aria-hidden>
            <IconUser size={11} stroke={2.2} />
            {cell.occupants}
          </span>
        )}
      </button>
    </Tooltip>
  );
}
