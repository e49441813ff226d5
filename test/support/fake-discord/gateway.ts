import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes as Close,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes as Op,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate } from './fixtures.js';
import { emit, newSession, readyFor, replaySince, type Session } from './session.js';
import { Changes } from './waiter.js';

/** The intents a bot needs approval for; the fake's application has none. */
const PRIVILEGED =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
/** A gateway payload the bot sent, with the path it connected on. */
export interface ReceivedPayload {
  readonly op: number;
  readonly d: unknown;
  readonly path: string;
}

export interface GatewayOptions {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly url: () => string;
  readonly resumeUrl: () => string;
}

/**
 * The gateway half of the fake: HELLO, heartbeats, IDENTIFY with READY and
 * GUILD_CREATE, RESUME with replay, and the faults Discord really produces.
 */
export class FakeGateway extends Changes {
  readonly received: ReceivedPayload[] = [];
  /** The close code of each gateway connection that ended, in order. */
  readonly closeCodes: number[] = [];
  readonly counts = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    readies: 0,
    resumed: 0,
    replayed: 0,
    invalidSessions: 0,
  };
  private readonly sessions = new Map<string, Session>();
  private current?: Session;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  /** For the HTTP server's `upgrade` event. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'ws://fake-discord');
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway-resume') return void socket.destroy();
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL) {
    this.counts.connections += 1;
    if (url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json')
      return ws.close(Close.InvalidAPIVersion, 'the fake Discord speaks v=10, encoding=json');
    if (url.searchParams.has('compress'))
      return ws.close(Close.DecodeError, 'the fake Discord does not compress (is zlib-sync installed?)');
    let session: Session | undefined;
    const send = (payload: object) => ws.send(JSON.stringify(payload));
    send({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });

    ws.on('message', (data) => {
      let payload: GatewaySendPayload;
      try {
        payload = JSON.parse(data.toString()) as GatewaySendPayload;
      } catch {
        return ws.close(Close.DecodeError, 'Error while decoding payload.');
      }
      this.received.push({ op: payload.op, d: payload.d, path: url.pathname });
      switch (payload.op) {
        case Op.Heartbeat:
          send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
          break;
        case Op.Identify: {
          if (session)
            return ws.close(Close.AlreadyAuthenticated, 'You sent more than one identify payload.');
          if (payload.d.token !== this.options.token)
            return ws.close(Close.AuthenticationFailed, 'Authentication failed.');
          if (payload.d.intents & PRIVILEGED)
            return ws.close(Close.DisallowedIntents, 'Disallowed intent(s).');
          this.counts.identifies += 1;
          session = newSession(ws);
          this.sessions.set(session.id, session);
          this.current = session;
          emit(session, GatewayDispatchEvents.Ready, readyFor(session, this.options.resumeUrl()));
          emit(session, GatewayDispatchEvents.GuildCreate, guildCreate());
          this.counts.readies += 1;
          this.changed();
          break;
        }
        case Op.Resume: {
          const known = this.sessions.get(payload.d.session_id);
          if (payload.d.token !== this.options.token || !known || (session && session !== known)) {
            this.counts.invalidSessions += 1;
            send({ op: Op.InvalidSession, d: false, s: null, t: null });
            this.changed();
            break;
          }
          this.counts.resumes += 1;
          session = known;
          if (session.socket !== ws) session.socket?.terminate();
          session.socket = ws;
          this.current = session;
          this.counts.replayed += replaySince(session, payload.d.seq);
          emit(session, GatewayDispatchEvents.Resumed, null);
          this.counts.resumed += 1;
          this.changed();
          break;
        }
        case Op.PresenceUpdate:
        case Op.RequestGuildMembers:
        case Op.VoiceStateUpdate:
          if (!session) return ws.close(Close.NotAuthenticated, 'Not authenticated.');
          break;
        default:
          ws.close(Close.UnknownOpcode, 'Unknown opcode.');
      }
    });

    ws.on('close', (code) => {
      this.closeCodes.push(code);
      if (session?.socket === ws) session.socket = undefined;
      // A clean close (1000/1001) ends the session, as on Discord; anything else leaves it resumable.
      if (session && (code === 1000 || code === 1001)) {
        this.sessions.delete(session.id);
        if (this.current === session) this.current = undefined;
      }
      this.changed();
    });
  }

  /** Dispatches an event on the bot's current session. */
  dispatch(t: GatewayDispatchEvents, d: unknown): void {
    if (!this.current)
      throw new Error('fake Discord: no gateway session to dispatch on (is the bot connected?)');
    emit(this.current, t, d);
  }

  get connected(): boolean {
    return this.current?.socket !== undefined;
  }

  private socket(): WebSocket {
    const socket = this.current?.socket;
    if (!socket) throw new Error('fake Discord: the bot has no open gateway connection');
    return socket;
  }

  /** Op 7: Discord asks the bot to reconnect and resume. */
  reconnect(): void {
    this.socket().send(JSON.stringify({ op: Op.Reconnect, d: null, s: null, t: null }));
  }

  /** Op 9: the session is invalid; `resumable: false` makes the bot identify afresh. */
  invalidateSession(resumable = false): void {
    const session = this.current;
    this.socket().send(JSON.stringify({ op: Op.InvalidSession, d: resumable, s: null, t: null }));
    if (!resumable && session) this.sessions.delete(session.id);
    this.counts.invalidSessions += 1;
  }

  /** The TCP connection dies without a close frame, as on a network failure. */
  killSocket(): void {
    this.socket().terminate();
  }

  /** Op 1 from Discord: the bot must heartbeat at once. */
  requestHeartbeat(): void {
    this.socket().send(JSON.stringify({ op: Op.Heartbeat, d: null, s: null, t: null }));
  }

  /** Resolves once the counter has passed `after` (read it before causing the event). */
  waitForCount(name: keyof FakeGateway['counts'], after: number, timeoutMs = 5000): Promise<number> {
    return this.until(
      () => (this.counts[name] > after ? this.counts[name] : undefined),
      `gateway ${name} > ${after}`,
      timeoutMs,
      () => `gateway counts: ${JSON.stringify(this.counts)}`,
    );
  }

  /** Resolves when the bot has an open, identified or resumed connection. */
  waitUntilConnected(timeoutMs = 5000): Promise<true> {
    return this.until(() => (this.connected ? true : undefined), 'a live gateway session', timeoutMs);
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
