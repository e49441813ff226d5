/**
 * Button custom ids are `command:v1:arg:arg`. The version lets a later release
 * change the arguments without misreading buttons still sitting in old messages.
 */
export const CUSTOM_ID_VERSION = 'v1';
const PART = /^[a-z0-9_-]{1,40}$/i;

export const customId = (command: string, ...args: string[]): string => {
  const id = [command, CUSTOM_ID_VERSION, ...args].join(':');
  if (id.length > 100 || !args.every((arg) => PART.test(arg)))
    throw new Error(`custom id "${id}" is not valid: parts are [a-z0-9_-], 100 characters in all`);
  return id;
};

/** The command and arguments of a custom id, or null for anything stale, foreign or forged. */
export const parseCustomId = (id: string): { command: string; args: string[] } | null => {
  if (id.length > 100) return null;
  const [command, version, ...args] = id.split(':');
  if (
    !command ||
    version !== CUSTOM_ID_VERSION ||
    !PART.test(command) ||
    !args.every((arg) => PART.test(arg))
  )
    return null;
  return { command, args };
};
