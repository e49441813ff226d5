import { isKnownAt, type Fact, type Pack } from '../story/pack.js';
import { mentionedEntityIds, type Mention } from './entities.js';

/** Up to three questions the pack can answer without spoiling anything at this position. */
export const suggestions = (
  pack: Pack,
  related: readonly Fact[],
  mentions: readonly Mention[],
  position: number,
): string[] => {
  const named = mentionedEntityIds(mentions);
  const safe = (fact: Fact) => isKnownAt(fact, position);
  const pool = [
    ...related.filter(safe),
    ...pack.facts.filter((fact) => safe(fact) && fact.about.some((id) => named.has(id))),
    ...pack.facts.filter((fact) => fact.kind === 'film'),
  ];
  const out = new Set<string>();
  for (const fact of pool) {
    if (out.size >= 3) break;
    const phrasing = fact.ask[0];
    if (phrasing) out.add(phrasing);
  }
  return [...out];
};
