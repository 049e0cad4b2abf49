import { videoTypeOf } from '../identity/id-card';

/**
 * The duration of a recorded video, read from its container: the `mvhd` box of an MP4 /
 * QuickTime file (what WeChat's camera records), or a WebM's Segment Info — and, when that has no
 * Duration (browsers' MediaRecorder writes none), the last block's timestamp across the clusters.
 * A minimal reader of the two formats, no decoding: null when the bytes do not say.
 */
export function videoDurationSeconds(bytes: Uint8Array): number | null {
  const type = videoTypeOf(bytes);
  if (type === 'video/mp4') return mp4Duration(bytes);
  if (type === 'video/webm') return webmDuration(bytes);
  return null;
}

function boxType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function uint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** The boxes between `start` and `end`, each with where its content starts and ends. */
function* boxes(bytes: Uint8Array, start: number, end: number) {
  let at = start;
  while (at + 8 <= end) {
    let size = uint(bytes, at, 4);
    let header = 8;
    if (size === 1) {
      size = uint(bytes, at + 8, 8);
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) return;
    yield { type: boxType(bytes, at + 4), content: at + header, end: Math.min(at + size, end) };
    at += size;
  }
}

function mp4Duration(bytes: Uint8Array): number | null {
  for (const box of boxes(bytes, 0, bytes.length)) {
    if (box.type !== 'moov') continue;
    for (const child of boxes(bytes, box.content, box.end)) {
      if (child.type !== 'mvhd') continue;
      const version = bytes[child.content];
      // version 0: 4-byte creation and modification times; version 1: 8-byte ones.
      const [timescaleAt, durationLength] = version === 1 ? [child.content + 20, 8] : [child.content + 12, 4];
      if (timescaleAt + 4 + durationLength > child.end) return null;
      const timescale = uint(bytes, timescaleAt, 4);
      const duration = uint(bytes, timescaleAt + 4, durationLength);
      if (timescale === 0 || duration === 2 ** (8 * durationLength) - 1) return null;
      return duration / timescale;
    }
  }
  return null;
}

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const BLOCK_GROUP = 0xa0;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK = 0xa1;
/** Master elements read into rather than skipped (their size may be "unknown" in a live recording). */
const DESCEND = new Set([SEGMENT, INFO, CLUSTER, BLOCK_GROUP]);

/** An EBML variable-length integer at `at`: its length, and its value with (id) or without (size) the marker. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean) {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

function webmDuration(bytes: Uint8Array): number | null {
  let scale = 1_000_000; // nanoseconds per timecode unit (the default TimecodeScale)
  let infoDuration: number | null = null;
  let clusterTime = 0;
  let lastBlockTime: number | null = null;
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    if (!id) break;
    const size = vint(bytes, at + id.length, false);
    if (!size) break;
    const data = at + id.length + size.length;
    if (DESCEND.has(id.value)) {
      at = data;
      continue;
    }
    if (size.unknown || data + size.value > bytes.length) break;
    const view = new DataView(bytes.buffer, bytes.byteOffset + data, size.value);
    if (id.value === TIMECODE_SCALE) scale = uint(bytes, data, size.value);
    else if (id.value === DURATION)
      infoDuration = size.value === 4 ? view.getFloat32(0) : size.value === 8 ? view.getFloat64(0) : null;
    else if (id.value === CLUSTER_TIMECODE) clusterTime = uint(bytes, data, size.value);
    else if (id.value === SIMPLE_BLOCK || id.value === BLOCK) {
      const track = vint(bytes, data, false);
      if (track && size.value >= track.length + 2) {
        const time = clusterTime + view.getInt16(track.length);
        lastBlockTime = Math.max(lastBlockTime ?? 0, time);
      }
    }
    at = data + size.value;
  }
  const units = infoDuration ?? lastBlockTime;
  return units === null || !Number.isFinite(units) ? null : (units * scale) / 1e9;
}
