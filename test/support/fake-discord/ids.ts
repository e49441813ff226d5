import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01), from which snowflakes count milliseconds. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake, as Discord mints them: timestamp, then a counter. */
export const snowflake = (at = Date.now()): string => {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
};

/** Interaction tokens are long opaque strings; what matters is that each one is new. */
export const interactionToken = (): string => `aW50ZXJhY3Rpb246${randomBytes(36).toString('base64url')}`;

/**
 * The fixture server. The guild, channel and organiser ids are the console's
 * defaults (src/console/session.ts), so an input typed in the console and the
 * same input sent through the fake Discord are answered for the same person, place and server.
 */
export const IDS = {
  application: '400000000000000001',
  guild: '300000000000000001',
  general: '200000000000000001',
  /** A channel where the bot may read but not post: posting there is a 403 Missing Permissions. */
  readOnly: '200000000000000002',
  /** A voice channel, for watch parties' guild scheduled events. */
  screening: '200000000000000003',
  organiser: '100000000000000001',
  viewer: '100000000000000002',
  organisersRole: '500000000000000001',
  botRole: '500000000000000002',
} as const;
