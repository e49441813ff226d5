/** Film times are whole seconds from the first frame; packs write them as H:MM. */
export const parseClock = (hmm: string): number => {
  const [hours, minutes] = hmm.split(':').map(Number);
  return (hours! * 60 + minutes!) * 60;
};

/** The one formatter for film positions: 65 minutes prints as "1:05". */
export const formatFilmTime = (seconds: number): string => {
  const totalMinutes = Math.floor(Math.max(0, seconds) / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}`;
};
