import { Changes } from './waiter.js';

/** One REST call as the fake Discord received and answered it. */
export interface RecordedCall {
  readonly method: string;
  /** The route after /api/v10, without the query string: `/channels/1/messages`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly authorized: boolean;
  status: number;
  /** Set when the answer came from an injected fault rather than the fake's own routes. */
  fault?: string;
  readonly at: number;
}

export type CallMatcher = { method?: string; path?: string | RegExp };

const matches = (call: RecordedCall, { method, path }: CallMatcher) =>
  (!method || call.method === method.toUpperCase()) &&
  (!path || (typeof path === 'string' ? call.path === path : path.test(call.path)));

/** Every REST call, in order: what tests assert on and wait for. */
export class Recorder extends Changes {
  readonly calls: RecordedCall[] = [];

  record(call: RecordedCall): void {
    this.calls.push(call);
    this.changed();
  }

  /** Calls a status was set on after recording (the handler ran). */
  answered(): void {
    this.changed();
  }

  find(matcher: CallMatcher): RecordedCall[] {
    return this.calls.filter((call) => matches(call, matcher));
  }

  /** Resolves with the first call (from index `from`) that matches and has been answered. */
  waitFor(matcher: CallMatcher, { from = 0, timeoutMs = 5000 } = {}): Promise<RecordedCall> {
    return this.until(
      () => this.calls.slice(from).find((call) => call.status > 0 && matches(call, matcher)),
      `a REST call ${matcher.method ?? '*'} ${matcher.path ?? '*'}`,
      timeoutMs,
      () => this.describe(from),
    );
  }

  describe(from = 0): string {
    const lines = this.calls
      .slice(from)
      .map((c) => `  ${c.method} ${c.path} → ${c.status}${c.fault ? ` (${c.fault})` : ''}`);
    return lines.length > 0 ? `REST calls so far:\n${lines.join('\n')}` : 'no REST calls so far';
  }

  clear(): void {
    this.calls.length = 0;
  }
}
