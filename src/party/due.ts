import type { Reply } from '../reply/model.js';
import type { Pack } from '../story/pack.js';
import { isPaused, positionMs } from './party-clock.js';
import { catchUpPost, checkpointPost, closingPost, pressPlayPost, reminderPost } from './posts.js';
import { getsReminder, hasPosted, REMIND_BEFORE_MS, type PartyRecord } from './record.js';
import { dueStops, nextStopAt, runtimeMs } from './stops.js';

const reminderAt = (record: PartyRecord): number | undefined =>
  getsReminder(record) && !hasPosted(record, 'reminder') ? record.startsAt - REMIND_BEFORE_MS : undefined;

/** When this party next needs the scheduler: the reminder, the start or the next stop. */
export const nextDue = (record: PartyRecord, pack: Pack): number | undefined => {
  // Paused by its organiser or for lost permissions: nothing fires until someone resumes it.
  if (record.pauseReason !== null) return undefined;
  if (record.phase === 'scheduled') return reminderAt(record) ?? record.startsAt;
  if (isPaused(record.clock)) return undefined;
  return nextStopAt(record, pack);
};

/** One channel post to make, and what it marks as done once Discord has it. */
export interface PlannedPost {
  /** Names the post in its nonce: the same post always gets the same nonce. */
  readonly key: string;
  readonly marks: readonly string[];
  readonly reply: Reply;
  readonly starts?: boolean;
  readonly ends?: boolean;
}

export interface DuePlan {
  readonly posts: readonly PlannedPost[];
  /** The film ended while the bot was away: the party ends with nothing posted. */
  readonly endSilently: boolean;
}

const nothing: DuePlan = { posts: [], endSilently: false };

/**
 * What is due at `now`, as posts. Normally that is one post (the reminder, the
 * start or one checkpoint). With `catchUp` (the bot was away when things fell
 * due) it is at most one post covering everything missed, or nothing at all if
 * the film has ended meanwhile. A pure function: the caller sends and marks.
 */
export const planDue = (record: PartyRecord, pack: Pack, now: number, catchUp: boolean): DuePlan => {
  if (record.phase === 'scheduled') {
    if (now < record.startsAt) {
      const remindAt = reminderAt(record);
      return remindAt !== undefined && remindAt <= now
        ? {
            posts: [{ key: 'reminder', marks: ['reminder'], reply: reminderPost(record, pack) }],
            endSilently: false,
          }
        : nothing;
    }
    if (!catchUp)
      return {
        posts: [
          { key: 'start', marks: ['reminder', 'start'], reply: pressPlayPost(record, pack), starts: true },
        ],
        endSilently: false,
      };
  } else if (isPaused(record.clock)) return nothing;

  const stops = dueStops(record, pack, now);
  const missedStart = record.phase === 'scheduled';
  if (!catchUp)
    return {
      posts: stops.map((stop) => ({
        key: `cp-${stop.id}`,
        marks: [stop.id],
        reply: stop.final ? closingPost(record, pack, stop) : checkpointPost(record, pack, stop),
        ends: stop.final,
      })),
      endSilently: false,
    };
  if (positionMs(record.clock, now) >= runtimeMs(pack)) return { posts: [], endSilently: true };
  if (stops.length === 0 && !missedStart) return nothing;
  const marks = [...(missedStart ? ['reminder', 'start'] : []), ...stops.map((stop) => stop.id)];
  return {
    posts: [
      {
        key: `catchup-${marks.join('-')}`,
        marks,
        reply: catchUpPost(record, pack, stops, now, missedStart),
        starts: missedStart,
        ends: stops.some((stop) => stop.final),
      },
    ],
    endSilently: false,
  };
};
