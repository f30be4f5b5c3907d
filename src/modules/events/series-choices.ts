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

/** What is wrong with the series chosen, by its form field: nothing, or that it was deleted while the form was open. */
export async function seriesChoiceProblems(db: Kysely<Database>, seriesId: number | null | undefined): Promise<{ series_id?: 'editing.error.seriesMissing' }> {
  if (seriesId === null || seriesId === undefined) return {};
  const offered = await choices(db);
  return offered.some((s) => s.id === seriesId) ? {} : { series_id: 'editing.error.seriesMissing' };
}
