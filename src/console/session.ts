import { closeApp, createApp } from '../app/create.js';
import type { AppServices } from '../app/services.js';
import type { Clock } from '../clock.js';
import type { Command } from '../command/command.js';
import type { Actor } from '../command/context.js';
import { runAutocomplete, runButton, runCommand } from '../command/run.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { renderReply, type RenderedMessage } from '../reply/render.js';
import { parseDuration } from '../time/duration.js';
import type { FilmLibrary } from '../story/library.js';
import { ConsoleInputError, parseInvocation } from './options.js';
import { ConsolePartyOutbox } from './party-outbox.js';
import { isSnowflake } from '../snowflake.js';

/** What one input line produced, in the shape `--json` prints. */
export interface StepResult {
  input: string;
  replies: ConsoleMessage[];
  posts: (ConsoleMessage & { channelId: string })[];
  actions: unknown[];
  choices?: { name: string; value: string }[];
  error?: string;
}
export type ConsoleMessage = Pick<RenderedMessage, 'content' | 'embeds' | 'components' | 'ephemeral'>;

/** A clock the console moves with :advance: real time plus what was skipped, or simulated time alone. */
export class ConsoleClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock) {}
  /** Over a simulated clock, due work runs on :advance rather than on timers. */
  get manual(): boolean {
    return this.base.manual ?? false;
  }
  now(): number {
    return this.base.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

const asMessage = (rendered: RenderedMessage): ConsoleMessage => ({
  content: rendered.content,
  embeds: rendered.embeds,
  components: rendered.components,
  ephemeral: rendered.ephemeral,
});

const DEFAULT_ACTOR: Actor = {
  userId: '100000000000000001',
  userName: 'console',
  guildId: '300000000000000001',
  channelId: '200000000000000001',
  canManageEvents: true,
};

/**
 * The offline console: the same registry, the same command runner and the same
 * renderer as the bot, with directives to switch who and where, move time and restart.
 */
export class ConsoleSession {
  private actor: Actor = DEFAULT_ACTOR;
  private lastButtons = new Map<string, true>();

  private constructor(
    private app: AppServices,
    private readonly deps: {
      config: Config;
      logger: Logger;
      clock: ConsoleClock;
      films: FilmLibrary;
      answers: AppServices['answers'];
      partyOutbox: ConsolePartyOutbox;
    },
    private readonly registry: readonly Command[],
  ) {}

  static async start(config: Config, logger: Logger, clock: ConsoleClock, registry: readonly Command[]) {
    const partyOutbox = new ConsolePartyOutbox();
    const app = await createApp({ config, logger, clock, partyOutbox });
    return new ConsoleSession(
      app,
      { config, logger, clock, films: app.films, answers: app.answers, partyOutbox },
      registry,
    );
  }

  async close(): Promise<void> {
    await closeApp(this.app);
  }

  async step(input: string): Promise<StepResult> {
    const result: StepResult = { input, replies: [], posts: [], actions: [] };
    try {
      const line = input.trim();
      if (line.startsWith(':')) await this.directive(line, result);
      else await this.command(line, result);
    } catch (error) {
      if (!(error instanceof ConsoleInputError)) throw error;
      result.error = error.message;
    }
    this.collectPartyPosts(result);
    return result;
  }

  /** Watch-party posts and Discord calls made during this step (or since the last one, on a real clock). */
  private collectPartyPosts(result: StepResult) {
    const { posts, actions } = this.deps.partyOutbox.take();
    result.posts.push(...posts);
    result.actions.push(...actions);
    for (const post of posts)
      for (const row of post.components)
        for (const button of row.components) this.lastButtons.set(button.custom_id, true);
  }

  private async command(line: string, result: StepResult) {
    const invocation = parseInvocation(line, this.registry);
    this.record(result, renderReply(await runCommand(this.registry, invocation, this.actor, this.app)));
  }

  private record(result: StepResult, rendered: RenderedMessage) {
    result.replies.push(asMessage(rendered));
    for (const row of rendered.components)
      for (const button of row.components) this.lastButtons.set(button.custom_id, true);
  }

  private async directive(line: string, result: StepResult) {
    const [name = '', ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    const id = () => {
      if (!isSnowflake(rest[0] ?? ''))
        throw new ConsoleInputError(`:${name} takes a Discord id (17 to 20 digits)`);
      return rest[0]!;
    };
    switch (name) {
      case 'user': {
        const role = rest[1] ?? 'organiser';
        if (!['organiser', 'member'].includes(role))
          throw new ConsoleInputError(':user ID [organiser|member]');
        this.actor = {
          ...this.actor,
          userId: id(),
          userName: `user-${id().slice(-4)}`,
          canManageEvents: role === 'organiser',
        };
        return;
      }
      case 'channel':
        this.actor = { ...this.actor, channelId: id() };
        return;
      case 'guild':
        this.actor = { ...this.actor, guildId: id() };
        return;
      case 'advance': {
        const seconds = parseDuration(arg);
        if (seconds === undefined)
          throw new ConsoleInputError(':advance takes a duration such as 10m, 1h30m or 45s');
        this.deps.clock.advance(seconds * 1000);
        await this.app.watchParties.runDue();
        return;
      }
      case 'restart':
        await closeApp(this.app);
        this.app = await createApp(this.deps);
        return;
      case 'click': {
        if (!this.lastButtons.has(arg))
          throw new ConsoleInputError(`no message so far has a button "${arg}"`);
        this.record(result, renderReply(await runButton(this.registry, arg, this.actor, this.app)));
        return;
      }
      case 'complete': {
        const invocation = parseInvocation(arg, this.registry, { partial: true });
        result.choices = [...(await runAutocomplete(this.registry, invocation, this.actor, this.app))];
        return;
      }
      default:
        throw new ConsoleInputError(
          `unknown directive :${name}; known: :user ID [organiser|member], :channel ID, :guild ID, :advance DURATION, :restart, :click CUSTOM_ID, :complete /command option:partial`,
        );
    }
  }
}
