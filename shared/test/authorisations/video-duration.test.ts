import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { videoDurationSeconds } from '../../src/authorisations/video-duration';

/** Recorded for 3 s by Chromium's MediaRecorder from its fake camera (no Duration in its Info). */
const RECORDED_WEBM = new Uint8Array(
  readFileSync(new URL('./fixtures/chromium-fake-camera-3s.webm', import.meta.url)),
);

function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const size = 8 + content.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  let at = 8;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
function mvhd(version: 0 | 1, timescale: number, duration: number): Uint8Array {
  const body = new Uint8Array(version === 1 ? 32 : 20);
  const view = new DataView(body.buffer);
  body[0] = version;
  const at = version === 1 ? 20 : 12;
  view.setUint32(at, timescale);
  if (version === 1) view.setBigUint64(at + 4, BigInt(duration));
  else view.setUint32(at + 4, duration);
  return box('mvhd', body);
}
const ftyp = box('ftyp', new TextEncoder().encode('isom\0\0\0\0isom'));

describe('the duration of a recorded video', () => {
  it('reads an MP4 whose moov comes after the media data (as phones write it)', () => {
    const mdat = box('mdat', new Uint8Array(1000));
    expect(
      videoDurationSeconds(Uint8Array.from([...ftyp, ...mdat, ...box('moov', mvhd(0, 600, 7200))])),
    ).toBe(12);
    expect(videoDurationSeconds(Uint8Array.from([...ftyp, ...box('moov', mvhd(1, 1000, 45_500))]))).toBe(
      45.5,
    );
  });

  it('says nothing for an MP4 without a movie header, or bytes of another kind', () => {
    expect(videoDurationSeconds(Uint8Array.from([...ftyp, ...box('mdat', new Uint8Array(10))]))).toBeNull();
    expect(videoDurationSeconds(new TextEncoder().encode('not a video at all'))).toBeNull();
    expect(videoDurationSeconds(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
  });

  it('reads a browser recording by its last block when its Info has no Duration', () => {
    const seconds = videoDurationSeconds(RECORDED_WEBM);
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(3.5);
  });

  it('reads the Duration of a WebM Info when present', () => {
    // EBML header, Segment (unknown size), Info { TimecodeScale 1 ms, Duration 8500.0 as float64 }.
    const duration = new Uint8Array(8);
    new DataView(duration.buffer).setFloat64(0, 8500);
    const info = [0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40, 0x44, 0x89, 0x88, ...duration];
    const bytes = Uint8Array.from([
      ...[0x1a, 0x45, 0xdf, 0xa3, 0x80],
      ...[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
      ...[0x15, 0x49, 0xa9, 0x66, 0x80 | info.length, ...info],
    ]);
    expect(videoDurationSeconds(bytes)).toBe(8.5);
  });

  it('is not fooled by a recording cut short (an upload of its first part only)', () => {
    const cut = videoDurationSeconds(RECORDED_WEBM.slice(0, 20_000));
    expect(cut).toBeLessThan(2);
  });
});
