/**
 * PostgreSQL text cannot hold the character U+0000: a value with one would fail in the database (a 500), so
 * schemas refuse it first, as a form error.
 */
export const storable = (text: string): boolean => !text.includes('\u0000');

/** The message key for such text. */
export const UNSTORABLE = 'abuse_text_unstorable';
