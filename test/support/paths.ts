import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bundledPackDir = fileURLToPath(new URL('../../data/films/never-let-me-go/', import.meta.url));
export const fixtureFilmsDir = fileURLToPath(new URL('../fixtures/films/', import.meta.url));
export const fixturePackDir = fileURLToPath(new URL('../fixtures/films/night-ferry/', import.meta.url));
