import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  evidenceTypeOf,
  heicTypeOf,
  pdfTypeOf,
  photoTypeOf,
  toAttachments,
  uploadIdsSchema,
} from '../../src/uploads/attachments';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]);
const MIF1 = bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]);
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0]);
const PDF = bytes('%PDF-1.7\n');

describe('attachment types by their first bytes', () => {
  it('knows a HEIC photo by its ftyp brand, and not a video of the same box', () => {
    expect(heicTypeOf(HEIC)).toBe('image/heic');
    expect(heicTypeOf(MIF1)).toBe('image/heic');
    expect(heicTypeOf(MP4)).toBeNull();
    expect(heicTypeOf(HEIC.slice(0, 10))).toBeNull();
  });

  it('takes JPEG, PNG and HEIC as photos; PDF, JPEG and PNG as evidence; nothing else', () => {
    expect([JPEG, PNG, HEIC, PDF, MP4].map(photoTypeOf)).toEqual([
      'image/jpeg',
      'image/png',
      'image/heic',
      null,
      null,
    ]);
    expect([JPEG, PNG, HEIC, PDF, MP4].map(evidenceTypeOf)).toEqual([
      'image/jpeg',
      'image/png',
      null,
      'application/pdf',
      null,
    ]);
    expect(pdfTypeOf(bytes('%PDF'))).toBeNull();
  });
});

describe('the upload ids a request attaches', () => {
  const schema = z.object({ photos: uploadIdsSchema('照片', 2) });
  const id = (n: number) => `11111111-1111-4111-8111-00000000000${n}`;
  const message = (value: unknown) => {
    const parsed = schema.safeParse({ photos: value });
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  it('are optional, UUID-shaped, at most the limit, none twice', () => {
    expect(message(undefined)).toBeNull();
    expect(message([id(1), id(2)])).toBeNull();
    expect(message([id(1), id(2), id(3)])).toBe('照片最多 2 个');
    expect(message([id(1), id(1)])).toBe('同一照片不能重复添加');
    expect(message(['../x'])).toBe('照片的上传编号格式不正确');
    expect(message('abc')).toBe('照片应为上传编号的列表');
  });

  it('number the files a record lists and label their types, keys left out', () => {
    expect(
      toAttachments([
        {
          key: 'k',
          contentType: 'application/pdf',
          size: 10,
          sha256: 'x',
          uploadedAt: '2026-11-25T02:00:00Z',
        },
      ]),
    ).toEqual([{ fileNo: 1, contentType: 'application/pdf', typeLabel: 'PDF 文件', size: 10 }]);
    expect(toAttachments(undefined)).toEqual([]);
  });
});
