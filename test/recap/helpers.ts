import type { Line } from '../../src/reply/model.js';
import { renderLines } from '../../src/reply/render.js';

/** Lines as Discord would show them, markdown escapes removed, so tests can search the words. */
export const shown = (lines: readonly Line[]): string =>
  renderLines(lines, Number.MAX_SAFE_INTEGER).replace(/\\(.)/g, '$1');

/** What a reader sees without clicking a spoiler. */
export const visible = (content: string): string => content.replace(/\|\|[\s\S]*?\|\|/g, '');

/** Words of four letters or more, for comparing texts. */
export const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
