import { loadPack } from '../../src/story/load.js';
import type { Pack } from '../../src/story/pack.js';
import { bundledPackDir, fixturePackDir } from './paths.js';

let bundled: Promise<Pack> | undefined;
let fixture: Promise<Pack> | undefined;

/** Never Let Me Go, loaded once per test file. */
export const bundledPack = (): Promise<Pack> => (bundled ??= loadPack(bundledPackDir));
/** The Night Ferry: a tiny second film, so nothing is tied to one title. */
export const fixturePack = (): Promise<Pack> => (fixture ??= loadPack(fixturePackDir));
