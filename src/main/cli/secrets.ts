import { UsageError } from './errors';
import type { CommandContext } from './context';

/**
 * Passwords come on standard input, one per line (your own first, then a new user's where a command
 * sets one), so that they never appear in the process list or the shell history. On a terminal each is
 * asked for without echo.
 */
export async function readSecrets(ctx: CommandContext, questions: string[]): Promise<string[]> {
  if (ctx.io.prompt) {
    const answers: string[] = [];
    for (const q of questions) {
      const answer = await ctx.io.prompt(`${q}: `);
      if (answer === '') throw new UsageError(ctx.text.noPassword(q));
      answers.push(answer);
    }
    return answers;
  }
  const all = (await ctx.io.stdin()).replace(/\r?\n$/, '');
  const lines = all.split(/\r?\n/);
  return questions.map((q, i) => {
    const line = lines[i];
    if (line === undefined || line === '') throw new UsageError(ctx.text.noPassword(q));
    return line;
  });
}
