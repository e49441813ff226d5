import type { Logger } from '../logger.js';
import { storeKey } from '../store/keys.js';
import { StoreUnavailableError, type Store } from '../store/store.js';
import type { PlannedPost } from './due.js';
import type { PartyTable } from './party-table.js';
import { withPosted, type PartyRecord } from './record.js';
import type { PartyRepository } from './repository.js';

/**
 * How long a post stays claimed while it is sent and marked. Longer than a
 * send and a save take; shorter than LATE_MS, so when the claimer dies
 * between the two, whoever runs the party next repeats the post in time to
 * be the same post, with the same nonce, which Discord drops if it was sent.
 */
export const POST_CLAIM_TTL_MS = 60 * 1000;
/** Another process is sending a post: look again a quarter of its claim later. */
const CLAIM_RETRY_MS = POST_CLAIM_TTL_MS / 4;
/** The store is unreachable: nothing can be claimed, so nothing is posted; try again this soon. */
export const STORE_RETRY_MS = 15 * 1000;

const claimKey = (partyId: string, mark: string) => storeKey('post-claim', partyId, mark);

/** What a process may do with a post it is about to send. */
type Turn =
  /**
   * Claimed: send it. `record` has the stored marks merged in; release once
   * the mark is saved. `lost`: the store has no record of the party and no
   * note that it ended (a Redis restarted empty): write it back.
   */
  | { readonly kind: 'go'; readonly record: PartyRecord; readonly lost: boolean; release(): Promise<void> }
  /** Another process holds it right now, sending it: try again in a little while. */
  | { readonly kind: 'busy' }
  /** Already posted by another process: its copy of the party (with any marks only ours had), to go on from. */
  | { readonly kind: 'posted'; readonly record: PartyRecord }
  /** The party ended elsewhere (undefined: its record gone, a note left), or a new party replaced it in the channel. */
  | { readonly kind: 'gone'; readonly stored: PartyRecord | undefined };

/**
 * Claims each mark the post makes (`post-claim:<partyId>:<mark>`: by mark, so
 * a catch-up post and the checkpoint it covers can never both go out), then
 * reads the party back from the store: a process whose copy is behind (it
 * took the party over from one that kept posting a little longer) finds the
 * other's marks there. Throws StoreUnavailableError, with nothing claimed,
 * when the store cannot be reached: then no post goes out at all.
 */
const takeTurn = async (
  store: Store,
  repo: PartyRepository,
  owner: string,
  record: PartyRecord,
  post: PlannedPost,
  now: number,
): Promise<Turn> => {
  const fresh = post.marks.filter((mark) => !record.posted.includes(mark));
  const marks = fresh.length > 0 ? fresh : post.marks;
  let taken: string[] = [];
  const release = async () => {
    await Promise.allSettled(taken.map((mark) => store.release(claimKey(record.id, mark), owner)));
  };
  const won = await store.claimEach(
    marks.map((mark) => claimKey(record.id, mark)),
    owner,
    POST_CLAIM_TTL_MS,
    now,
  );
  taken = marks.filter((_, i) => won[i]);
  try {
    if (taken.length < marks.length) {
      await release();
      return { kind: 'busy' };
    }
    const stored = await repo.load(record.channelId);
    if (!stored && !(await repo.wasEnded(record.id))) return { kind: 'go', record, lost: true, release };
    if (stored?.id !== record.id) {
      await release();
      return { kind: 'gone', stored };
    }
    if (marks.some((mark) => stored.posted.includes(mark))) {
      await release();
      // Its copy is the one that moved on (started the film, say); marks only ours had are kept.
      return { kind: 'posted', record: withPosted(stored, record.posted) };
    }
    return { kind: 'go', record: withPosted(record, stored.posted), lost: false, release };
  } catch (error) {
    await release();
    throw error;
  }
};

export interface PostGateDeps {
  readonly store: Store;
  readonly table: PartyTable;
  /** This process, as named in claims. */
  readonly owner: string;
  readonly logger: Logger;
  /** Runs the party's due work again at `at`. */
  readonly retryAt: (channelId: string, at: number) => void;
  readonly arm: (record: PartyRecord, now: number) => void;
  /** Holds a party read from the store and arms it. */
  readonly adopt: (record: PartyRecord, now: number) => void;
  /** Stops running a party in memory. */
  readonly drop: (channelId: string) => void;
}

/** Leave to send a post: the party as it stands (stored marks merged in), and the claims to release once it is marked. */
export interface GoAhead {
  readonly record: PartyRecord;
  release(): Promise<void>;
}

/** What the runner asks before each post (see the exactly-once comment in runner.ts). */
export class PostGate {
  constructor(private readonly deps: PostGateDeps) {}

  /** Leave to send, or undefined when the post is not this process's to send now (and what follows is arranged). */
  async open(record: PartyRecord, post: PlannedPost, now: number): Promise<GoAhead | undefined> {
    const { store, table, owner, logger } = this.deps;
    let turn: Turn;
    try {
      turn = await takeTurn(store, table.repo, owner, record, post, now);
      if (turn.kind === 'go' && turn.lost) await this.writeBack(turn);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.warn({ party: record.id, retryMs: STORE_RETRY_MS }, 'watch party post waits for the store');
      this.deps.retryAt(record.channelId, now + STORE_RETRY_MS);
      return undefined;
    }
    switch (turn.kind) {
      case 'go':
        return turn;
      case 'busy':
        logger.info({ party: record.id, post: post.key }, 'another process is sending this watch party post');
        this.deps.retryAt(record.channelId, now + CLAIM_RETRY_MS);
        return undefined;
      case 'posted':
        logger.info({ party: record.id, post: post.key }, 'watch party post already made by another process');
        await table.update(turn.record);
        this.deps.arm(turn.record, now);
        return undefined;
      case 'gone':
        this.deps.drop(record.channelId);
        if (turn.stored) this.deps.adopt(turn.stored, now);
        return undefined;
    }
  }

  /** The store lost the party (a Redis restarted empty): it is written back before posting goes on. */
  private async writeBack(turn: Extract<Turn, { kind: 'go' }>): Promise<void> {
    try {
      await this.deps.table.restore(turn.record);
    } catch (error) {
      await turn.release();
      throw error;
    }
    this.deps.logger.warn(
      { party: turn.record.id },
      'the store had lost a running watch party; wrote it back',
    );
  }
}
