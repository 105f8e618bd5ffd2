// Words of the native shell (menus, start-up dialogs). The screens translate through i18next; these few
// belong to the Electron host alone, in the hall's language.

export const PRODUCT_NAME = '邻里 Linli';

export const zh = {
  menu: {
    file: '文件',
    openDataFolder: '打开数据文件夹',
    openBackupFolder: '打开备份文件夹',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    help: '帮助',
    about: '关于邻里',
  },
  startup: {
    openFailedTitle: '无法打开数据文件',
    restoreFromBackup: '从备份恢复…',
    openOther: '打开其他数据文件…',
    quit: '退出',
    chooseBackupTitle: '选择要恢复的备份文件',
    chooseDatabaseTitle: '选择邻里数据文件',
    backupFilter: '邻里数据文件',
    allFiles: '所有文件',
    restoredTitle: '已从备份恢复',
    restored: (backup: string, aside: string) => `已用备份 ${backup} 恢复数据。\n无法打开的原文件没有删除，已改名保存为：\n${aside}`,
    restoreFailedTitle: '无法使用这个备份',
    fatalTitle: '邻里无法启动',
  },
  dialogs: {
    saveExportTitle: '保存导出文件',
    chooseFolderTitle: '选择文件夹',
    chooseBackupTitle: '选择备份文件',
  },
  about: (version: string, database: string, schema: number) => `版本 ${version}\n数据文件：${database}\n数据版本：${schema}`,
} as const;

/** Save-dialog filters for an export, by its extension. */
export function exportFilters(fileName: string): { name: string; extensions: string[] }[] {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const names: Record<string, string> = { pdf: 'PDF 文档', docx: 'Word 文档', xlsx: 'Excel 工作簿', csv: 'CSV 表格' };
  const all = { name: zh.startup.allFiles, extensions: ['*'] };
  return ext ? [{ name: names[ext] ?? ext.toUpperCase(), extensions: [ext] }, all] : [all];
}
