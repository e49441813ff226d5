import {
  InteractionResponseType as R,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { visible, type FakeState, type InteractionRecord, type VisibleMessage } from './state.js';

/** An interaction the fake dispatched: await the bot's callback, its choices, or what the user ends up seeing. */
export class PendingInteraction {
  constructor(
    private readonly state: FakeState,
    readonly record: InteractionRecord,
    private readonly timeoutMs = 5000,
  ) {}

  get id(): string {
    return this.record.payload.id;
  }

  /** Milliseconds from dispatch to the bot's callback, once it has arrived. */
  get latencyMs(): number | undefined {
    return this.record.callbackAt === undefined
      ? undefined
      : this.record.callbackAt - this.record.dispatchedAt;
  }

  private explain = () => {
    const { callback, original, followUps, originalDeleted } = this.record;
    return `interaction ${this.id}: callback ${callback ? `type ${callback.type}` : 'none'}, original ${
      original ? (originalDeleted ? 'deleted' : 'present') : 'none'
    }, ${followUps.length} follow-up(s)`;
  };

  callback(): Promise<APIInteractionResponse> {
    return this.state.until(
      () => this.record.callback,
      `the callback of interaction ${this.id}`,
      this.timeoutMs,
      this.explain,
    );
  }

  /** The autocomplete suggestions the bot answered with. */
  async choices(): Promise<APIApplicationCommandOptionChoice[]> {
    const callback = await this.callback();
    if (callback.type !== R.ApplicationCommandAutocompleteResult)
      throw new Error(`expected an autocomplete result, got callback type ${callback.type}`);
    return callback.data.choices ?? [];
  }

  /**
   * The messages the user sees once the bot has finished: the reply, or for a
   * deferred reply its edit and any follow-ups (a deleted "thinking…" counts as gone).
   */
  answer(): Promise<VisibleMessage[]> {
    return this.state.until(
      () => {
        const { callback, original, originalDeleted, followUps } = this.record;
        if (!callback) return undefined;
        if (callback.type === R.DeferredChannelMessageWithSource) {
          const loading = original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
          if (loading && !originalDeleted && followUps.length === 0) return undefined;
          if (originalDeleted && followUps.length === 0) return undefined;
        }
        const messages = [...(original && !originalDeleted ? [original] : []), ...followUps];
        return messages.map(visible);
      },
      `the answer to interaction ${this.id}`,
      this.timeoutMs,
      this.explain,
    );
  }
}
