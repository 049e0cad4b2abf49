import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  judgeSignature,
  measureSignature,
  type SignaturePoint,
  type SignatureStrokes,
} from '../src/documents/signature-quality';

const canvas = { width: 600, height: 300 };
const stroke = (points: [number, number][]): SignaturePoint[] =>
  points.map(([x, y], i) => ({ x, y, t: i * 16 }));

describe('the signature-quality rule', () => {
  it('accepts a hand-written two-character name', () => {
    const name: SignatureStrokes = {
      ...canvas,
      strokes: [
        stroke([
          [120, 110],
          [160, 105],
          [200, 102],
          [205, 140],
          [170, 150],
          [140, 160],
          [150, 200],
          [190, 205],
        ]),
        stroke([
          [240, 90],
          [250, 140],
          [255, 190],
          [262, 230],
        ]),
        stroke([
          [300, 120],
          [340, 118],
          [380, 122],
          [360, 160],
          [330, 190],
          [390, 210],
          [430, 200],
          [470, 160],
        ]),
      ],
    };
    expect(judgeSignature(name)).toEqual({ ok: true });
  });

  it('refuses an empty canvas', () => {
    expect(judgeSignature({ ...canvas, strokes: [] })).toMatchObject({ ok: false });
  });

  it('always refuses a dot, however many times it is tapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 590 }),
        fc.integer({ min: 10, max: 290 }),
        fc.array(
          fc.array(
            fc.tuple(
              fc.double({ min: -3, max: 3, noNaN: true }),
              fc.double({ min: -3, max: 3, noNaN: true }),
            ),
            { minLength: 1, maxLength: 30 },
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (cx, cy, taps) => {
          const signature = {
            ...canvas,
            strokes: taps.map((tap) => stroke(tap.map(([dx, dy]) => [cx + dx, cy + dy]))),
          };
          expect(judgeSignature(signature).ok).toBe(false);
        },
      ),
    );
  });

  it('always refuses a straight line in any direction, even drawn as several strokes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: Math.PI * 2, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 60 }),
        (angle, length, strokeCount, pointsPerStroke) => {
          const [cx, cy] = [300, 150];
          const dx = Math.cos(angle);
          const dy = Math.sin(angle);
          const strokes = Array.from({ length: strokeCount }, (_, s) =>
            stroke(
              Array.from({ length: pointsPerStroke }, (_, i) => {
                const along =
                  ((s * pointsPerStroke + i) / (strokeCount * pointsPerStroke)) * length - length / 2;
                return [cx + along * dx, cy + along * dy] as [number, number];
              }),
            ),
          );
          expect(judgeSignature({ ...canvas, strokes }).ok).toBe(false);
        },
      ),
    );
  });

  it('measures stroke count, length and bounding box', () => {
    const measures = measureSignature({
      ...canvas,
      strokes: [
        stroke([
          [0, 0],
          [30, 40],
        ]),
        stroke([
          [100, 0],
          [100, 10],
        ]),
      ],
    });
    expect(measures).toMatchObject({
      strokeCount: 2,
      pointCount: 4,
      totalLength: 60,
      boundingBox: { width: 100, height: 40 },
    });
  });

  it('refuses a tiny scrawl in a corner', () => {
    const tiny = {
      ...canvas,
      strokes: [
        stroke([
          [10, 10],
          [30, 14],
          [15, 20],
          [35, 25],
        ]),
        stroke([
          [20, 10],
          [22, 25],
        ]),
      ],
    };
    expect(judgeSignature(tiny)).toEqual({ ok: false, reason: 'size' });
  });
});
