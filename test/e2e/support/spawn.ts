import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../../support/paths.js';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript entry point as `npm start` would (node with tsx), with only
 * the environment given. Asynchronous, so a fake Discord in this process keeps answering.
 */
export const startScript = (script: string, args: readonly string[], env: Record<string, string>) => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, ...output })),
  );
  return { child, output, finished };
};

export const runScript = (
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
) => {
  const { child, finished } = startScript(script, args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return finished.finally(() => clearTimeout(timer));
};
