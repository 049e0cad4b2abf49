import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findIdNumber, parseValidity } from '@zhixiang/shared/identity/id-card';
import type { IdCardBackText, IdCardFrontText, IdCardOcr } from '@zhixiang/shared/ports/id-card-ocr';
import type { Worker } from 'tesseract.js';
import { assertLocalStage, type Stage } from '../../platform/config';

/**
 * Local stage only: reads ID-card photos offline with tesseract.js and the English traineddata
 * installed by npm (`@tesseract.js-data/eng`, the `4.0.0_best_int` model) — nothing is downloaded
 * at run time. It reads what the checks need most, the 18-character number and the validity
 * dates; there is no Chinese model on npm, so names are not read (the name check is skipped).
 */
export class TesseractIdCardOcr implements IdCardOcr {
  readonly provider = 'tesseract' as const;
  private worker: Promise<Worker> | null = null;

  constructor(stage: Stage) {
    assertLocalStage(stage, 'TesseractIdCardOcr');
  }

  async readFront(image: Uint8Array): Promise<IdCardFrontText> {
    const text = await this.recognise(image);
    return { name: null, idNumber: findIdNumber(text), address: null, gender: null, nationality: null };
  }

  async readBack(image: Uint8Array): Promise<IdCardBackText> {
    const text = await this.recognise(image);
    const validity = parseValidity(text.replace(/\s+/g, ''));
    if (!validity) return { validDate: null };
    const dotted = (date: string) => date.replaceAll('-', '.');
    return { validDate: `${dotted(validity.from)}-${validity.until ? dotted(validity.until) : '长期'}` };
  }

  /** Ends the worker thread (tests, scripts); the next read starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker).terminate();
  }

  private async recognise(image: Uint8Array): Promise<string> {
    this.worker ??= startWorker();
    const worker = await this.worker;
    const { data } = await worker.recognize(Buffer.from(image));
    return data.text;
  }
}

/**
 * tesseract.js is imported here, at run time, rather than at the top: bundlers hoist a static
 * import out of this lazily loaded module into every function, and deployed packages leave the
 * package out.
 */
async function startWorker(): Promise<Worker> {
  const { createWorker } = await import('tesseract.js');
  const require = createRequire(import.meta.url);
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  return createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' });
}
