import { loadConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';

/** One clear line on stderr and a non-zero exit: how start-up says what is missing. */
export const exitWith = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

/** The validated config, or the process stops with the config error's own message. */
export const configOrExit = (): Config => {
  try {
    return loadConfig();
  } catch (error) {
    return exitWith(error instanceof ConfigError ? error.message : String(error));
  }
};
