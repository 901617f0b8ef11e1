// Two worker threads that draw certificate PDFs in parallel (both cores). The batch is split in halves;
// each worker draws its half with the same font template (chosen by the alphabet of the whole batch), and
// this thread assembles one PDF from the page streams or collects the separate files. Small batches, and
// any environment where a worker cannot start, are drawn in this thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  alphabetOf,
  assembleCertificatesPdf,
  type CertificatePdfData,
  type CertificatePdfOptions,
  renderCertificatePdfFilesSync,
  renderPageStreams,
} from './certificate-pdf.js';
import type { PdfResult, PdfTask } from './certificate-pdf.worker.js';

const PARALLEL_FROM = 48;
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism?.() ?? 2));

type Pending = { resolve: (b: Buffer[]) => void; reject: (e: Error) => void };
let pool: Worker[] | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function startPool(): Worker[] | null {
  if (broken) return null;
  if (pool) return pool;
  try {
    const isTs = import.meta.url.endsWith('.ts');
    const url = new URL(`./certificate-pdf.worker.${isTs ? 'ts' : 'js'}`, import.meta.url);
    pool = Array.from({ length: WORKERS }, () => {
      const w = new Worker(url, { execArgv: isTs ? ['--import', 'tsx'] : [] });
      w.unref();
      w.on('message', (r: PdfResult) => {
        const p = pending.get(r.id);
        if (!p) return;
        pending.delete(r.id);
        if (r.error || !r.buffers) p.reject(new Error(r.error ?? 'PDF worker failed'));
        else p.resolve(r.buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
      });
      w.on('error', () => {
        broken = true;
        pool = null;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject(new Error('PDF worker stopped'));
        }
      });
      return w;
    });
    return pool;
  } catch {
    broken = true;
    return null;
  }
}

function run(w: Worker, task: Omit<PdfTask, 'id'>): Promise<Buffer[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...task, id } satisfies PdfTask);
  });
}

async function inWorkers(
  kind: PdfTask['kind'],
  items: CertificatePdfData[],
  opts: CertificatePdfOptions,
  alphabet: string,
): Promise<Buffer[] | null> {
  if (items.length < PARALLEL_FROM) return null;
  const workers = startPool();
  if (!workers) return null;
  const size = Math.ceil(items.length / workers.length);
  try {
    const parts = await Promise.all(
      workers.map((w, i) => run(w, { kind, items: items.slice(i * size, (i + 1) * size), opts, alphabet })),
    );
    return parts.flat();
  } catch {
    return null;
  }
}

/** All certificates as one PDF, drawn on both cores. */
export async function renderCertificatesPdfParallel(
  items: CertificatePdfData[],
  opts: CertificatePdfOptions,
): Promise<Buffer> {
  const alphabet = alphabetOf(items);
  const streams =
    (await inWorkers('streams', items, opts, alphabet)) ?? renderPageStreams(items, opts, alphabet);
  return assembleCertificatesPdf(streams, opts, alphabet);
}

/** Each certificate as its own PDF, drawn on both cores. */
export async function renderCertificatePdfFiles(
  items: CertificatePdfData[],
  opts: CertificatePdfOptions,
): Promise<Buffer[]> {
  const alphabet = alphabetOf(items);
  return (
    (await inWorkers('files', items, opts, alphabet)) ?? renderCertificatePdfFilesSync(items, opts, alphabet)
  );
}

/** Starts the workers ahead of the first batch (the server calls nothing; benches warm up with it). */
export function warmUpCertificateWorkers(): void {
  startPool();
}
