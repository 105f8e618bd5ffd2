import type { Command } from '../context';
import { stringOption } from '../args';
import { CliError } from '../errors';
import { readSecrets } from '../secrets';
import { callContract, openCore } from '../session';

export const initCommand: Command = {
  name: 'init',
  summary: { 'zh-CN': '新建数据文件：社区信息和第一位管理员', en: 'create a data file with the community and its first administrator' },
  help: {
    'zh-CN': `用法：linli init --db 文件 --community 社区名称 --admin 用户名 [--display-name 姓名] [--unit 单位名称] [--street 街道]

新建（或在空文件中设置）邻里数据文件，写入社区信息并创建第一位管理员。
管理员密码从标准输入读取（至少 10 位，混用字母、数字或符号，不能是常见密码或用户名）；在终端中运行时会提示输入（不回显）。
  --community  社区名称，例如“幸福社区”
  --admin      管理员用户名（字母、数字、_ . -）
  --display-name 管理员姓名（默认同用户名）
  --unit       单位名称，印在报表抬头（默认同社区名称）
  --street     所属街道办事处
  --json       以 JSON 输出结果
退出码：0 完成；1 被拒绝（例如已经设置过）；2 用法错误。
例：echo '管理员密码' | linli init --db linli.sqlite --community 幸福社区 --admin admin --display-name 周敏`,
    en: `Usage: linli init --db FILE --community NAME --admin USER [--display-name NAME] [--unit UNIT] [--street OFFICE]

Creates a Linli data file (or sets up an empty one) with the community's profile and the first
administrator. The administrator's password is read from standard input (at least 10 characters, mixing kinds, not a common password or the user name); on a
terminal it is asked for without echo. Exit codes: 0 done, 1 refused (already set up), 2 usage error.`,
  },
  options: {
    community: { type: 'string' },
    admin: { type: 'string' },
    'display-name': { type: 'string' },
    unit: { type: 'string' },
    street: { type: 'string' },
  },
  async run(ctx) {
    const communityName = ctx.required('community');
    const username = ctx.required('admin');
    const displayName = stringOption(ctx.args.values, 'display-name') ?? username;
    const core = await openCore(ctx, { mustExist: false });
    try {
      const questions = ctx.io.prompt ? [ctx.text.yourPassword, ctx.text.newPasswordAgain] : [ctx.text.yourPassword];
      const [password, again] = await readSecrets(ctx, questions);
      if (again !== undefined && again !== password) throw new CliError(ctx.text.passwordsDiffer, 'cli.passwords_differ');
      const session = await callContract(
        ctx,
        core,
        'auth.setup',
        {
          community: { communityName, unitName: stringOption(ctx.args.values, 'unit') ?? communityName, streetOffice: stringOption(ctx.args.values, 'street') ?? '' },
          admin: { username, displayName, password },
        },
        null,
      );
      await core.call({ method: 'auth.logout', input: {}, sessionToken: session.token });
      ctx.print(ctx.text.initDone(ctx.dbPath, communityName, username));
      ctx.emitJson({ ok: true, databasePath: ctx.dbPath, backupFolder: core.services.paths.backupFolder, communityName, admin: session.user });
      return 0;
    } finally {
      await core.close();
    }
  },
};
