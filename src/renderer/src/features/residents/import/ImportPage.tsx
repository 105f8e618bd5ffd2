import { useCallback, useState } from 'react';
import { Badge, Card, FileInput, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportChoices, ImportConstants, ImportMapping, ImportPreview } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { ConstantsEditor } from './ConstantsEditor';
import { ImportCounts } from './ImportCounts';
import { NewPlacesPanel } from './NewPlacesPanel';
import { ImportRun } from './ImportRun';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { readAsBase64 } from './read-file';

/**
 * 导入: a street office's XLSX or CSV, previewed before anything is written — the column mapping, what
 * each row would do and why a row is refused — then imported as a job with progress and a result.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [constants, setConstants] = useState<ImportConstants>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const onRunning = useCallback((r: boolean) => setRunning(r), []);

  /** Previews the file with these choices (none: the server's guess from the headers). */
  async function load(next: { name: string; content: string }, choices: ImportChoices = {}) {
    setBusy(true);
    setError(null);
    try {
      const p = await api.call('residents.importPreview', {
        fileName: next.name,
        contentBase64: next.content,
        mapping: choices.mapping ? clean(choices.mapping) : undefined,
        constants: choices.constants ? (clean(choices.constants) as ImportConstants) : undefined,
        createPlaces: choices.createPlaces,
        compoundAliases: choices.compoundAliases,
      });
      setPreview(p);
      setMapping(p.mapping);
      setConstants(p.constants);
    } catch (err) {
      setPreview(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function choose(f: File | null) {
    setPreview(null);
    setFile(null);
    if (!f) return;
    try {
      const next = { name: f.name, content: await readAsBase64(f) };
      setFile(next);
      await load(next);
    } catch (err) {
      setError(err);
    }
  }

  const dirty =
    !!preview &&
    (JSON.stringify(clean(mapping)) !== JSON.stringify(clean(preview.mapping)) ||
      JSON.stringify(clean(constants)) !== JSON.stringify(clean(preview.constants)));
  /** The choices of the preview on screen, with the mapping and constants as edited. */
  const current = (over: Partial<ImportChoices> = {}): ImportChoices => ({
    mapping,
    constants,
    createPlaces: preview?.createPlaces,
    compoundAliases: preview?.compoundAliases,
    ...over,
  });

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('residents.nav.import')} description={t('residents.import.intro')} />
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md">
          <FileInput
            label={t('residents.import.file')}
            description={t('residents.import.fileHint')}
            placeholder={t('residents.import.choose')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            leftSection={<IconFileSpreadsheet size={16} />}
            onChange={(f) => void choose(f)}
            clearable
            disabled={running}
            w={420}
          />
          {busy && <Loader size="sm" aria-label={t('residents.import.reading')} />}
        </Group>
      </Card>
      <ErrorAlert error={error} />
      {preview && file && (
        <>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="sm">
              <Group gap="xs">
                <Title order={3} fz="h5">
                  {t('residents.import.mapping')}
                </Title>
                <Badge variant="light" color="gray">
                  {preview.sheetName ? t('residents.import.fileSheet', { file: preview.fileName, sheet: preview.sheetName }) : preview.fileName}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('residents.import.totalRows', { count: preview.totalRows })}
              </Text>
            </Group>
            <Stack gap="md">
              <MappingEditor
                headers={preview.headers}
                mapping={mapping}
                unmappedHeaders={preview.unmappedHeaders}
                onChange={setMapping}
                dirty={dirty}
                onApply={() => void load(file, current())}
                applying={busy}
              />
              <ConstantsEditor mapping={mapping} constants={constants} onChange={setConstants} />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Title order={3} fz="h5" mb="sm">
              {t('residents.import.previewTitle')}
            </Title>
            <Stack gap="md">
              <ImportCounts counts={preview.counts} title={t('residents.import.previewTitle')} />
              <NewPlacesPanel preview={preview} busy={busy || running} onChange={(places) => void load(file, current(places))} />
              {dirty && (
                <Text size="sm" c="orange.8">
                  {t('residents.import.mappingChanged')}
                </Text>
              )}
              <PreviewTable rows={preview.rows} total={preview.totalRows} />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <ImportRun key={preview.importId} preview={preview} stale={dirty} onRunning={onRunning} />
          </Card>
        </>
      )}
    </Stack>
  );
}

/** Without empty entries, in key order (to compare two mappings). */
function clean(m: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(m)
      .filter(([, h]) => h)
      .sort(([a], [b]) => a.localeCompare(b)),
  ) as Record<string, string>;
}
