/**
 * `almanac user …`: managing accounts from the command line, for the first
 * administrator and for when nobody can sign in.
 *
 *   user create --email x --role admin|editor|contributor [--name y] [--generate-password]
 *   user list
 *   user set-password --email x [--generate-password]
 *   user disable --email x
 *   user enable --email x
 *
 * A password is asked twice with hidden typing on a terminal; otherwise (or
 * with --generate-password) a random one is made and printed once.
 */
import { parseArgs } from 'node:util';
import type { AppDeps } from '../../app-deps.js';
import { ValidationError } from '../../shared/errors.js';
import { translator } from '../i18n/index.js';
import { mailSite } from '../mail/index.js';
import { ROLES } from './auth.types.js';
import { noticePasswordChanged } from './password-reset.service.js';
import { generatePassword } from './passwords.js';
import {
  createUser,
  disableUser,
  enableUser,
  findUserByEmail,
  listUsers,
  passwordProblemKey,
  resetPassword,
  type Actor,
} from './users.service.js';

/** Thrown for a mistake in the command; the CLI prints the message and exits with this code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export const USER_USAGE = `Usage:
  almanac user create --email <email> --role admin|editor|contributor [--name <name>] [--generate-password]
  almanac user list
  almanac user set-password --email <email> [--generate-password]
  almanac user disable --email <email>
  almanac user enable --email <email>

On a terminal the password is asked (twice, not shown). Otherwise, or with
--generate-password, a random password is made and printed once.`;

/** The command line acts for nobody in particular; the audit log says so. */
const CLI_ACTOR: Actor = { userId: null, ip: null };

/** How often a mistyped or refused password may be typed again before giving up. */
const PASSWORD_TRIES = 3;

const english = translator('en');

/** The field messages of a ValidationError, in English, one per line. */
function describeProblems(error: ValidationError): string {
  return Object.entries(error.fields)
    .map(([field, key]) => `  ${field}: ${english(key as Parameters<typeof english>[0]) ?? key}`)
    .join('\n');
}

/** Keys typed ahead of a prompt (pasted, or typed quickly) wait here for the next one. */
let typedAhead = '';

/** Reads one line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo goes off before the prompt is shown: whatever is typed once the prompt is
  // on screen is never echoed, however quickly it comes.
  stdin.setEncoding('utf8');
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    let done = false;
    const finish = (error?: Error) => {
      done = true;
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i += 1) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n') {
          // A CR LF pair ends one line, not two.
          const skip = ch === '\r' && chars[i + 1] === '\n' ? 1 : 0;
          typedAhead = chars.slice(i + 1 + skip).join('');
          return finish();
        }
        // Ctrl-C and Ctrl-D stop the command.
        if (ch === '\u0003' || ch === '\u0004') return finish(new CommandError('Cancelled; nothing was changed.', 130));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    if (typedAhead) {
      const pending = typedAhead;
      typedAhead = '';
      onData(pending);
      if (done) return;
    }
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** A new password: typed on a terminal (checked and confirmed) or generated. */
async function obtainPassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate || !process.stdin.isTTY) return { password: generatePassword(), generated: true };
  for (let attempt = 1; attempt <= PASSWORD_TRIES; attempt += 1) {
    const password = await readHidden('New password: ');
    const problem = passwordProblemKey(password);
    if (problem) {
      process.stderr.write(`${english(problem)}\n`);
      continue;
    }
    if ((await readHidden('Type it again: ')) !== password) {
      process.stderr.write(`${english('admin.password.mismatch')}\n`);
      continue;
    }
    return { password, generated: false };
  }
  throw new CommandError('No acceptable password was given; nothing was changed.');
}

function printGenerated(password: string): void {
  console.log(`Password (shown only this once): ${password}`);
}

async function requireUser(deps: AppDeps, email: string | undefined) {
  if (!email) throw new CommandError(`--email is required.\n\n${USER_USAGE}`, 2);
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new CommandError(`No account has the email ${email}.`);
  return user;
}

/** Runs `almanac user <args>`. */
export async function runUserCommand(deps: AppDeps, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  let values: { email?: string | undefined; role?: string | undefined; name?: string | undefined; 'generate-password'?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        'generate-password': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n\n${USER_USAGE}`, 2);
  }
  const generate = values['generate-password'] ?? false;
  const now = deps.now();

  switch (sub) {
    case 'create': {
      if (!values.email) throw new CommandError(`--email is required.\n\n${USER_USAGE}`, 2);
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
        throw new CommandError(`--role must be one of ${ROLES.join(', ')}.\n\n${USER_USAGE}`, 2);
      }
      if (await findUserByEmail(deps.db, values.email)) throw new CommandError(`An account with the email ${values.email} already exists.`);
      const name = values.name ?? values.email.split('@')[0] ?? values.email;
      const { password, generated } = await obtainPassword(generate);
      try {
        const user = await createUser(deps.db, { email: values.email, name, role: values.role, password }, CLI_ACTOR, now);
        console.log(`Created ${user.role} ${user.email} (${user.name}).`);
        if (generated) printGenerated(password);
      } catch (error) {
        if (error instanceof ValidationError) throw new CommandError(`The account was not created:\n${describeProblems(error)}`);
        throw error;
      }
      return;
    }
    case 'list': {
      const rows = await listUsers(deps.db);
      if (rows.length === 0) {
        console.log('There are no accounts yet. Create one with: almanac user create --role admin --email <email>');
        return;
      }
      const width = Math.max(...rows.map((r) => r.email.length));
      for (const row of rows) {
        const state = row.disabled_at ? 'disabled' : 'active';
        console.log(`${row.email.padEnd(width)}  ${row.role.padEnd(11)}  ${state.padEnd(8)}  ${row.name}`);
      }
      return;
    }
    case 'set-password': {
      const user = await requireUser(deps, values.email);
      const { password, generated } = await obtainPassword(generate);
      await resetPassword(deps.db, user.id, password, CLI_ACTOR, now);
      // Queued: the running server's mail worker sends it.
      await noticePasswordChanged(deps.db, mailSite(deps.config), user.id, now);
      console.log(`New password set for ${user.email}; all of its sessions were ended, and its holder will be told by email.`);
      if (generated) printGenerated(password);
      return;
    }
    case 'disable': {
      const user = await requireUser(deps, values.email);
      try {
        await disableUser(deps.db, user.id, CLI_ACTOR, now);
      } catch (error) {
        if (error instanceof ValidationError) throw new CommandError(`${user.email} was not disabled:\n${describeProblems(error)}`);
        throw error;
      }
      console.log(`Disabled ${user.email}; its sessions were ended.`);
      return;
    }
    case 'enable': {
      const user = await requireUser(deps, values.email);
      await enableUser(deps.db, user.id, CLI_ACTOR, now);
      console.log(`Enabled ${user.email}.`);
      return;
    }
    default:
      throw new CommandError(sub ? `almanac user: unknown command "${sub}".\n\n${USER_USAGE}` : USER_USAGE, 2);
  }
}
