import { EventEmitter } from 'node:events';

/**
 * Lets tests await "the first time X is true" on state that changes by events,
 * with a timeout that says what was being waited for.
 */
export class Changes extends EventEmitter {
  private pending = false;

  /**
   * Notes a change; waiters look on the next turn of the event loop, after the
   * HTTP response or gateway frame that made the change has gone out.
   */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.emit('change');
    });
  }

  until<T>(check: () => T | undefined, what: string, timeoutMs = 5000, explain?: () => string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        this.off('change', onChange);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.off('change', onChange);
        reject(
          new Error(
            `fake Discord: timed out after ${timeoutMs} ms waiting for ${what}${explain ? `\n${explain()}` : ''}`,
          ),
        );
      }, timeoutMs);
      this.on('change', onChange);
    });
  }
}
