import { useState } from 'react';
import { Badge, Button, Card, Group, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HallService } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useLoad } from '../../../components/use-load';
import { useSessionState } from '../../../components/use-session-state';
import { timeLimitLabel } from '../labels';
import { ServiceGuideModal } from './ServiceGuideModal';
import { ServiceModal } from './ServiceModal';

type Open = { kind: 'guide' | 'edit' | 'archive'; service: HallService } | { kind: 'new' } | null;

/**
 * 事项目录: the services, found by code, name, category or department; archived ones on request. A row
 * opens its 办事指南 (to read and print); hall.manage adds, edits, archives and restores services.
 */
export function ServicesTab() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const manage = can('hall.manage');
  const [filter, setFilter] = useSessionState('hall.catalogue.filter', { query: '', includeArchived: false });
  const [query] = useDebouncedValue(filter.query.trim(), 250);
  const list = useLoad(() => api.call('hall.listServices', { query, includeArchived: filter.includeArchived }), [query, filter.includeArchived]);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const services = list.data ?? [];

  async function setArchived(service: HallService, archived: boolean) {
    const saved = await api.call('hall.setServiceArchived', { id: service.id, archived });
    notifications.show({
      color: 'green',
      message: t(saved.archived ? 'hall.catalogue.archivedDone' : 'hall.catalogue.restoredDone', { name: saved.name }),
    });
    await list.reload();
  }

  const columns: Column<HallService>[] = [
    { key: 'code', title: t('hall.catalogue.fields.code'), nowrap: true, mono: true, render: (s) => s.code },
    { key: 'name', title: t('hall.catalogue.fields.name'), render: (s) => s.name, cellProps: { fw: 600 } },
    { key: 'category', title: t('hall.catalogue.fields.category'), nowrap: true, render: (s) => s.category },
    { key: 'department', title: t('hall.catalogue.fields.department'), render: (s) => s.department },
    { key: 'timeLimit', title: t('hall.catalogue.fields.timeLimit'), nowrap: true, render: (s) => timeLimitLabel(t, s.timeLimitDays) },
    { key: 'materials', title: t('hall.catalogue.fields.materialCount'), numeric: true, render: (s) => s.materials.length },
    {
      key: 'state',
      title: t('hall.catalogue.fields.state'),
      nowrap: true,
      render: (s) => (
        <Badge color={s.archived ? 'gray' : 'teal'} variant="light">
          {t(s.archived ? 'hall.catalogue.archived' : 'hall.catalogue.inUse')}
        </Badge>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      nowrap: true,
      render: (s) => (
        <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen({ kind: 'guide', service: s })}>
            {t('hall.catalogue.viewGuide')}
          </Button>
          {manage && (
            <>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setOpen({ kind: 'edit', service: s })}
                aria-label={t('hall.catalogue.editNamed', { name: s.name })}
              >
                {t('common.edit')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color={s.archived ? 'teal' : 'red'}
                onClick={() => setOpen({ kind: 'archive', service: s })}
                aria-label={t(s.archived ? 'hall.catalogue.restoreNamed' : 'hall.catalogue.archiveNamed', { name: s.name })}
              >
                {t(s.archived ? 'hall.catalogue.restore' : 'hall.catalogue.archive')}
              </Button>
            </>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Card withBorder padding={0}>
      <Group justify="space-between" p="sm" gap="sm">
        <Group gap="lg">
          <TextInput
            aria-label={t('hall.catalogue.search')}
            placeholder={t('hall.catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={filter.query}
            onChange={(e) => setFilter({ ...filter, query: e.currentTarget.value })}
            w={300}
          />
          <Switch
            label={t('hall.catalogue.showArchived')}
            checked={filter.includeArchived}
            onChange={(e) => setFilter({ ...filter, includeArchived: e.currentTarget.checked })}
          />
        </Group>
        {manage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ kind: 'new' })}>
            {t('hall.catalogue.new')}
          </Button>
        )}
      </Group>
      <DataTable
        label={t('hall.catalogue.tableLabel')}
        columns={columns}
        rows={list.data}
        rowKey={(s) => s.id}
        loading={list.loading}
        error={list.error}
        empty={query ? t('hall.catalogue.noMatch') : t('hall.catalogue.none')}
        total={list.data?.length}
        totalLabel={(formatted) => t('hall.catalogue.total', { formatted })}
        onRowClick={(s) => setOpen({ kind: 'guide', service: s })}
        rowColor={(s) => (s.archived ? { c: 'dimmed' } : undefined)}
        minWidth={1000}
      />
      {open?.kind === 'guide' && (
        <ServiceGuideModal
          service={services.find((s) => s.id === open.service.id) ?? open.service}
          onClose={close}
          onEdit={manage ? () => setOpen({ kind: 'edit', service: open.service }) : undefined}
        />
      )}
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <ServiceModal
          service={open.kind === 'edit' ? open.service : null}
          known={services}
          onClose={close}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('hall.catalogue.savedDone', { name: saved.name }) });
            void list.reload();
          }}
        />
      )}
      {open?.kind === 'archive' && (
        <ConfirmModal
          opened
          title={t(open.service.archived ? 'hall.catalogue.restoreTitle' : 'hall.catalogue.archiveTitle', { name: open.service.name })}
          confirmLabel={t(open.service.archived ? 'hall.catalogue.restore' : 'hall.catalogue.archive')}
          danger={!open.service.archived}
          onClose={close}
          onConfirm={() => setArchived(open.service, !open.service.archived)}
        >
          {t(open.service.archived ? 'hall.catalogue.restoreQuestion' : 'hall.catalogue.archiveQuestion', { name: open.service.name })}
        </ConfirmModal>
      )}
    </Card>
  );
}
