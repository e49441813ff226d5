/**
 * An error whose message is written for the person who typed the command.
 * The one error path shows it to them (ephemerally on Discord); any other
 * error is logged and replaced by a short generic message.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export const isUserError = (error: unknown): error is UserError => error instanceof UserError;

/** Settings that cannot work; start-up prints the message and exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
