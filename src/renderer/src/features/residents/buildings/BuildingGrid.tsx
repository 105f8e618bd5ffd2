import { Fragment, type KeyboardEvent } from 'react';
import { ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BuildingView } from '@shared/contract/residents';
import { unitLabel } from '../common/room-label';
import { BuildingCellButton } from './BuildingCellButton';
import { layoutOf } from './grid-layout';
import './building-grid.css';

/** Arrow keys move between rooms as they sit in the building; Tab still walks them in reading order. */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
  const from = event.target as HTMLElement;
  if (!step || !from.dataset.row) return;
  const row = Number(from.dataset.row) + step[0];
  const col = Number(from.dataset.col) + step[1];
  const next = event.currentTarget.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The 楼盘表 itself: floors top to bottom, each unit's rooms side by side under its name. */
export function BuildingGrid({ view }: { view: BuildingView }) {
  const { t } = useTranslation();
  const layout = layoutOf(view);
  // Column numbers run across units, so Left/Right can cross from one unit into the next.
  const firstCol = new Map<string, number>();
  let col = 0;
  for (const u of layout.units) {
    firstCol.set(u.unit, col);
    col += u.width;
  }
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <table className="linli-bg-table" onKeyDown={moveFocus} aria-label={t('residents.buildings.gridLabel', { name: view.building.label })}>
        <thead>
          <tr>
            <th className="linli-bg-floor" scope="col">
              <span style={{ fontWeight: 400 }}>{t('residents.buildings.floor')}</span>
            </th>
            {layout.units.map((u, i) => (
              <Fragment key={u.unit}>
                {i > 0 && <th className="linli-bg-gap" aria-hidden />}
                <th className="linli-bg-unit" colSpan={u.width} scope="colgroup">
                  {unitLabel(t, u.unit)}
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.floors.map((floor, row) => (
            <tr key={floor}>
              <th className="linli-bg-floor" scope="row">
                {t('residents.buildings.floorN', { floor })}
              </th>
              {layout.units.map((u, i) => {
                const cells = layout.at(floor, u.unit);
                return (
                  <Fragment key={u.unit}>
                    {i > 0 && <td className="linli-bg-gap" aria-hidden />}
                    {Array.from({ length: u.width }, (_, k) => (
                      <td key={k}>
                        {cells[k] ? (
                          <BuildingCellButton cell={cells[k]} row={row} col={firstCol.get(u.unit)! + k} />
                        ) : (
                          <div className="linli-bg-empty" aria-hidden />
                        )}
                      </td>
                    ))}
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
