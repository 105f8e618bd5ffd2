import type { Command } from '../context';
import { stringOption } from '../args';
import { CliError } from '../errors';
import { readSecrets } from '../secrets';
import { callContract, openCore } from '../session';
import { commandTexts } from '../text';

export const initCommand: Command = {
  name: 'init',
  ...commandTexts('init'),
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
          community: {
            communityName,
            unitName: stringOption(ctx.args.values, 'unit') ?? communityName,
            streetOffice: stringOption(ctx.args.values, 'street') ?? '',
          },
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
