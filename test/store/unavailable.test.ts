import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStore } from '../../src/store/factory.js';
import { StoreUnavailableError } from '../../src/store/store.js';
import { capturingLogger } from './backends.js';

const Anything = z.unknown();

describe('a store that cannot be reached', () => {
  it('GIVEN Redis refusing connections WHEN the store is used THEN each operation fails fast with StoreUnavailableError', async () => {
    const store = await createStore('redis://127.0.0.1:1', { logger: capturingLogger().logger });
    for (const operation of [
      () => store.get('v1:progress:f:u', Anything),
      () => store.set('v1:progress:f:u', { seconds: 1 }),
      () => store.delete('v1:progress:f:u'),
    ]) {
      const started = Date.now();
      await expect(operation()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    await store.close();
  });

  describe('GIVEN a server that accepts connections but never answers', () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket.on('error', () => undefined)));
    let url = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      url = `redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('WHEN the store is used THEN it gives up at its deadline instead of hanging', async () => {
      const store = await createStore(url, { logger: capturingLogger().logger, timeoutMs: 300 });
      const started = Date.now();
      await expect(store.get('v1:progress:f:u', Anything)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
      const closing = Date.now();
      await store.close();
      expect(Date.now() - closing).toBeLessThan(1000);
    });
  });

  it('GIVEN a SQLite path that cannot be created THEN opening says which file and why', async () => {
    // A folder inside a plain file can never be made, whoever runs the test.
    const dir = await mkdtemp(path.join(tmpdir(), 'filmclub-store-'));
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, '');
    await expect(
      createStore(`sqlite://${blocker}/var/filmclub.sqlite`, { logger: capturingLogger().logger }),
    ).rejects.toThrow(/a-file/);
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN an unknown STORE_URL scheme THEN it names the backends it knows', async () => {
    await expect(createStore('postgres://db/filmclub', { logger: capturingLogger().logger })).rejects.toThrow(
      /sqlite:\/\/.*redis:\/\/.*memory:\/\//,
    );
  });
});
