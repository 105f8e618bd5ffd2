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
import { councilCommand } from './council';
import { charityCommand } from './charity';

/** The foundation's commands. `seed` and `bench` run every area's seeder and bench suite (core/areas.ts). */
const foundationCommands: Command[] = [
  initCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  verifyCommand,
  reportCommand,
  usersCommand,
  seedCommand,
  benchCommand,
];

/**
 * The areas' own commands, one line per area that has any (a file under commands/ named after the area).
 * They stay out of the area's core module: a command signs in through the CLI, which opens a core, and
 * core importing it back would be a cycle.
 */
const areaCommands: Command[] = [residentsCommand, councilCommand, charityCommand];

/** Every `linli` command, in the order `--help` lists them. */
export const commands: Command[] = [...foundationCommands, ...areaCommands];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
