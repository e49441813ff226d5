import type { Logger } from '../logger.js';
import type { Pack } from '../story/pack.js';
import { EVENT_MIN_GAP_MS, eventEditAt, eventPatch } from './events.js';
import type { PartyOutbox } from './outbox.js';
import type { PartyTable } from './party-table.js';
import type { PartyRecord } from './record.js';

export interface EventSyncDeps {
  readonly table: PartyTable;
  readonly logger: Logger;
  readonly outbox: () => PartyOutbox;
  readonly packOf: (record: PartyRecord) => Pack;
  /** The scheduler, under the key `e:<channelId>`. */
  readonly schedule: (channelId: string, at: number) => void;
  readonly scheduledAt: (channelId: string) => number | undefined;
  /** Called when a change could not be saved: the runner retries it. */
  readonly unsaved: (record: PartyRecord, now: number) => void;
}

/**
 * Keeps a party's guild scheduled event in step. Changes mark it dirty and arm
 * one batched edit (see events.ts); starting and ending are applied at once.
 */
export class EventSync {
  constructor(private readonly deps: EventSyncDeps) {}

  /** Marks the event as needing an edit and arms one batched edit for it. */
  async request(record: PartyRecord, now: number): Promise<PartyRecord> {
    if (!record.event) return record;
    const marked: PartyRecord = { ...record, event: { ...record.event, dirty: true } };
    await this.save(marked, now);
    if (this.deps.scheduledAt(marked.channelId) === undefined)
      this.deps.schedule(marked.channelId, eventEditAt(marked, now));
    return marked;
  }

  /** Brings the event in step now, in at most one edit. */
  async flush(record: PartyRecord, now: number): Promise<PartyRecord> {
    const event = record.event;
    if (!event || !record.guildId) return record;
    const patch = eventPatch(record, this.deps.packOf(record), now);
    let next = record;
    if (!patch) {
      if (event.dirty) next = { ...record, event: { ...event, dirty: false } };
    } else {
      const result = await this.deps.outbox().editEvent(record.guildId, event.id, patch);
      if (result.ok)
        next = {
          ...record,
          event: {
            ...event,
            status: patch.status === 'active' ? 'active' : event.status,
            endAt: patch.endAt ?? event.endAt,
            dirty: false,
            lastEditAt: now,
          },
        };
      else if (result.reason === 'unavailable') {
        this.deps.schedule(record.channelId, now + EVENT_MIN_GAP_MS);
        return record;
      } else {
        // Deleted by someone, or Manage Events taken away: stop keeping it in step.
        this.deps.logger.info(
          { party: record.id, reason: result.reason },
          'party event no longer kept in step',
        );
        next = { ...record, event: null };
      }
    }
    if (next !== record) await this.save(next, now);
    return next;
  }

  /** Completes a started event, or deletes one that never started, when its party ends. */
  async close(record: PartyRecord, now: number): Promise<void> {
    const event = record.event;
    if (!event || !record.guildId) return;
    const outbox = this.deps.outbox();
    const done =
      event.status === 'active'
        ? await outbox.editEvent(record.guildId, event.id, { status: 'completed', endAt: now })
        : await outbox.deleteEvent(record.guildId, event.id);
    if (!done.ok)
      this.deps.logger.info({ party: record.id, reason: done.reason }, 'could not close the party event');
  }

  private async save(record: PartyRecord, now: number): Promise<void> {
    if (!(await this.deps.table.update(record))) this.deps.unsaved(record, now);
  }
}
