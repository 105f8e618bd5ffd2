import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportFormatName, ReportInfo, ReportParamField } from '@shared/contract/reports';
import { useForm, type FormErrors } from '../../components/form/use-form';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { monthRange } from '../../components/dates';
import { JobStatus } from '../../components/report-job/JobStatus';
import { ParamField } from './ParamField';
import { formatLabel, reportName } from '../../components/report-job/labels';
import { areaLabel } from '../../i18n/labels';
import { useReportJob } from '../../components/report-job/use-report-job';

interface Values {
  format: ReportFormatName;
  params: Record<string, unknown>;
}

/** The form for one report, generated from its declared parameters; mounted per report. */
export function ReportForm({ report }: { report: ReportInfo }) {
  const { t, i18n } = useTranslation();
  const job = useReportJob();
  const [error, setError] = useState<unknown>(null);
  // The building picker narrows to the grid chosen beside it, as on the residents list.
  const [gridId, setGridId] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { format: report.formats[0], params: defaults(report.params) },
    validate: (v) => validate(t, report.params, v.params),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      // Reports come out in the language of the screen that asked for them.
      await job.start(report.name, v.format, { ...v.params, locale: i18n.language });
    } catch (err) {
      if (!applyServerErrors(t, form, err, Object.fromEntries(report.params.map((p) => [p.name, `params.${p.name}`])))) setError(err);
    }
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={3} fz="h4">
              {reportName(t, report.name)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('reports.area', { area: areaLabel(t, report.area) })}
            </Text>
          </div>
          {report.params.length > 0 && (
            <Group align="flex-start" gap="md">
              {report.params.map((field, i) => {
                const inputProps = form.getInputProps(`params.${field.name}`);
                const onChange = (v: unknown) => {
                  inputProps.onChange(v);
                  if (field.type !== 'grid') return;
                  setGridId(typeof v === 'string' && v ? v : null);
                  form.setFieldValue('params.building', '');
                };
                // A new grid starts the building picker afresh (its key changes with the grid).
                const key = `${form.key(`params.${field.name}`)}${field.type === 'building' ? `:${gridId ?? ''}` : ''}`;
                return <ParamField key={key} field={field} inputProps={{ ...inputProps, onChange }} autoFocus={i === 0} gridId={gridId} />;
              })}
            </Group>
          )}
          <Radio.Group
            label={t('reports.format')}
            defaultValue={report.formats[0]}
            onChange={(value) => form.setFieldValue('format', value)}
            key={form.key('format')}
          >
            <Group gap="lg" mt={6}>
              {report.formats.map((f) => (
                <Radio key={f} value={f} label={formatLabel(t, f)} />
              ))}
            </Group>
          </Radio.Group>
          <ErrorAlert error={error} />
          <Group>
            <Button type="submit" leftSection={<IconFileExport size={16} />} loading={job.state.phase === 'running' && !job.state.jobId} disabled={job.busy}>
              {t('reports.generate')}
            </Button>
          </Group>
          <JobStatus state={job.state} save={job.save} onCancel={() => job.cancel().catch(setError)} />
        </Stack>
      </form>
    </Card>
  );
}

function defaults(fields: ReportParamField[]): Record<string, unknown> {
  const month = monthRange();
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'date') out[f.name] = /^(from|start)/i.test(f.name) ? month.from : /^(to|end)/i.test(f.name) ? month.to : null;
    else if (f.defaultValue !== undefined) out[f.name] = f.defaultValue;
    else if (f.type === 'boolean') out[f.name] = false;
    else if (f.type === 'select') out[f.name] = f.required ? (f.options?.[0]?.value ?? null) : null;
    else if (f.type === 'number') out[f.name] = null;
    else out[f.name] = '';
  }
  return out;
}

function validate(t: TFunction, fields: ReportParamField[], params: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {};
  for (const f of fields) {
    const v = params[f.name];
    if (f.required && (v === null || v === undefined || v === '')) errors[`params.${f.name}`] = t('errors.contract.required');
    else if (f.type === 'date' && typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) errors[`params.${f.name}`] = t('errors.contract.date_format');
  }
  const from = params.from;
  const to = params.to;
  if (!errors['params.to'] && typeof from === 'string' && typeof to === 'string' && to < from) errors['params.to'] = t('errors.contract.date_range');
  return errors;
}
