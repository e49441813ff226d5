import { stemmer } from 'stemmer';
import { canonicalWord, STOPWORDS } from './lexicon.js';

/** Lowercase, accents and markdown gone, curly quotes straightened: the form every matcher compares. */
export const normalizeText = (value: string): string =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/<@[!&]?\d+>|<#\d+>|@(everyone|here)/g, ' ')
    .replace(/[^a-z0-9'\s-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const words = (value: string): string[] =>
  normalizeText(value)
    .split(/[\s-]+/)
    .map((word) => word.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter(Boolean);

/** One search term per word: synonyms folded, then Porter-stemmed. Stopwords give null. */
export const searchTerm = (word: string): string | null => {
  if (STOPWORDS.has(word)) return null;
  const canonical = canonicalWord(word);
  if (canonical) return canonical;
  return stemmer(word);
};

export const contentTerms = (value: string): string[] =>
  words(value)
    .map(searchTerm)
    .filter((term): term is string => term !== null);
