import { useTranslation } from 'react-i18next';
import { useGrids } from '../common/use-catalog';
import { EditableListTab } from './EditableListTab';
import { GridModal } from './GridModal';

export function GridsTab() {
  const { t } = useTranslation();
  const grids = useGrids();
  return (
    <EditableListTab
      intro={t('residents.places.gridsIntro')}
      addLabel={t('residents.places.newGrid')}
      tableLabel={t('residents.places.grids')}
      columns={[
        { header: t('residents.places.gridCode'), cell: (g) => g.code, td: { ff: 'monospace' } },
        { header: t('residents.places.gridName'), cell: (g) => g.name, td: { fw: 600 } },
        { header: t('residents.places.workerName'), cell: (g) => g.workerName || '—' },
        { header: t('residents.places.workerPhone'), cell: (g) => g.workerPhone || '—' },
        { header: t('residents.places.complaintPhone'), cell: (g) => g.complaintPhone || '—' },
        { header: t('residents.places.buildingCount'), cell: (g) => g.buildingCount, td: { className: 'linli-num', style: { textAlign: 'left' } } },
      ]}
      rows={grids.data}
      error={grids.error}
      editLabel={(g) => t('residents.places.editGrid', { name: g.name })}
      modal={(grid, close) => <GridModal grid={grid} onClose={close} onSaved={() => void grids.reload()} />}
    />
  );
}
