import zhCN from './zh-CN.json';
import en from './en.json';

/** The charity area's strings that main uses too (errors, audit actions, its area name). */
export const charitySharedStrings = { 'zh-CN': zhCN, en };
