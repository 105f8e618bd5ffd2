import type { ImportMapping, ImportProblem } from '../../../../../shared/contract/residents/imports';
import { translator, type Locale } from '../../../../../shared/i18n/translate';

/**
 * A row's problems as one sentence a clerk can act on, naming the row, the column as the file calls it
 * and what to fix: "第 12 行：「身份证号」号码有误（校验不通过），请对照身份证逐位核对". Used by the error report.
 */
export function problemsText(problems: ImportProblem[], mapping: ImportMapping, locale: Locale = 'zh-CN'): string {
  const t = translator(locale);
  const parts = problems.map((p) => {
    const key = `errors.${p.code}`;
    let message = t(key, p.params);
    if (message === key) message = p.code;
    const value = p.params?.value;
    if (value !== undefined && !message.includes(String(value))) message += t('importReport.value', { value });
    if (!p.field) return message;
    const column = mapping[p.field] || t(`importReport.fields.${p.field}`);
    return locale === 'zh-CN' ? `「${column}」${message}` : `${column}: ${message}`;
  });
  const row = problems[0] ? `${t('importReport.row', { row: problems[0].row })}${locale === 'zh-CN' ? '：' : ': '}` : '';
  return row + parts.join(locale === 'zh-CN' ? '；' : '; ');
}
