import type { Locale } from '../../shared/i18n/translate';

/**
 * The command line's own words. Error codes from core are translated with the app's own catalogue
 * (`errors.<code>`); these are only what the CLI says around them.
 */
const zh = {
  usageHint: (cmd: string) => `运行 \`linli ${cmd} --help\` 查看用法。`,
  unknownCommand: (name: string) => `未知的命令：${name}`,
  missingCommand: '请指定一个命令。',
  missingOption: (name: string) => `缺少必填参数 --${name}`,
  badValue: (name: string, value: string, allowed: string) => `参数 --${name} 的值“${value}”无效，可用的值：${allowed}`,
  extraArguments: (args: string) => `多余的参数：${args}`,
  needsUser: '此命令会写入数据，请用 --user 指明您的用户名（密码从标准输入读取），以便审计记录写明操作人。',
  noPassword: (what: string) => `标准输入中缺少${what}。`,
  yourPassword: '您的密码',
  newUserPassword: '新用户的密码',
  newPasswordAgain: '再次输入新密码',
  passwordsDiffer: '两次输入的密码不一致。',
  noDatabase: (path: string) => `找不到数据文件 ${path}。请先运行 \`linli init --db ${path} …\`，或用 --db / LINLI_DB 指定数据文件。`,
  newestBackup: (path: string) => `最新的可用备份：${path}`,
  restoreWith: (command: string) => `恢复命令：${command}`,
  noGoodBackup: (folder: string) => `备份文件夹 ${folder} 中没有通过校验的备份。`,
  adminPlaceholder: '<管理员用户名>',
  internalError: (message: string) => `程序内部错误：${message}`,
  // init
  initDone: (path: string, community: string, admin: string) => `已初始化数据文件 ${path}：社区“${community}”，管理员 ${admin}。`,
  // serve
  serveDetails: (db: string, backups: string) => `数据文件：${db}\n备份文件夹：${backups}\n按 Ctrl+C 停止。`,
  rendererMissing: (dir: string) => `注意：界面尚未构建（${dir} 不存在），请先运行 \`npx electron-vite build\`。`,
  portInUse: (port: number) => `端口 ${port} 已被占用，请用 --port 换一个端口。`,
  stopped: '邻里已停止。',
  // backup
  backupDone: (path: string, bytes: number) => `备份完成并已校验：${path}（${bytes} 字节）`,
  backupFailed: (path: string, problem: string) => `备份失败：${path}：${problem}`,
  backupListHeader: (folder: string) => `备份文件夹：${folder}`,
  backupListRow: (at: string, kind: string, ok: boolean, path: string, exists: boolean) => `${at}  ${kind}  ${ok ? '已校验' : '失败'}  ${path}${exists ? '' : '（文件已不存在）'}`,
  // restore
  restoreDone: (from: string, saved: string) => `已从 ${from} 恢复。恢复前的数据已保存为 ${saved}。`,
  restoreReplacedDamaged: (kept: string) => `原数据文件无法打开，已原样移到 ${kept}。`,
  restoreKeyMissing: (keyFile: string): string =>
    `注意：这份备份是用另一台电脑上的密钥加密的，本机没有它，身份证号和电话无法显示或保存。请把备份时导出的 linli.key 放到 ${keyFile}。`,
  keyExported: (file: string): string => `字段密钥已导出到 ${file}。请与备份分开保存（另一个 U 盘）：同时拿到两者的人能看到全部身份证号。`,
  backupHasNoKey: '这份备份不含密钥文件 linli.key；在另一台电脑上恢复时需要它，请用 linli backup --export-key 文件夹 另行导出到另一个 U 盘。',
  restoreUnverified: (verdict: string): string =>
    verdict === 'mismatch'
      ? '警告：这份备份与备份时记录的校验值（SHA-256）不一致，它在备份后被改动过。已按 --accept-unverified 恢复，并记入审计日志。'
      : '警告：没有这份备份的校验记录，无法确认它未被改动。已按 --accept-unverified 恢复，并记入审计日志。',
  // verify
  verifyIntegrityOk: '完整性检查：通过',
  verifyIntegrityFailed: (detail: string) => `完整性检查：未通过：${detail}`,
  verifyChainOk: (chain: string, count: number, head: string) => `${chain}：正常，共 ${count} 条记录，链头 ${head}`,
  verifyChainBroken: (chain: string, seq: number, reason: string) => `${chain}：在第 ${seq} 条记录处断开：${reason}`,
  verifyOk: (path: string) => `校验通过：${path}`,
  verifyFailed: (path: string) => `校验未通过：${path}`,
  chainNames: { audit: '审计日志链', charity: '慈善账本链' } as Record<string, string>,
  chainReasons: {
    prev_hash_mismatch: '前一哈希值与上一条记录不符（记录被删除、插入或调换了顺序）',
    hash_mismatch: '记录内容与其哈希值不符（记录被改动过）',
    sequence_gap: '序号不连续（有记录被删除）',
    unbalanced_entry: '分录借贷不平衡',
  } as Record<string, string>,
  // report
  unknownReport: (name: string, names: string) => `没有名为“${name}”的报表。可用的报表：${names}`,
  reportProgress: (done: number, total: number) => `正在生成报表：${done}/${total}`,
  reportDone: (path: string, bytes: number) => `报表已导出：${path}（${bytes} 字节）`,
  badParam: (text: string) => `参数 --param 应写成 名称=值：${text}`,
  // users
  usersHeader: ['用户名', '姓名', '角色', '状态', '最近登录'],
  userActive: '启用',
  userDisabled: '停用',
  userAdded: (username: string) => `已添加用户 ${username}。`,
  userDisabledDone: (username: string) => `已停用用户 ${username}。`,
  userEnabledDone: (username: string) => `已启用用户 ${username}。`,
  passwordReset: (username: string) => `已重设用户 ${username} 的密码。`,
  userNotFound: (username: string) => `找不到用户 ${username}。`,
  unknownSubcommand: (name: string, allowed: string) => `未知的子命令：${name}（可用：${allowed}）`,
  missingUsername: '请给出要操作的用户名，例如：linli users disable zhangsan …',
};

