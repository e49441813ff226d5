import {
  channelMention as channel,
  roleMention as role,
  time,
  userMention as user,
} from '@discordjs/formatters';
import { raw, type Span } from './model.js';
import { isSnowflake } from '../snowflake.js';

/** `<t:UNIX:F>`: Discord shows it in each reader's own timezone. */
export const fullTime = (ms: number): Span => raw(time(Math.floor(ms / 1000), 'F'));
/** `<t:UNIX:R>`: "in 10 minutes", kept current by Discord. */
export const relativeTime = (ms: number): Span => raw(time(Math.floor(ms / 1000), 'R'));

/**
 * Mentions are raw syntax, so only a real id may become one: anything else is a
 * bug upstream, and must not turn into markup in a message.
 */
const snowflake = (id: string): string => {
  if (!isSnowflake(id)) throw new Error(`not a Discord id: ${JSON.stringify(id)}`);
  return id;
};
export const channelMention = (channelId: string): Span => raw(channel(snowflake(channelId)));
/** A mention shown as a name; it pings only if the reply's `mentions` list allows it. */
export const userMention = (userId: string): Span => raw(user(snowflake(userId)));
export const roleMention = (roleId: string): Span => raw(role(snowflake(roleId)));
