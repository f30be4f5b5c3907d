/**
 * Reading an upload form (multipart/form-data) with limits: one file, a few
 * short fields. A file over the size limit is not an exception: its bytes are
 * dropped past the limit and it is reported as truncated, so the form can be
 * shown again with a clear message and everything else that was typed.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { multipartBodyError } from '../../../shared/http/errors.js';

/** An upload form has one file, alt texts, a credit, labels: a handful of fields. */
const MAX_FIELDS = 20;
/** Longer than any alt text, credit or label the forms accept (they say so themselves). */
const MAX_FIELD_BYTES = 10_000;

/** Adds multipart parsing to a plugin's scope, with files cut off at `maxBytes`. */
export async function registerUploadParsing(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
  });
}

export interface UploadedFile {
  data: Buffer;
  filename: string;
  /** True when the file was longer than the limit (and `data` holds only its start). */
  truncated: boolean;
}

export interface UploadForm {
  fields: Record<string, string>;
  /** Undefined when the form was sent without choosing a file. */
  file: UploadedFile | undefined;
}

/** Reads every part of a multipart request: the `file` field and the text fields. */
export async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // A file input left empty still sends a part, with no name and no bytes.
        if (part.fieldname === 'file' && (part.filename !== '' || data.length > 0)) {
          file = { data, filename: part.filename, truncated: part.file.truncated };
        }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // A body cut off, malformed or beyond the limits is the sender's problem (400 or 413), not the server's.
    throw multipartBodyError(error);
  }
  return { fields, file };
}
