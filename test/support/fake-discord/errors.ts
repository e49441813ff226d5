/** An error as Discord's REST API returns it: an HTTP status and a JSON code and message. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body() {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const notFound = (what: string, code: number) => new DiscordError(404, code, `Unknown ${what}`);
export const missingPermissions = () => new DiscordError(403, 50013, 'Missing Permissions');
export const missingAccess = () => new DiscordError(403, 50001, 'Missing Access');

/** 50035 Invalid Form Body, with Discord's nested `_errors` shape for each field. */
export const invalidForm = (problems: readonly { path: string; code: string; message: string }[]) => {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of problems) {
    let node = errors;
    for (const key of path.split('.')) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code, message });
  }
  return new DiscordError(400, 50035, 'Invalid Form Body', errors);
};
