import type { CallMatcher } from './recorder.js';

/** A failure Discord can answer with, to be served instead of the real response. */
export type Fault =
  | { kind: 'rate-limit'; retryAfterMs: number; global?: boolean }
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504 }
  | { kind: 'missing-permissions' }
  | { kind: 'unknown-interaction' };

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const respond = (fault: Fault): FaultResponse => {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = fault.retryAfterMs / 1000;
      return {
        status: 429,
        headers: {
          'retry-after': String(seconds),
          'x-ratelimit-scope': fault.global ? 'global' : 'user',
          ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
        body: { message: 'You are being rate limited.', retry_after: seconds, global: fault.global ?? false },
      };
    }
    case 'server-error':
      // Discord's 5xx come from its edge and carry no JSON error body.
      return { status: fault.status, headers: { 'content-type': 'text/plain' }, body: 'upstream error' };
    case 'missing-permissions':
      return { status: 403, headers: {}, body: { message: 'Missing Permissions', code: 50013 } };
    case 'unknown-interaction':
      return { status: 404, headers: {}, body: { message: 'Unknown interaction', code: 10062 } };
  }
};

interface Armed {
  readonly matcher: CallMatcher;
  readonly fault: Fault;
  remaining: number;
}

/** Faults armed by tests; each answers the next `times` matching calls, then disarms. */
export class Faults {
  private readonly armed: Armed[] = [];

  inject(matcher: CallMatcher, fault: Fault, times = 1): void {
    this.armed.push({ matcher, fault, remaining: times });
  }

  /** The fault for this call, if one is armed for it; consumes one use. */
  take(method: string, path: string): (FaultResponse & { kind: Fault['kind'] }) | undefined {
    const hit = this.armed.find(
      ({ matcher }) =>
        (!matcher.method || matcher.method.toUpperCase() === method) &&
        (!matcher.path ||
          (typeof matcher.path === 'string' ? matcher.path === path : matcher.path.test(path))),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed.splice(this.armed.indexOf(hit), 1);
    return { ...respond(hit.fault), kind: hit.fault.kind };
  }

  clear(): void {
    this.armed.length = 0;
  }
}
