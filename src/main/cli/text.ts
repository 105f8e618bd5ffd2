import { locales, translator, type Locale } from '../../shared/i18n/translate';

type Params = Record<string, string | number>;

/**
 * The command line's own words, read from the locale files (`cli.*` in src/shared/i18n/{zh-CN,en}.json)
 * through the shared translator. Error codes from core are translated with the app's own catalogue
 * (`errors.<code>`); these are only what the CLI says around them. Each message is a function with
 * named arguments, so that a call cannot leave a {{placeholder}} empty without the compiler noticing.
 */
export function cliTexts(locale: Locale) {
  const t = translator(locale);
  const general = (key: string, params?: Params) => t(`cli.general.${key}`, params);
  /** Every key under a section of the locale files (the base zh-CN file names them), translated. */
  const keyed = (section: string): Record<string, string> => {
    let node: unknown = locales['zh-CN'];
    for (const part of section.split('.')) node = (node as Record<string, unknown>)[part];
    return Object.fromEntries(Object.keys(node as object).map((k) => [k, t(`${section}.${k}`)]));
  };
  return {
    usageHint: (cmd: string) => general('usageHint', { cmd }),
    unknownCommand: (name: string) => general('unknownCommand', { name }),
    missingCommand: general('missingCommand'),
    missingOption: (name: string) => general('missingOption', { name }),
    badValue: (name: string, value: string, allowed: string) => general('badValue', { name, value, allowed }),
    extraArguments: (args: string) => general('extraArguments', { args }),
    needsUser: general('needsUser'),
    noPassword: (what: string) => general('noPassword', { what }),
    yourPassword: general('yourPassword'),
    newUserPassword: general('newUserPassword'),
    newPasswordAgain: general('newPasswordAgain'),
    passwordsDiffer: general('passwordsDiffer'),
    noDatabase: (path: string) => general('noDatabase', { path }),
    newestBackup: (path: string) => general('newestBackup', { path }),
    restoreWith: (command: string) => general('restoreWith', { command }),
    noGoodBackup: (folder: string) => general('noGoodBackup', { folder }),
    adminPlaceholder: general('adminPlaceholder'),
    internalError: (message: string) => general('internalError', { message }),
    // init
    initDone: (path: string, community: string, admin: string) => t('cli.init.done', { path, community, admin }),
    // serve
    serveDetails: (db: string, backups: string) => t('cli.serve.details', { db, backups }),
    rendererMissing: (dir: string) => t('cli.serve.rendererMissing', { dir }),
    portInUse: (port: number) => t('cli.serve.portInUse', { port }),
    stopped: t('cli.serve.stopped'),
    // backup
    backupDone: (path: string, bytes: number) => t('cli.backup.done', { path, bytes }),
    backupFailed: (path: string, problem: string) => t('cli.backup.failed', { path, problem }),
    backupListHeader: (folder: string) => t('cli.backup.listHeader', { folder }),
    backupListRow: (at: string, kind: string, ok: boolean, path: string, exists: boolean) => {
      const status = t(ok ? 'cli.backup.verified' : 'cli.backup.failedMark');
      return t('cli.backup.listRow', { at, kind, path, status, gone: exists ? '' : t('cli.backup.fileGone') });
    },
    keyExported: (file: string) => t('cli.backup.keyExported', { file }),
    backupHasNoKey: t('cli.backup.hasNoKey'),
    // restore
    restoreDone: (from: string, saved: string) => t('cli.restore.done', { from, saved }),
    restoreReplacedDamaged: (kept: string) => t('cli.restore.replacedDamaged', { kept }),
    restoreKeyMissing: (keyFile: string) => t('cli.restore.keyMissing', { keyFile }),
    restoreUnverified: (verdict: string) => t(verdict === 'mismatch' ? 'cli.restore.unverifiedMismatch' : 'cli.restore.unverifiedNoChecksum'),
    // verify
    verifyIntegrityOk: t('cli.verify.integrityOk'),
    verifyIntegrityFailed: (detail: string) => t('cli.verify.integrityFailed', { detail }),
    verifyChainOk: (chain: string, count: number, head: string) => t('cli.verify.chainOk', { chain, count, head }),
    verifyChainBroken: (chain: string, seq: number, reason: string) => t('cli.verify.chainBroken', { chain, seq, reason }),
    verifyOk: (path: string) => t('cli.verify.ok', { path }),
    verifyFailed: (path: string) => t('cli.verify.failed', { path }),
    chainNames: keyed('cli.verify.chainNames'),
    /** The verdicts' codes (core/chains/hash.ts), worded as on the audit screen. */
    chainReasons: keyed('chains.reasons'),
    // report
    unknownReport: (name: string, names: string) => t('cli.report.unknown', { name, names }),
    reportProgress: (done: number, total: number) => t('cli.report.progress', { done, total }),
    reportDone: (path: string, bytes: number) => t('cli.report.done', { path, bytes }),
    badParam: (text: string) => t('cli.report.badParam', { text }),
    // users
    usersHeader: ['username', 'name', 'roles', 'status', 'lastLogin'].map((c) => t(`cli.users.header.${c}`)),
    roleSeparator: t('cli.users.roleSeparator'),
    userActive: t('cli.users.active'),
    userDisabled: t('cli.users.disabled'),
    userAdded: (username: string) => t('cli.users.added', { username }),
    userDisabledDone: (username: string) => t('cli.users.disabledDone', { username }),
    userEnabledDone: (username: string) => t('cli.users.enabledDone', { username }),
    passwordReset: (username: string) => t('cli.users.passwordReset', { username }),
    userNotFound: (username: string) => t('cli.users.notFound', { username }),
    unknownSubcommand: (name: string, allowed: string) => t('cli.users.unknownSubcommand', { name, allowed }),
    missingUsername: t('cli.users.missingUsername'),
    // seed
    seedStopped: (seconds: number) => t('cli.seed.stopped', { seconds }),
    demoNotNew: (path: string) => t('cli.seed.demoNotNew', { path }),
    demoCreating: (path: string, residents: number, firstRun: boolean) => {
      const creating = t('cli.seed.demoCreating', { path, residents, firstRun: firstRun ? t('cli.seed.demoFirstRun', { path }) : '' });
      return firstRun ? `${creating}\n${t('cli.seed.demoInitHint')}` : creating;
    },
    demoReady: (username: string, password: string, file: string) => [
      t('cli.seed.demoReady'),
      t('cli.seed.demoUser', { username }),
      t('cli.seed.demoPassword', { password }),
      t('cli.seed.demoSaved', { file }),
    ],
  };
}

export type Texts = ReturnType<typeof cliTexts>;

export const texts: Record<Locale, Texts> = { 'zh-CN': cliTexts('zh-CN'), en: cliTexts('en') };

/**
 * A foundation command's summary and `--help` (cli.<name>.summary and .help), in both languages:
 * `--help` shows Chinese first, then English.
 */
export function commandTexts(name: string, params: Params = {}): { summary: Record<Locale, string>; help: Record<Locale, string> } {
  const both = (key: string) => ({ 'zh-CN': translator('zh-CN')(key, params), en: translator('en')(key, params) });
  return { summary: both(`cli.${name}.summary`), help: both(`cli.${name}.help`) };
}

/** `--locale` if given, else the environment's language (LC_ALL, LC_MESSAGES, LANG), else Chinese. */
export function pickLocale(flag: string | undefined, env: Record<string, string | undefined>): Locale {
  if (flag === 'en' || flag === 'zh-CN') return flag;
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
