import { z } from 'zod';
import { clockStartingAt } from './party-clock.js';

/** The reminder goes this long before the start, for parties scheduled further ahead than that. */
export const REMIND_BEFORE_MS = 10 * 60 * 1000;
/** How many people one party's "Remind me" list holds. */
export const MAX_REMINDERS = 100;

/** Whether the party was scheduled far enough ahead to get a reminder before it starts. */
export const getsReminder = (party: { readonly startsAt: number; readonly createdAt: number }): boolean =>
  party.startsAt - REMIND_BEFORE_MS > party.createdAt;

/** The scheduled event kept in step with a party, as last applied on Discord. */
const EventSchema = z.object({
  id: z.string(),
  status: z.enum(['scheduled', 'active']),
  startAt: z.number(),
  endAt: z.number(),
  /** A change (pause, sync) waits to be applied in one batched edit. */
  dirty: z.boolean(),
  lastEditAt: z.number(),
});

/**
 * Everything about one party, as stored under `party:<channelId>`. The store,
 * not a timer, is the record of what is scheduled and what has been posted:
 * on start-up every active party is read back and its next due time re-armed.
 */
export const PartyRecordSchema = z.object({
  id: z.string(),
  guildId: z.string().nullable(),
  channelId: z.string(),
  filmId: z.string(),
  organiserId: z.string(),
  createdAt: z.number(),
  startsAt: z.number(),
  clock: z.object({ anchorAt: z.number(), posMs: z.number(), pausedAt: z.number().nullable() }),
  phase: z.enum(['scheduled', 'running']),
  pauseReason: z.enum(['organiser', 'permissions']).nullable(),
  /** Posts already made (or passed over by a sync): 'reminder', 'start' and checkpoint ids. Never made twice. */
  posted: z.array(z.string()),
  /** Users who pressed "Remind me": mentioned, and only they, in the start post. */
  remind: z.array(z.string()),
  roleId: z.string().nullable(),
  event: EventSchema.nullable(),
});

export type PartyRecord = z.infer<typeof PartyRecordSchema>;
export type PartyEvent = z.infer<typeof EventSchema>;

/** Short enough for a button's custom id; new for each party, so nonces and buttons never match an older one. */
export const partyIdFor = (channelId: string, createdAt: number): string =>
  `${channelId}-${createdAt.toString(36)}`;

/** The channel a party id belongs to, or undefined for something that is not a party id. */
export const channelOfPartyId = (partyId: string): string | undefined =>
  /^(\d{1,20})-[a-z0-9]{1,12}$/.exec(partyId)?.[1];

export interface NewParty {
  readonly guildId: string | null;
  readonly channelId: string;
  readonly filmId: string;
  readonly organiserId: string;
  readonly now: number;
  readonly startsAt: number;
  readonly roleId: string | null;
}

export const newPartyRecord = (party: NewParty): PartyRecord => ({
  id: partyIdFor(party.channelId, party.now),
  guildId: party.guildId,
  channelId: party.channelId,
  filmId: party.filmId,
  organiserId: party.organiserId,
  createdAt: party.now,
  startsAt: party.startsAt,
  clock: clockStartingAt(party.startsAt),
  phase: 'scheduled',
  pauseReason: null,
  posted: [],
  remind: [],
  roleId: party.roleId,
  event: null,
});

export const hasPosted = (record: PartyRecord, key: string): boolean => record.posted.includes(key);

export const withPosted = (record: PartyRecord, keys: readonly string[]): PartyRecord => ({
  ...record,
  posted: [...new Set([...record.posted, ...keys])],
});