export type Texts = typeof zh;

const en: Texts = {
  usageHint: (cmd) => `Run \`linli ${cmd} --help\` for usage.`,
  unknownCommand: (name) => `Unknown command: ${name}`,
  missingCommand: 'Please name a command.',
  missingOption: (name) => `Missing required option --${name}`,
  badValue: (name, value, allowed) => `Invalid value "${value}" for --${name}; allowed: ${allowed}`,
  extraArguments: (args) => `Unexpected arguments: ${args}`,
  needsUser: 'This command writes: name yourself with --user (password on standard input) so that the audit trail names who did it.',
  noPassword: (what) => `Standard input is missing ${what}.`,
  yourPassword: 'your password',
  newUserPassword: "the new user's password",
  newPasswordAgain: 'the new password again',
  passwordsDiffer: 'The two passwords differ.',
  noDatabase: (path) => `No data file at ${path}. Run \`linli init --db ${path} …\` first, or name the file with --db / LINLI_DB.`,
  newestBackup: (path) => `Newest good backup: ${path}`,
  restoreWith: (command) => `To restore it: ${command}`,
  noGoodBackup: (folder) => `No backup in ${folder} passes verification.`,
  adminPlaceholder: '<admin user name>',
  internalError: (message) => `Internal error: ${message}`,
  initDone: (path, community, admin) => `Initialised ${path}: community "${community}", administrator ${admin}.`,
  serveDetails: (db, backups) => `Data file: ${db}\nBackup folder: ${backups}\nPress Ctrl+C to stop.`,
  rendererMissing: (dir) => `Note: the UI is not built (${dir} is missing); run \`npx electron-vite build\` first.`,
  portInUse: (port) => `Port ${port} is in use; choose another with --port.`,
  stopped: 'Linli has stopped.',
  backupDone: (path, bytes) => `Backup written and verified: ${path} (${bytes} bytes)`,
  backupFailed: (path, problem) => `Backup FAILED: ${path}: ${problem}`,
  backupListHeader: (folder) => `Backup folder: ${folder}`,
  backupListRow: (at, kind, ok, path, exists) => `${at}  ${kind}  ${ok ? 'verified' : 'FAILED'}  ${path}${exists ? '' : ' (file no longer exists)'}`,
  restoreDone: (from, saved) => `Restored from ${from}. The data from before was saved as ${saved}.`,
  restoreReplacedDamaged: (kept) => `The old data file could not be opened; it was moved, unchanged, to ${kept}.`,
  restoreKeyMissing: (keyFile) =>
    `Note: this backup was encrypted with another computer's key, which is not here: ID numbers and phones cannot be shown or saved. ` +
    `Put the linli.key exported with the backup at ${keyFile}.`,
  keyExported: (file) =>
    `The field key was exported to ${file}. Keep it apart from the backups (another USB stick): whoever holds both can read every ID number.`,
  backupHasNoKey:
    'This backup does not contain the key file linli.key, which a restore on another computer needs: ' +
    'export it with linli backup --export-key DIR, to another USB stick.',
  restoreUnverified: (verdict) =>
    verdict === 'mismatch'
      ? 'WARNING: this backup differs from the checksum (SHA-256) recorded when it was made: it was changed afterwards. ' +
        'Restored because of --accept-unverified; the audit trail says so.'
      : 'WARNING: there is no checksum on record for this backup, so nothing shows it is unchanged. ' +
        'Restored because of --accept-unverified; the audit trail says so.',
  verifyIntegrityOk: 'Integrity check: ok',
  verifyIntegrityFailed: (detail) => `Integrity check FAILED: ${detail}`,
  verifyChainOk: (chain, count, head) => `${chain}: ok, ${count} records, head ${head}`,
  verifyChainBroken: (chain, seq, reason) => `${chain}: broken at record ${seq}: ${reason}`,
  verifyOk: (path) => `Verified: ${path}`,
  verifyFailed: (path) => `Verification FAILED: ${path}`,
  chainNames: { audit: 'Audit trail chain', charity: 'Charity ledger chain' },
  chainReasons: {
    prev_hash_mismatch: 'prev_hash does not match the record before it (a record was deleted, inserted or moved)',
    hash_mismatch: 'content does not match its hash (the record was changed)',
    sequence_gap: 'sequence numbers skip (a record was deleted)',
    unbalanced_entry: 'the entry does not balance',
  },
  unknownReport: (name, names) => `No report named "${name}". Reports: ${names}`,
  reportProgress: (done, total) => `Building the report: ${done}/${total}`,
  reportDone: (path, bytes) => `Report written: ${path} (${bytes} bytes)`,
  badParam: (text) => `--param takes NAME=VALUE: ${text}`,
  usersHeader: ['User', 'Name', 'Roles', 'Status', 'Last sign-in'],
  userActive: 'active',
  userDisabled: 'disabled',
  userAdded: (username) => `Added user ${username}.`,
  userDisabledDone: (username) => `Disabled user ${username}.`,
  userEnabledDone: (username) => `Enabled user ${username}.`,
  passwordReset: (username) => `Reset the password of ${username}.`,
  userNotFound: (username) => `No user named ${username}.`,
  unknownSubcommand: (name, allowed) => `Unknown subcommand: ${name} (one of: ${allowed})`,
  missingUsername: 'Name the user, e.g. linli users disable zhangsan …',
};

export const texts: Record<Locale, Texts> = { 'zh-CN': zh, en };

/** `--locale` if given, else the environment's language (LC_ALL, LC_MESSAGES, LANG), else Chinese. */
export function pickLocale(flag: string | undefined, env: Record<string, string | undefined>): Locale {
  if (flag === 'en' || flag === 'zh-CN') return flag;
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
