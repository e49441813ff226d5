/**
 * Removes what the bot stores about one user (see SECURITY.md):
 *
 *   npm run forget-user -- <userId>
 *
 * Reads STORE_URL, FILMS_DIR and DEFAULT_FILM as the bot does. Prints what it
 * removed; exits 1 with one line when it cannot. Best run while the bot is
 * stopped: a running bot holds active watch parties (and their Remind me
 * lists) in memory, and its next change to one would write the old list back.
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { forgetUser, isUserId } from '../src/privacy/forget-user.js';
import { createStore } from '../src/store/factory.js';
import { loadLibrary } from '../src/story/library.js';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const main = async () => {
  const userId = process.argv[2] ?? '';
  if (!isUserId(userId))
    return fail('Usage: npm run forget-user -- <userId>   (a Discord user id, 17 to 20 digits)');
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  const films = await loadLibrary(config.filmsDir, config.DEFAULT_FILM);
  const store = await createStore(config.STORE_URL, { logger });
  try {
    const { progress, reminders } = await forgetUser(store, films, userId);
    console.log(
      `Forgot user ${userId}: progress in ${progress.length} film(s)${progress.length ? ` (${progress.join(', ')})` : ''}, ` +
        `reminders in ${reminders.length} watch part${reminders.length === 1 ? 'y' : 'ies'}.`,
    );
    if (reminders.length > 0)
      console.log(
        'If the bot is running, restart it now: it keeps active watch parties in memory and could write the old list back.',
      );
  } finally {
    await store.close();
  }
};

main().catch((error: unknown) =>
  fail(error instanceof ConfigError || error instanceof Error ? error.message : String(error)),
);
