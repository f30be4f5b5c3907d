import { ConflictError } from '../../shared/errors.js';

/**
 * A save made from a form loaded at an older revision, when someone else has
 * changed the item since. Carries the stored version so that the conflict page
 * can show it next to what the second person typed.
 */
export class StaleEditError<TSnapshot = unknown> extends ConflictError {
  constructor(
    /** The item as it is stored now. */
    readonly stored: TSnapshot,
    /** Its revision number now (the form must be resubmitted with this one). */
    readonly storedRevision: number,
    /** The revision the form was loaded at. */
    readonly loadedRevision: number,
    /** Who saved the stored version, when known. */
    readonly storedBy: number | null,
  ) {
    super('Someone else saved this item after you opened it. Nothing was overwritten.');
    this.name = 'StaleEditError';
  }
}
