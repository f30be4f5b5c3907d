/**
 * A kind's autosave addresses, beside its edit pages: the edit script posts
 * the form to `…/<id>/autosave` (or `…/new/autosave`) a few seconds after a
 * change, and the notice's Discard button posts to `…/autosave/discard`.
 * Both go through the admin shell's session and CSRF checks like every
 * other admin form. What is kept is the account's own, never the item: the
 * item, its revisions and what visitors see stay as they are.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { AppError } from '../../../shared/errors.js';
import { assertCan } from '../../auth/index.js';
import { clearAutosave, keepAutosave, readAutosave, sameAsSaved, type AutosaveKey, type AutosaveProblem } from '../autosaves.js';
import type { BaseSnapshot, Editable } from '../editing.js';
import { itemAdminPath, type AnyContentAdmin } from './content-admin.views.js';
import { idParam } from './routes-support.js';

/**
 * The largest autosave accepted, in bytes: both languages of the longest
 * article, every letter percent-encoded as Vietnamese is (up to nine bytes a
 * letter), with room to spare. A larger body is refused (413).
 */
const AUTOSAVE_BODY_LIMIT = 2 * 1024 * 1024;

/** What a refused autosave says, for the script (and whoever reads the log). */
const PROBLEMS: Record<AutosaveProblem, string> = {
  empty: 'The form sent has none of the fields of this form.',
  notText: 'A field is not text, as a form sends it.',
  tooLong: 'A field is far longer than any form accepts.',
  tooMany: 'A list has more choices than the form offers.',
  revision: 'The form names a revision this item never had.',
};

/**
 * A refusal asked for by something other than the edit script (which asks
 * for JSON): a browser gets the site's error page, as from every admin form.
 */
class AutosaveRefusedError extends AppError {
  constructor(message: string) {
    super(422, 'autosave_refused', message);
  }
}

/** The form's values of a stored item, or of a new item, to compare an autosave with. */
type SavedValues = Readonly<Record<string, string | string[]>>;

export function autosaveRoutes(app: FastifyInstance, deps: AppDeps, kind: AnyContentAdmin): void {
  const { service, form } = kind.type;
  const contentKind = kind.type.kind;
  const options = { bodyLimit: AUTOSAVE_BODY_LIMIT, config: { changesNothingShown: true } };

  async function keep(request: FastifyRequest, reply: FastifyReply, key: AutosaveKey, item: Editable<BaseSnapshot> | undefined, saved: SavedValues) {
    const userId = request.user!.id;
    const reading = readAutosave(request.body, form.read(request.body) as unknown as SavedValues, item);
    if (!reading.ok) {
      if (!String(request.headers.accept ?? '').includes('application/json')) throw new AutosaveRefusedError(PROBLEMS[reading.problem]);
      return reply.code(422).send({ error: { code: 'autosave_refused', problem: reading.problem, field: reading.field ?? null, message: PROBLEMS[reading.problem] } });
    }
    // Typed back to what is saved: nothing to keep, and nothing to offer later.
    if (sameAsSaved(reading.fields, saved)) {
      await clearAutosave(deps.db, userId, contentKind, key);
      return reply.send({ kept: false, savedAt: null });
    }
    const now = deps.now();
    await keepAutosave(deps.db, userId, contentKind, key, reading, now);
    return reply.send({ kept: true, savedAt: now.toISOString() });
  }

  app.post('/new/autosave', options, async (request, reply) => {
    assertCan(request.user, 'content.create');
    const blank = form.blank(deps.today(), deps.config.OFFICE_TIME_ZONE) as unknown as SavedValues;
    return keep(request, reply, 'new', undefined, blank);
  });

  app.post('/:id/autosave', options, async (request, reply) => {
    const item = await service.get(deps.db, idParam(request.params));
    assertCan(request.user, 'content.edit', { createdBy: item.createdBy, status: item.snapshot.status });
    return keep(request, reply, item.id, item, form.fromSnapshot(item.snapshot, item.revision) as unknown as SavedValues);
  });

  app.post('/new/autosave/discard', { config: { changesNothingShown: true } }, async (request, reply) => {
    await clearAutosave(deps.db, request.user!.id, contentKind, 'new');
    return reply.redirect(`${kind.basePath}/new?done=discarded`, 303);
  });

  app.post('/:id/autosave/discard', { config: { changesNothingShown: true } }, async (request, reply) => {
    const id = idParam(request.params);
    await clearAutosave(deps.db, request.user!.id, contentKind, id);
    // An item deleted meanwhile has no page to go back to: its list instead.
    const item = await service.get(deps.db, id).catch(() => undefined);
    return reply.redirect(item ? `${itemAdminPath(kind, id)}?done=discarded` : kind.basePath, 303);
  });
}
