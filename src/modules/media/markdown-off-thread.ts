/**
 * Markdown rendered on a worker thread, for the live preview: the one place
 * that renders while answering a request, for any text a contributor sends.
 * Rendering is bounded (markdown.ts) but still takes a few hundred
 * milliseconds on the longest texts; on the worker it takes them from no
 * other request. One worker per app, started on first use, renders one text
 * at a time; it stops when the app closes.
 */
import { Worker } from 'node:worker_threads';
import { plainParagraphsHtml } from './markdown.js';
import type { RenderJob, RenderResult } from './markdown-worker.js';

/**
 * How long a text may wait for its HTML before it is shown as plain
 * paragraphs and the worker is replaced: far beyond the slowest text the
 * renderer takes (under a second), short of an editor giving up.
 */
const TIMEOUT_MS = 10_000;
/** The worker's heap: a text and its HTML are at most a few megabytes. */
const WORKER_HEAP_MB = 64;

interface Pending {
  text: string;
  resolve: (html: string) => void;
  timer: NodeJS.Timeout;
}

export interface OffThreadRenderer {
  /**
   * Renders Markdown to sanitized HTML as renderMarkdown does, on the worker
   * thread. Never rejects: should the worker fail or take too long, the text
   * comes back as escaped plain paragraphs.
   */
  render(text: string): Promise<string>;
  /** Stops the worker (texts still waiting come back as plain paragraphs); a later text starts a new one. */
  stop(): Promise<void>;
}

/**
 * The built worker runs as it is; from the TypeScript sources (tests,
 * development) the worker first registers tsx, whose loader a worker thread
 * does not inherit on Node 20.
 */
function workerSource(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./markdown-worker.js', import.meta.url), eval: false };
  const source = JSON.stringify(new URL('./markdown-worker.ts', import.meta.url).href);
  return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`, eval: true };
}

/** A renderer with a worker of its own (started on first use). */
export function createOffThreadRenderer(): OffThreadRenderer {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let lastId = 0;

  /** Answers every waiting text as plain paragraphs and lets the next text start a new worker. */
  function abandonWorker(): Worker | undefined {
    const stopping = worker;
    worker = undefined;
    for (const job of pending.values()) {
      clearTimeout(job.timer);
      job.resolve(plainParagraphsHtml(job.text));
    }
    pending.clear();
    return stopping;
  }

  function startWorker(): Worker {
    const { script, eval: isEval } = workerSource();
    const started = new Worker(script, { eval: isEval, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // An idle worker keeps no process alive.
    started.unref();
    started.on('message', (result: RenderResult) => {
      const job = pending.get(result.id);
      if (!job) return;
      clearTimeout(job.timer);
      pending.delete(result.id);
      job.resolve(result.html);
    });
    started.on('error', () => {
      if (worker === started) void abandonWorker()?.terminate();
    });
    started.on('exit', () => {
      if (worker === started) abandonWorker();
    });
    return started;
  }

  return {
    render(text) {
      if (text.trim() === '') return Promise.resolve('');
      return new Promise((resolve) => {
        worker ??= startWorker();
        lastId += 1;
        const id = lastId;
        const timer = setTimeout(() => void abandonWorker()?.terminate(), TIMEOUT_MS);
        timer.unref();
        pending.set(id, { text, resolve, timer });
        const job: RenderJob = { id, text };
        worker.postMessage(job);
      });
    },
    async stop() {
      await abandonWorker()?.terminate();
    },
  };
}
