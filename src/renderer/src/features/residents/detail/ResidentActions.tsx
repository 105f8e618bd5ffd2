import { useState } from 'react';
import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconCross, IconHomeMove, IconLogin, IconLogout, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { editResidentHref } from '../common/hrefs';
import { ChangeHouseholdModal } from './ChangeHouseholdModal';
import { DatedActionModal } from './DatedActionModal';
import { MoveInModal } from './MoveInModal';

type Action = 'moveOut' | 'death' | 'moveIn' | 'household';

/** 编辑, and the life events: 迁出, 登记死亡 (active people), 迁入 (archived people), 变更户. */
export function ResidentActions({ resident, onChanged }: { resident: ResidentDetail; onChanged: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);
  if (!can('residents.write')) return null;

  return (
    <Group gap="xs">
      {resident.archived ? (
        <Button leftSection={<IconLogin size={16} />} onClick={() => setAction('moveIn')}>
          {t('residents.actions.moveIn')}
        </Button>
      ) : (
        <>
          <Button component="a" href={editResidentHref(resident.id)} leftSection={<IconPencil size={16} />}>
            {t('residents.actions.edit')}
          </Button>
          <Button variant="default" leftSection={<IconHomeMove size={16} />} onClick={() => setAction('household')}>
            {t('residents.actions.changeHousehold')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                {t('residents.actions.more')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => setAction('moveOut')}>
                {t('residents.actions.moveOut')}
              </Menu.Item>
              <Menu.Item leftSection={<IconCross size={16} />} color="red" onClick={() => setAction('death')}>
                {t('residents.actions.recordDeath')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </>
      )}
      {action === 'moveOut' && (
        <DatedActionModal
          title={t('residents.actions.moveOutTitle', { name: resident.name })}
          explain={t('residents.actions.moveOutExplain')}
          dateLabel={t('residents.actions.moveOutDate')}
          confirmLabel={t('residents.actions.moveOut')}
          onClose={close}
          onConfirm={async (on, note) => onChanged(await api.call('residents.moveOut', { id: resident.id, on, note }))}
        />
      )}
      {action === 'death' && (
        <DatedActionModal
          title={t('residents.actions.recordDeathTitle', { name: resident.name })}
          explain={t('residents.actions.recordDeathExplain')}
          dateLabel={t('residents.actions.deathDate')}
          confirmLabel={t('residents.actions.recordDeath')}
          danger
          onClose={close}
          onConfirm={async (on, note) => onChanged(await api.call('residents.recordDeath', { id: resident.id, on, note }))}
        />
      )}
      {action === 'moveIn' && <MoveInModal resident={resident} onClose={close} onDone={onChanged} />}
      {action === 'household' && <ChangeHouseholdModal resident={resident} onClose={close} onDone={onChanged} />}
    </Group>
  );
}
