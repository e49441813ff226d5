import { DiscordError } from './errors.js';

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** Bot-token routes; interaction callbacks and interaction webhooks are authorised by their token instead. */
  readonly auth: boolean;
  readonly handle: (request: RouteRequest) => RouteResult | Promise<RouteResult>;
}

/** `route('GET', '/channels/:channel', ...)`: a path with `:name` parameters. */
export const route = (
  method: string,
  path: string,
  handle: Route['handle'],
  { auth = true }: { auth?: boolean } = {},
): Route => ({
  method,
  pattern: new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`),
  auth,
  handle,
});

export const ok = (body?: unknown): RouteResult => ({ status: body === undefined ? 204 : 200, body });

export const match = (
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined => {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (found) return { route: candidate, params: { ...found.groups } };
  }
  return undefined;
};

export const notFoundRoute = () => new DiscordError(404, 0, '404: Not Found');
