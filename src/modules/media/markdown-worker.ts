/**
 * The worker thread that renders Markdown for the live preview (see
 * markdown-off-thread.ts): one job at a time, answered with its id.
 */
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './markdown.js';

export interface RenderJob {
  id: number;
  text: string;
}

export interface RenderResult {
  id: number;
  html: string;
}

parentPort?.on('message', (job: RenderJob) => {
  const result: RenderResult = { id: job.id, html: renderMarkdown(job.text) };
  parentPort?.postMessage(result);
});
