/**
 * The offline ID-card reader (local stage) on rendered cards of every demo customer:
 * fields read correctly / total (front: the 18-character number; back: the validity period) and
 * milliseconds per image. `npm run bench:identity-ocr`; results in docs/benchmarks.md.
 */
import { findIdNumber } from '@zhixiang/shared/identity/id-card';
import { TesseractIdCardOcr } from '../functions/src/identity/adapters/tesseract-id-card-ocr';
import { DEMO_CUSTOMERS } from '../functions/src/seed/demo-data';
import { renderIdCardBack, renderIdCardFront } from '../functions/test/support/render-id-card';
import { percentile, printBenchResult } from './support/compare-with-baseline';

const ocr = new TesseractIdCardOcr('local');
const started = performance.now();
await ocr.readBack(renderIdCardBack({ authority: '预热', validity: '2020.01.01-2040.01.01' }));
const warmUpMs = performance.now() - started;

let correct = 0;
let numbersRead = 0;
let total = 0;
const times: number[] = [];
const misses: string[] = [];
for (const [i, customer] of DEMO_CUSTOMERS.entries()) {
  const front = renderIdCardFront({
    name: customer.name,
    gender: customer.gender,
    birthDate: customer.birthDate,
    address: '上海市浦东新区张江路88号',
    idNumber: customer.idNumber,
  });
  const year = 2015 + (i % 10);
  const validity = i % 5 === 4 ? `${year}.06.01-长期` : `${year}.06.01-${year + 20}.06.01`;
  const back = renderIdCardBack({ authority: '上海市公安局浦东分局', validity });

  let t = performance.now();
  const readFront = await ocr.readFront(front);
  times.push(performance.now() - t);
  t = performance.now();
  const readBack = await ocr.readBack(back);
  times.push(performance.now() - t);

  total += 2;
  if (readFront.idNumber === findIdNumber(customer.idNumber)) {
    correct++;
    numbersRead++;
  } else misses.push(`${customer.customerId} number: ${readFront.idNumber}`);
  if (readBack.validDate === validity) correct++;
  else misses.push(`${customer.customerId} validity: ${readBack.validDate} (expected ${validity})`);
}
await ocr.close();

times.sort((a, b) => a - b);
const mean = times.reduce((sum, ms) => sum + ms, 0) / times.length;
const result = {
  cards: DEMO_CUSTOMERS.length,
  images: times.length,
  fieldsCorrect: correct,
  fieldsTotal: total,
  accuracy: Number((correct / total).toFixed(3)),
  msPerImageMean: Math.round(mean),
  msPerImageP50: Math.round(percentile(times, 50)),
  msPerImageP95: Math.round(percentile(times, 95)),
  workerStartAndFirstImageMs: Math.round(warmUpMs),
  misses,
};
console.log(JSON.stringify(result, null, 2));
// The contract's line. The reader has no baseline doing the same work (it is the local stage's
// stand-in for WeChat's OCR) and fewer than 1,000 images, so the baseline and the p99 are null;
// its goal is every ID number read (the long-term backs' 「长期」 is Chinese, which the English
// model cannot read, and fails safely).
printBenchResult(
  {
    bench: 'identity-ocr',
    p50Ms: result.msPerImageP50,
    p99Ms: Number.NaN,
    baselineP50Ms: Number.NaN,
    baselineP99Ms: Number.NaN,
    ratioP50: Number.NaN,
    ratioP99: Number.NaN,
    goal: Number.NaN,
    met: numbersRead === DEMO_CUSTOMERS.length,
    samples: times.length,
  },
  { goals: 'every ID number read', numbersRead, accuracy: result.accuracy },
);
