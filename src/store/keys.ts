/**
 * Keys are `<namespace>:v1:<kind>:<part>...`; the store adds the namespace.
 * The version lets a later release change a value's shape and start afresh
 * under v2 instead of misreading what v1 wrote.
 */
export const KEY_VERSION = 'v1';

const PART = /^[A-Za-z0-9_-]{1,100}$/;

/** `storeKey('progress', filmId, userId)` → `v1:progress:<filmId>:<userId>`. */
export const storeKey = (kind: string, ...parts: string[]): string => {
  // A colon or space inside a part could make two different records share a key.
  for (const part of [kind, ...parts])
    if (!PART.test(part)) throw new Error(`store key part "${part}" must be letters, digits, - or _`);
  return [KEY_VERSION, kind, ...parts].join(':');
};
