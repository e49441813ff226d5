import type { Command } from '../src/command/command.js';
import ask from './ask.js';
import film from './film.js';
import help from './help.js';

/** Every slash command, in the order /help lists them. The router, console and deploy script read this. */
export const commands: readonly Command[] = [ask, film, help];
