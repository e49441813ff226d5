const DURATION =
  /^(?:(\d{1,4})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,5})\s*m(?:in(?:ute)?s?)?)?\s*(?:(\d{1,6})\s*s(?:ec(?:ond)?s?)?)?$/;

/** Seconds in "1h05m", "45m", "90s", "2h 10min"; undefined when the text is not such a duration. */
export const parseDuration = (input: string): number | undefined => {
  const match = DURATION.exec(input.trim().toLowerCase());
  if (!match || (match[1] ?? match[2] ?? match[3]) === undefined) return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
};
