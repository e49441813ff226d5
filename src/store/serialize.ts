import type { Deserialize, DeserializedData, Serialize } from 'keyv';

/** What keyv hands back for a stored string that is not one of our records: garbage, or written by something else. */
export class CorruptValue {
  constructor(readonly raw: string) {}
}

/**
 * The version of the record format, written into every value. Keys carry the
 * version of each value's shape (`v1:progress:…`); this says how the record
 * around it is written, so a later release can tell these records from its own.
 */
export const VALUE_VERSION = 1;

/**
 * Records are keyv's envelope as plain JSON, with the version first:
 * `{"v":1,"value":…,"expires":…}`, readable with sqlite3 or redis-cli when debugging.
 */
export const serialize: Serialize = (data) => JSON.stringify({ v: VALUE_VERSION, ...data });

const readRecord = (data: string): DeserializedData<unknown> => {
  try {
    const parsed: unknown = JSON.parse(data);
    // Records from before the version was written have none, and are version 1.
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'value' in parsed &&
      ((parsed as { v?: unknown }).v ?? VALUE_VERSION) === VALUE_VERSION
    )
      return parsed as DeserializedData<unknown>;
  } catch {
    // Not JSON at all: fall through.
  }
  return { value: new CorruptValue(data.slice(0, 200)) };
};

/**
 * keyv's own deserializer throws on bad JSON, which would surface as a crash
 * far from the cause. This one turns anything unreadable, or written in another
 * record version, into a CorruptValue,
 * so the store can log it and treat the key as empty. (keyv types the value
 * as whatever the caller asked for; KeyvStore.get checks for CorruptValue first.)
 */
export const deserialize = readRecord as Deserialize;
