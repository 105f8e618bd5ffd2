// The merge is shared with main (reports, the CLI): one implementation, in src/shared/i18n.
export { deepMerge, type LocaleTree } from '@shared/i18n/merge';
