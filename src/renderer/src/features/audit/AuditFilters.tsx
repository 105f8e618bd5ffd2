import { Autocomplete, Button, Group, Select, Text } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditFilter } from '@shared/contract/audit';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { useLoad } from '../../components/use-load';
import { DateField } from '../../components/DateField';
import { useSignedIn } from '../../app/session-context';
import { ResidentPicker } from '../residents';
import { actionLabel, areaLabel, knownActions } from './labels';

interface FilterValues {
  userId: string | null;
  area: string | null;
  from: string | null;
  to: string | null;
  action: string;
  /** One resident's trail (their record's id), for users who may read the register. */
  recordId: string | null;
}
const empty: FilterValues = { userId: null, area: null, from: null, to: null, action: '', recordId: null };

/** The action filter matches codes exactly: a typed name (登录) is turned into its code (auth.login). */
function actionCode(t: TFunction, typed: string): string {
  if (!typed) return '';
  const known = knownActions();
  if (known.includes(typed)) return typed;
  return known.find((code) => actionLabel(t, code) === typed) ?? typed;
}

const isDateOrEmpty = (v: string | null) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v);

/** 操作人, 模块, 日期, 操作: applied on 查询 (or Enter), so typing a date does not fire half-typed queries. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const actors = useLoad(() => api.call('audit.actors', {}), []);
  const areas = useLoad(() => api.call('audit.areas', {}), []);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: empty,
    validate: (v) => ({
      from: isDateOrEmpty(v.from) ? null : t('errors.contract.date_format'),
      to: !isDateOrEmpty(v.to) ? t('errors.contract.date_format') : v.from && v.to && v.to < v.from ? t('errors.contract.date_range') : null,
    }),
  });

  const submit = form.onSubmit((v) => {
    onApply({
      userId: v.userId ?? undefined,
      area: v.area ?? undefined,
      from: v.from ?? undefined,
      to: v.to ?? undefined,
      action: actionCode(t, v.action.trim()) || undefined,
      recordId: v.recordId ?? undefined,
    });
  });

  function clear() {
    form.reset();
    onApply({});
  }

  const actionOptions = knownActions();
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('audit.filters.actor')}
          placeholder={t('audit.filters.anyone')}
          data={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          searchable
          clearable
          w={150}
          autoFocus
          key={form.key('userId')}
          {...form.getInputProps('userId')}
        />
        <Select
          label={t('audit.filters.area')}
          placeholder={t('audit.filters.anyArea')}
          data={(areas.data ?? []).map((a) => ({ value: a, label: areaLabel(t, a) }))}
          clearable
          w={130}
          key={form.key('area')}
          {...form.getInputProps('area')}
        />
        {can('residents.read') && (
          <ResidentPicker label={t('audit.filters.resident')} w={260} includeArchived key={form.key('recordId')} {...form.getInputProps('recordId')} />
        )}
        <DateField w={160} label={t('audit.filters.from')} key={form.key('from')} {...form.getInputProps('from')} />
        <DateField w={160} label={t('audit.filters.to')} key={form.key('to')} {...form.getInputProps('to')} />
        <Autocomplete
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.actionPlaceholder')}
          data={actionOptions}
          // Suggestions show the action's name and match on it as well as on the code.
          filter={({ options, search }) => {
            const q = search.trim().toLowerCase();
            return options.filter((o) => 'value' in o && (o.value.toLowerCase().includes(q) || actionLabel(t, o.value).toLowerCase().includes(q)));
          }}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{actionLabel(t, option.value)}</Text>
              <Text size="xs" c="dimmed">
                {option.value}
              </Text>
            </Group>
          )}
          w={180}
          comboboxProps={{ width: 300, position: 'bottom-start' }}
          key={form.key('action')}
          {...form.getInputProps('action')}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit" leftSection={<IconSearch size={16} />}>
            {t('audit.filters.apply')}
          </Button>
          <Button variant="default" leftSection={<IconX size={16} />} onClick={clear}>
            {t('audit.filters.clear')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
