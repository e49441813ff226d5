import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordError } from './errors.js';
import type { Faults } from './faults.js';
import type { Recorder, RecordedCall } from './recorder.js';
import { match, notFoundRoute, type Route } from './router.js';

/** Discord's REST base, as discord.js builds it from `rest.api`: `${api}/v10`. */
export const API_PREFIX = '/api/v10';

export interface RestDeps {
  readonly routes: readonly Route[];
  readonly recorder: Recorder;
  readonly faults: Faults;
  readonly token: string;
  /** Bugs in the fake itself (a handler threw something that is not a Discord error). */
  readonly bugs: Error[];
}

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (!(request.headers['content-type'] ?? '').includes('application/json'))
    throw new DiscordError(
      400,
      50109,
      'The request body contains invalid JSON. (the fake Discord takes JSON only, no files)',
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordError(400, 50109, 'The request body contains invalid JSON.');
  }
};

const send = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  if (status === 204 || body === undefined) {
    response.writeHead(status === 200 ? 204 : status, headers).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response
    .writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
      ...headers,
    })
    .end(text);
};

/** The REST half of the fake: records each call, serves an armed fault or the matching route. */
export const restHandler =
  ({ routes, recorder, faults, token, bugs }: RestDeps) =>
  async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://fake-discord');
    const method = request.method ?? 'GET';
    // discord.js encodes `@original` as `%40original`; routes match the decoded path.
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const call: RecordedCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      authorized: request.headers.authorization === `Bot ${token}`,
      status: 0,
      at: performance.now(),
    };
    const finish = (status: number, body: unknown, headers?: Record<string, string>) => {
      call.status = status === 200 && body === undefined ? 204 : status;
      send(response, status, body, headers);
      recorder.answered();
    };
    try {
      (call as { body: unknown }).body = await readBody(request);
      recorder.record(call);
      const fault = faults.take(method, path);
      if (fault) {
        call.fault = fault.kind;
        return finish(fault.status, fault.body, fault.headers);
      }
      if (!pathname.startsWith(API_PREFIX)) throw notFoundRoute();
      const found = match(routes, method, path);
      if (!found) throw notFoundRoute();
      if (found.route.auth && !call.authorized) throw new DiscordError(401, 0, '401: Unauthorized');
      const result = await found.route.handle({
        method,
        path,
        params: found.params,
        query: call.query,
        body: call.body,
      });
      finish(result.status, result.body);
    } catch (error) {
      if (!recorder.calls.includes(call)) recorder.record(call);
      if (error instanceof DiscordError) return finish(error.status, error.body);
      bugs.push(error as Error);
      call.fault = `fake Discord bug: ${(error as Error).message}`;
      finish(500, { message: `fake Discord bug: ${(error as Error).stack}`, code: 0 });
    }
  };
