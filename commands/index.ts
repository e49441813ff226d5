import type { Command } from '../src/command/command.js';
import ask from './ask.js';
import character from './character.js';
import film from './film.js';
import help from './help.js';
import progress from './progress.js';
import recap from './recap.js';
import watchparty from './watchparty.js';

/** Every slash command, in the order /help lists them. The router, console and deploy script read this. */
export const commands: readonly Command[] = [ask, recap, character, progress, watchparty, film, help];
