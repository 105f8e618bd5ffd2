import type { TFunction } from 'i18next';

/** The board's due-soon window in words (窗口规则 sets it): 今天, 1个工作日内, 3个工作日内. */
export function dueSoonWindow(t: TFunction, workingDays: number): string {
  if (workingDays === 0) return t('hall.supervision.window.today');
  if (workingDays === 1) return t('hall.supervision.window.one');
  return t('hall.supervision.window.many', { n: workingDays });
}
