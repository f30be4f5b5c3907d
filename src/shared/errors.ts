/**
 * The errors services throw. Each carries an HTTP status and a stable code;
 * the one error handler turns them into pages (or JSON when asked).
 * Messages of 4xx errors are shown to people, so write them for people.
 */
export abstract class AppError extends Error {
  abstract readonly statusCode: number;
  abstract readonly code: string;
}

export class NotFoundError extends AppError {
  readonly statusCode = 404;
  readonly code = 'not_found';
  constructor(message = 'The page you asked for does not exist.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends AppError {
  readonly statusCode = 403;
  readonly code = 'forbidden';
  constructor(message = 'You are not allowed to do that.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends AppError {
  readonly statusCode = 401;
  readonly code = 'unauthenticated';
  constructor(message = 'Please sign in first.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Input that cannot be accepted; `fields` maps a field name to its message. */
export class ValidationError extends AppError {
  readonly statusCode = 400;
  readonly code = 'invalid_input';
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class ConflictError extends AppError {
  readonly statusCode = 409;
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** An import that cannot be understood: names the file and line. */
export class ImportError extends AppError {
  readonly statusCode = 422;
  readonly code = 'import_failed';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Too many failed tries of a secret (a password); may be tried again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends AppError {
  readonly statusCode = 429;
  readonly code = 'too_many_attempts';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyAttemptsError';
  }
}

/** A request body the server cannot take: malformed or cut off (400), or beyond the form's limits (413). */
export class RequestBodyError extends AppError {
  readonly code: string;
  constructor(
    readonly statusCode: 400 | 413,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = statusCode === 413 ? 'body_too_large' : 'bad_body';
    this.name = 'RequestBodyError';
  }
}
