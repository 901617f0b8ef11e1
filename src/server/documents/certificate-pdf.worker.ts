// Worker thread of the certificate PDF pool: draws page streams or whole files for a slice of certificates.
import { parentPort } from 'node:worker_threads';
import {
  type CertificatePdfData,
  type CertificatePdfOptions,
  renderCertificatePdfFilesSync,
  renderPageStreams,
} from './certificate-pdf.js';

export type PdfTask = {
  id: number;
  kind: 'streams' | 'files';
  items: CertificatePdfData[];
  opts: CertificatePdfOptions;
  alphabet: string;
};
export type PdfResult = { id: number; buffers?: Uint8Array[]; error?: string };

parentPort?.on('message', (task: PdfTask) => {
  try {
    const out =
      task.kind === 'streams'
        ? renderPageStreams(task.items, task.opts, task.alphabet)
        : renderCertificatePdfFilesSync(task.items, task.opts, task.alphabet);
    // copy into one transferable block so that the results move without a second copy
    const total = out.reduce((n, b) => n + b.length, 0);
    const block = new Uint8Array(total);
    let pos = 0;
    const buffers = out.map((b) => {
      block.set(b, pos);
      const view = block.subarray(pos, pos + b.length);
      pos += b.length;
      return view;
    });
    parentPort!.postMessage({ id: task.id, buffers } satisfies PdfResult, [block.buffer]);
  } catch (e) {
    parentPort!.postMessage({
      id: task.id,
      error: e instanceof Error ? e.message : String(e),
    } satisfies PdfResult);
  }
});
