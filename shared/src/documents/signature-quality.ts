import * as z from 'zod/mini';

/**
 * The drawn signature as the signing screen records it: strokes of points in CSS pixels of the
 * canvas (origin top left), `t` in milliseconds since the first point. The PNG is for the
 * document; the strokes are the evidence and what the quality rule measures.
 */
export const SIGNATURE_LIMITS = { maxStrokes: 200, maxPointsPerStroke: 2000, maxPoints: 10_000 } as const;

const coordinate = z.number().check(z.minimum(-10_000), z.maximum(10_000));
export const SignaturePointSchema = z.object({
  x: coordinate,
  y: coordinate,
  t: z.number().check(z.minimum(0)),
});
export const SignatureStrokesSchema = z.object({
  width: z.number().check(z.minimum(100), z.maximum(4000)),
  height: z.number().check(z.minimum(50), z.maximum(4000)),
  strokes: z
    .array(z.array(SignaturePointSchema).check(z.maxLength(SIGNATURE_LIMITS.maxPointsPerStroke)))
    .check(
      z.maxLength(SIGNATURE_LIMITS.maxStrokes),
      z.refine(
        (strokes) => strokes.reduce((sum, s) => sum + s.length, 0) <= SIGNATURE_LIMITS.maxPoints,
        '签名数据过大',
      ),
    ),
});
export type SignaturePoint = z.infer<typeof SignaturePointSchema>;
export type SignatureStrokes = z.infer<typeof SignatureStrokesSchema>;

export const SIGNATURE_TOO_SIMPLE_MESSAGE = '签名过于简单，请重新签名';

/**
 * Thresholds relative to the canvas, so a phone and an agent's pad judge alike:
 * - size: the ink must span at least 15% of the canvas width or height, and its smaller side
 *   at least 5% of the canvas's smaller side (a dot or a tiny scrawl is refused);
 * - length: the pen must travel at least half the canvas width in all;
 * - shape: the ink's spread across its main direction (the smaller standard deviation of the
 *   points, i.e. principal component analysis) must be at least 3% of the canvas's smaller side —
 *   a straight line in any direction, even drawn as several strokes, has none;
 * - strokes: at least two, or one stroke at least as long as the canvas is wide (cursive).
 */
export const SIGNATURE_RULE = {
  minSpanRatio: 0.15,
  minSmallSideRatio: 0.05,
  minLengthRatio: 0.5,
  minSpreadRatio: 0.03,
  singleStrokeLengthRatio: 1,
} as const;

export interface SignatureMeasures {
  strokeCount: number;
  pointCount: number;
  totalLength: number;
  boundingBox: { width: number; height: number };
  /** Standard deviation of the points across their main direction. */
  minorSpread: number;
}

export function measureSignature(signature: SignatureStrokes): SignatureMeasures {
  const strokes = signature.strokes.filter((stroke) => stroke.length > 0);
  const points = strokes.flat();
  let totalLength = 0;
  for (const stroke of strokes)
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1] as SignaturePoint;
      const b = stroke[i] as SignaturePoint;
      totalLength += Math.hypot(b.x - a.x, b.y - a.y);
    }
  if (points.length === 0)
    return {
      strokeCount: 0,
      pointCount: 0,
      totalLength: 0,
      boundingBox: { width: 0, height: 0 },
      minorSpread: 0,
    };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const meanX = xs.reduce((a, b) => a + b, 0) / points.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    syy += (p.y - meanY) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  sxx /= points.length;
  syy /= points.length;
  sxy /= points.length;
  // The smaller eigenvalue of the 2×2 covariance matrix is the variance across the main direction.
  const half = (sxx + syy) / 2;
  const minor = half - Math.sqrt(Math.max(0, ((sxx - syy) / 2) ** 2 + sxy ** 2));
  return {
    strokeCount: strokes.length,
    pointCount: points.length,
    totalLength,
    boundingBox: { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) },
    minorSpread: Math.sqrt(Math.max(0, minor)),
  };
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: 'size' | 'length' | 'shape' | 'strokes' };

/** Whether a drawn signature is substantial enough to stand for a name (see SIGNATURE_RULE). */
export function judgeSignature(signature: SignatureStrokes): SignatureVerdict {
  const m = measureSignature(signature);
  const { width, height } = signature;
  const smallSide = Math.min(width, height);
  const span = Math.max(m.boundingBox.width / width, m.boundingBox.height / height);
  if (
    span < SIGNATURE_RULE.minSpanRatio ||
    Math.min(m.boundingBox.width, m.boundingBox.height) < SIGNATURE_RULE.minSmallSideRatio * smallSide
  )
    return { ok: false, reason: 'size' };
  if (m.totalLength < SIGNATURE_RULE.minLengthRatio * width) return { ok: false, reason: 'length' };
  if (m.minorSpread < SIGNATURE_RULE.minSpreadRatio * smallSide) return { ok: false, reason: 'shape' };
  if (m.strokeCount < 2 && m.totalLength < SIGNATURE_RULE.singleStrokeLengthRatio * width)
    return { ok: false, reason: 'strokes' };
  return { ok: true };
}
