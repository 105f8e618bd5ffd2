import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { holidayKinds, type HolidayDay, type HolidayKind, type HolidayYear } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useHallToday } from '../../../components/today';
import { holidayDayProblem, parseHolidayLines, type HolidayLineError, type HolidayProblem } from './parse-holiday-lines';

interface DayRow {
  key: string;
  date: string | null;
  kind: HolidayKind;
  note: string;
}

let nextKey = 0;
function dayRow(day?: HolidayDay): DayRow {
  nextKey += 1;
  return { key: `d${nextKey}`, date: day?.date ?? null, kind: day?.kind ?? 'off', note: day?.note ?? '' };
}

/** Each row's problem, by its key (a row may not be saved while one has any). */
function rowProblems(rows: DayRow[], year: number | null): Map<string, HolidayProblem> {
  const problems = new Map<string, HolidayProblem>();
  const seen = new Set<string>();
  for (const row of rows) {
    const problem = holidayDayProblem(row, year, seen);
    if (problem) problems.set(row.key, problem);
    if (row.date) seen.add(row.date);
  }
  return problems;
}

/**
 * 录入/更正某年: a year's holidays and make-up working days, typed row by row or pasted from the notice
 * (`2027-01-01 放假 元旦`, one day a line). Pasted text is read first and every line that cannot be read
 * is named with its number; nothing is saved until the list is right. Saving replaces the year as a whole.
 */
export function HolidayYearModal({
  year: editing,
  known,
  onClose,
  onSaved,
}: {
  /** The year being corrected, or null to enter a new one. */
  year: HolidayYear | null;
  known: HolidayYear[];
  onClose: () => void;
  onSaved: (saved: HolidayYear) => void;
}) {
  const { t } = useTranslation();
  const today = useHallToday();
  const nextYear = Math.max(Number(today.slice(0, 4)), ...known.map((k) => k.year)) + (editing ? 0 : 1);
  const [year, setYear] = useState<number | string>(editing?.year ?? nextYear);
  const [rows, setRows] = useState<DayRow[]>(() => (editing?.days ?? []).map(dayRow));
  const [pasted, setPasted] = useState('');
  const [lineErrors, setLineErrors] = useState<HolidayLineError[]>([]);
  const [readCount, setReadCount] = useState<number | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const yearNumber = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
  const existing = known.find((k) => k.year === yearNumber);
  const problems = rowProblems(rows, yearNumber);
  const update = (key: string, patch: Partial<DayRow>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function readPasted() {
    const parsed = parseHolidayLines(pasted, yearNumber);
    setLineErrors(parsed.errors);
    if (parsed.errors.length > 0 || parsed.days.length === 0) {
      setReadCount(null);
      return;
    }
    setRows(parsed.days.map(dayRow));
    setReadCount(parsed.days.length);
  }

  async function save() {
    setShowProblems(true);
    setError(null);
    if (!yearNumber || rows.length === 0 || problems.size > 0) return;
    setBusy(true);
    try {
      const days = rows.map((r) => ({ date: r.date!, kind: r.kind, note: r.note.trim() })).sort((a, b) => a.date.localeCompare(b.date));
      const saved = await api.call('hall.saveHolidayYear', { year: yearNumber, days });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const kindOptions = holidayKinds.map((k) => ({ value: k, label: t(`hall.holidays.kinds.${k}`) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('hall.holidays.correctTitle', { year: editing.year }) : t('hall.holidays.enter')}
      size={860}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <NumberInput
          label={t('hall.holidays.year')}
          value={year}
          onChange={setYear}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={160}
          disabled={!!editing}
          error={showProblems && !yearNumber ? t('hall.holidays.badYear') : undefined}
        />
        {existing && !editing && (
          <Alert color="yellow" variant="light">
            {t('hall.holidays.replaces', { year: existing.year, source: t(`hall.holidays.sources.${existing.source}`), count: existing.days.length })}
          </Alert>
        )}
        <Textarea
          label={t('hall.holidays.paste')}
          description={t('hall.holidays.pasteHint')}
          placeholder={t('hall.holidays.pastePlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          value={pasted}
          onChange={(e) => {
            setPasted(e.currentTarget.value);
            setReadCount(null);
          }}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group>
          <Button variant="light" onClick={readPasted} disabled={!pasted.trim()}>
            {t('hall.holidays.read')}
          </Button>
          {readCount !== null && (
            <Text size="sm" c="teal.7" role="status">
              {t('hall.holidays.readDone', { count: readCount })}
            </Text>
          )}
        </Group>
        {lineErrors.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('hall.holidays.lineErrorsTitle', { count: lineErrors.length })}>
            <List size="sm" spacing={2}>
              {lineErrors.map((e) => (
                <List.Item key={e.line}>
                  {t('hall.holidays.lineError', { line: e.line, text: e.text, reason: t(`hall.holidays.problems.${e.reason}`, { year: yearNumber ?? '' }) })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('hall.holidays.daysTitle', { count: rows.length })}
          </Text>
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, dayRow()])}>
            {t('hall.holidays.addDay')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c={showProblems ? 'red' : 'dimmed'}>
            {t('hall.holidays.noDays')}
          </Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} aria-label={t('hall.holidays.daysTableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>{t('hall.holidays.date')}</Table.Th>
                <Table.Th w={150}>{t('hall.holidays.kind')}</Table.Th>
                <Table.Th>{t('hall.holidays.note')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const problem = showProblems ? problems.get(row.key) : undefined;
                const n = i + 1;
                return (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <DateField
                        aria-label={t('hall.holidays.dateOf', { n })}
                        value={row.date}
                        onChange={(date) => update(row.key, { date })}
                        error={problem && problem !== 'note' ? t(`hall.holidays.problems.${problem}`, { year: yearNumber ?? '' }) : undefined}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('hall.holidays.kindOf', { n })}
                        data={kindOptions}
                        value={row.kind}
                        onChange={(v) => v && update(row.key, { kind: v as HolidayKind })}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('hall.holidays.noteOf', { n })}
                        value={row.note}
                        onChange={(e) => update(row.key, { note: e.currentTarget.value })}
                        error={problem === 'note' ? t('hall.holidays.problems.note') : undefined}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                        aria-label={t('hall.holidays.removeDay', { n })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {showProblems && problems.size > 0 && (
          <Text size="sm" c="red" role="alert">
            {t('hall.holidays.fixRows', { count: problems.size })}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('hall.holidays.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
