import { randomBytes } from 'node:crypto';
import { ApplicationFlags, GatewayOpcodes, type GatewayReadyDispatchData } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import { USERS } from './fixtures.js';
import { IDS } from './ids.js';

/** How many events a session keeps for replay on RESUME. */
const REPLAY_LIMIT = 2000;

/** A gateway session: its sequence, the events sent on it (for RESUME), and its socket while connected. */
export interface Session {
  readonly id: string;
  seq: number;
  readonly log: { s: number; payload: string }[];
  socket?: WebSocket;
}

export const newSession = (socket: WebSocket): Session => ({
  id: randomBytes(16).toString('hex'),
  seq: 0,
  log: [],
  socket,
});

/** Sends one dispatch on a session, or keeps it for replay while the bot is disconnected. */
export const emit = (session: Session, t: string, d: unknown): void => {
  session.seq += 1;
  const payload = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  session.log.push({ s: session.seq, payload });
  if (session.log.length > REPLAY_LIMIT) session.log.shift();
  session.socket?.send(payload);
};

/** Replays what the bot missed after `seq` on the session's (new) socket; returns how many. */
export const replaySince = (session: Session, seq: number): number => {
  const missed = session.log.filter((entry) => entry.s > seq);
  for (const event of missed) session.socket?.send(event.payload);
  return missed.length;
};

export const readyFor = (session: Session, resumeUrl: string): GatewayReadyDispatchData => ({
  v: 10,
  user: USERS.bot,
  guilds: [{ id: IDS.guild, unavailable: true }],
  session_id: session.id,
  resume_gateway_url: resumeUrl,
  shard: [0, 1],
  application: {
    id: IDS.application,
    flags: ApplicationFlags.ApplicationCommandBadge,
    flags_new: String(ApplicationFlags.ApplicationCommandBadge),
  },
});
