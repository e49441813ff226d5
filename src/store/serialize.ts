import type { Deserialize, DeserializedData, Serialize } from 'keyv';

/** What keyv hands back for a stored string that is not one of our records: garbage, or written by something else. */
export class CorruptValue {
  constructor(readonly raw: string) {}
}

/** Records are keyv's envelope as plain JSON: readable with sqlite3 or redis-cli when debugging. */
export const serialize: Serialize = (data) => JSON.stringify(data);

const readRecord = (data: string): DeserializedData<unknown> => {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'value' in parsed)
      return parsed as DeserializedData<unknown>;
  } catch {
    // Not JSON at all: fall through.
  }
  return { value: new CorruptValue(data.slice(0, 200)) };
};

/**
 * keyv's own deserializer throws on bad JSON, which would surface as a crash
 * far from the cause. This one turns anything unreadable into a CorruptValue,
 * so the store can log it and treat the key as empty. (keyv types the value
 * as whatever the caller asked for; KeyvStore.get checks for CorruptValue first.)
 */
export const deserialize = readRecord as Deserialize;
