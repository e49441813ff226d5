import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, type APIInteraction, type APIMessage } from 'discord-api-types/v10';
import type { Command } from '../../../src/command/command.js';
import { Faults } from './faults.js';
import { USERS } from './fixtures.js';
import { FakeGateway } from './gateway.js';
import { IDS } from './ids.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type Where,
} from './interactions.js';
import { createMessage, type MessageBody } from './messages.js';
import { PendingInteraction } from './pending.js';
import { Recorder } from './recorder.js';
import { restHandler } from './rest.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { guildRoutes } from './routes-guild.js';
import { interactionRoutes } from './routes-interactions.js';
import { FakeState } from './state.js';

export { IDS } from './ids.js';
export { USERS, BOT_PERMISSIONS, addTextChannels } from './fixtures.js';
export { visible, type VisibleMessage } from './state.js';
export type { PendingInteraction } from './pending.js';
export type { RecordedCall } from './recorder.js';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  readonly token?: string;
  /** The commands `command()` and `autocomplete()` read option types from. */
  readonly registry?: readonly Command[];
  readonly heartbeatIntervalMs?: number;
  readonly callbackDeadlineMs?: number;
  /** How long the `await` helpers wait before failing with what they saw. */
  readonly timeoutMs?: number;
}

/**
 * A local Discord for discord.js to talk to: REST over node:http and the gateway
 * over ws, on one port. Tests drive it: dispatch interactions, await answers,
 * read what the bot called, and inject the faults real Discord produces.
 */
export class FakeDiscord {
  readonly state = new FakeState();
  readonly recorder = new Recorder();
  readonly faults = new Faults();
  readonly bugs: Error[] = [];
  readonly gateway: FakeGateway;
  readonly token: string;
  private readonly server: Server;
  private port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-bot-token.for-tests.only';
    const gatewayUrl = () => `ws://127.0.0.1:${this.port}/gateway`;
    this.gateway = new FakeGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: gatewayUrl,
      resumeUrl: () => `ws://127.0.0.1:${this.port}/gateway-resume`,
    });
    const routes = [
      ...appRoutes(this.state, gatewayUrl),
      ...interactionRoutes(this.state, { callbackDeadlineMs: options.callbackDeadlineMs ?? 3000 }),
      ...channelRoutes(this.state),
      ...guildRoutes(this.state),
    ];
    const handle = restHandler({
      routes,
      recorder: this.recorder,
      faults: this.faults,
      token: this.token,
      bugs: this.bugs,
    });
    this.server = createServer((request, response) => void handle(request, response));
    this.server.on('upgrade', (request, socket, head) => this.gateway.upgrade(request, socket, head));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base to give discord.js as `rest.api` (or DISCORD_API_URL); it appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Dispatches INTERACTION_CREATE on the bot's gateway session. */
  send(payload: APIInteraction): PendingInteraction {
    const record = this.state.addInteraction(payload);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return new PendingInteraction(this.state, record, this.options.timeoutMs);
  }

  private get registry(): readonly Command[] {
    if (!this.options.registry)
      throw new Error('fake Discord: pass `registry` to start() to build commands from lines');
    return this.options.registry;
  }

  /** A slash command from a console-style line: `/ask question:who plays ruth`. */
  command(line: string, where?: Where): PendingInteraction {
    return this.send(commandInteraction(line, this.registry, (name) => this.state.commandId(name), where));
  }

  /** Autocomplete for the last option in the line, as typed so far. */
  autocomplete(line: string, where?: Where): PendingInteraction {
    return this.send(
      autocompleteInteraction(line, this.registry, (name) => this.state.commandId(name), where),
    );
  }

  /** Presses a button on the newest message that has it, or on `message` if given. */
  click(customId: string, where?: Where & { message?: APIMessage }): PendingInteraction {
    const message = where?.message ?? this.state.messageWithButton(customId);
    if (!message) throw new Error(`fake Discord: no message has a button "${customId}"`);
    return this.send(buttonInteraction(customId, message, where));
  }

  /** A message the bot posted before this test began, say by an older release with older buttons. */
  seedMessage(body: MessageBody, channelId: string = IDS.general): APIMessage {
    return this.state.addMessage(createMessage(body, { channelId, guildId: IDS.guild, author: USERS.bot }));
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const startFakeDiscord = (options?: FakeDiscordOptions): Promise<FakeDiscord> =>
  FakeDiscord.start(options);
