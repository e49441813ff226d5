/** A Discord id: 17 to 20 digits. Checked wherever typed text could become a mention or a lookup. */
export const SNOWFLAKE = /^\d{17,20}$/;

export const isSnowflake = (value: string): boolean => SNOWFLAKE.test(value);
