import type { TFunction } from 'i18next';
import { translatedOr } from '../../i18n/labels';
import type { ReportFormatName } from '@shared/contract/reports';

export function reportName(t: TFunction, name: string): string {
  return translatedOr(t, `reportNames.${name}`, name);
}

export function paramLabel(t: TFunction, name: string): string {
  return translatedOr(t, `reports.params.${name}`, name);
}

/** An option's name from its key (reports.options.<param>.<value>), else its label as given (a locale key or plain text). */
export function optionLabel(t: TFunction, key: string, label: string): string {
  return translatedOr(t, key, translatedOr(t, label, label));
}

export function formatLabel(t: TFunction, format: ReportFormatName): string {
  switch (format) {
    case 'pdf':
      return t('reports.formats.pdf');
    case 'docx':
      return t('reports.formats.docx');
    case 'xlsx':
      return t('reports.formats.xlsx');
    case 'csv':
      return t('reports.formats.csv');
    case 'html':
      return t('reports.formats.html');
  }
}
