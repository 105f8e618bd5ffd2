import type { Command } from '../context';
import { initCommand } from './init';
import { serveCommand } from './serve';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { verifyCommand } from './verify';
import { reportCommand } from './report';
import { usersCommand } from './users';
import { seedCommand } from './seed';
import { benchCommand } from './bench';
import { residentsCommand } from './residents';
import { charityCommand } from './charity';

/**
 * Every `linli` command, in the order `--help` lists them. A new command (bench, seed, residents) is one
 * file under commands/ and one line here.
 */
export const commands: Command[] = [
  initCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  verifyCommand,
  reportCommand,
  usersCommand,
  seedCommand,
  benchCommand,
  residentsCommand,
  charityCommand,
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
