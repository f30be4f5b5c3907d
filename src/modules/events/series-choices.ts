/**
 * The series an event may be put in, for the event form's picker. The series
 * module offers them and the app hands them over (see src/module-links.ts):
 * series reads events, so events cannot import it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A series as the picker offers it. */
export interface SeriesChoice {
  id: number;
  title: string;
}

export type SeriesChoices = (db: Kysely<Database>) => Promise<SeriesChoice[]>;

let choices: SeriesChoices = async () => [];

/** Sets where the event form's series come from. */
export function useSeriesChoices(source: SeriesChoices): void {
  choices = source;
}

/** The series the event form offers. */
export function seriesChoices(db: Kysely<Database>): Promise<SeriesChoice[]> {
  return choices(db);
}
