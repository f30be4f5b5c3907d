/**
 * The errors services throw. Each carries an HTTP status and a stable code;
 * the one error handler turns them into pages (or JSON when asked).
 * Messages of 4xx errors are shown to people, so write them for people.
 */
export abstract class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    // The class's own name ('NotFoundError'…), for logs and stack traces.
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'The page you asked for does not exist.') {
    super(404, 'not_found', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do that.') {
    super(403, 'forbidden', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Please sign in first.') {
    super(401, 'unauthenticated', message);
  }
}

/** Input that cannot be accepted; `fields` maps a field name to its message. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(400, 'invalid_input', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** An import that cannot be understood: names the file and line. */
export class ImportError extends AppError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(422, 'import_failed', `${file}:${line}: ${reason}`);
  }
}

/** Too many failed tries of a secret (a password); may be tried again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_attempts', message);
  }
}

/** A request body the server cannot take: malformed or cut off (400), or beyond the form's limits (413). */
export class RequestBodyError extends AppError {
  constructor(statusCode: 400 | 413, message: string, options?: ErrorOptions) {
    super(statusCode, statusCode === 413 ? 'body_too_large' : 'bad_body', message, options);
  }
}
