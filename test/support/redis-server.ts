import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { tmpdir } from 'node:os';

/** Whether a `redis-server` binary is on PATH, for tests that start and stop their own Redis. */
export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

/** A port nothing listens on right now, picked by the OS. */
export const freePort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

export interface ThrowawayRedis {
  readonly port: number;
  readonly url: string;
  /** Kills it outright, as a crash or a pulled cable would, and waits until it is gone. */
  kill(): Promise<void>;
}

/**
 * A Redis of the test's own on `port`: no persistence, in the foreground, so
 * killing it never touches the machine's Redis on 6379 that other tests use.
 */
export const startRedis = async (port: number): Promise<ThrowawayRedis> => {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited at start:\n${output}`));
    });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
};
