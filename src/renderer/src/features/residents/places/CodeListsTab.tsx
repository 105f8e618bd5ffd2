import { useEffect, useState } from 'react';
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCodeLists } from '../common/use-catalog';
import { codeListLabel, codeLists } from '../common/terms';

/**
 * 代码表: one entry per line, in the order the form lists them. Records keep the label they were saved
 * with, so renaming an entry here does not rewrite anyone's record.
 */
export function CodeListsTab() {
  const { t } = useTranslation();
  const lists = useCodeLists();
  const [list, setList] = useState<string>('ethnicity');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setText((lists.data?.[list] ?? []).map((c) => c.label).join('\n'));
  }, [lists.data, list]);

  const labels = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const duplicates = labels.filter((l, i) => labels.indexOf(l) !== i);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await api.call('residents.saveCodeList', { list, labels });
      await lists.reload();
      notifications.show({ color: 'green', message: t('residents.places.codeListSaved', { list: codeListLabel(t, list) }) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm" maw={560}>
      <Text size="sm" c="dimmed">
        {t('residents.places.codeListsIntro')}
      </Text>
      <Select
        label={t('residents.places.codeList')}
        data={codeLists.map((l) => ({ value: l, label: codeListLabel(t, l) }))}
        value={list}
        onChange={(v) => v && setList(v)}
        allowDeselect={false}
        w={240}
      />
      <Textarea
        label={t('residents.places.codeListEntries')}
        description={t('residents.places.codeListHint', { count: labels.length })}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={18}
        error={duplicates.length ? t('residents.places.codeListDuplicate', { labels: [...new Set(duplicates)].join(t('common.listSeparator')) }) : undefined}
      />
      <ErrorAlert error={error ?? lists.error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy} disabled={!labels.length || duplicates.length > 0}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
