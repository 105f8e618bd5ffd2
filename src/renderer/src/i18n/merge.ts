// The locale trees are merged the same way in main (reports, CLI) and here.
export { deepMerge, type LocaleTree } from '@shared/i18n/merge';
