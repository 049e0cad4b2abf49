import { createHash } from 'node:crypto';
import { type DocumentRecord, documentContent } from '@zhixiang/shared/documents/model';
import type { SignatureStrokes } from '@zhixiang/shared/documents/signature-quality';

/** Test material for documents: a prepared endorsement, hand-like strokes and their PNG. */
export function sampleDocument(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  const base: Omit<DocumentRecord, 'contentHash'> = {
    documentId: 'PD20261125TEST01',
    title: '保险合同变更批单',
    changeType: '联系方式变更',
    policyNo: 'P2026000123',
    productName: '示例鑫享年金保险（分红型）',
    holder: { customerId: 'C001', name: '张伟', idNumberMasked: '1101**********002X' },
    insured: { customerId: 'C001', name: '张伟', idNumberMasked: '1101**********002X' },
    branchPath: 'HQ/SH/SH-PD',
    changes: [
      { label: '通讯地址', before: '上海市浦东新区世纪大道100号', after: '上海市徐汇区漕溪北路88号2201室' },
      { label: '邮政编码', before: '200120', after: '200030' },
    ],
    effectiveDate: '2026-11-26',
    annotation:
      '经投保人申请，本公司同意对上述保险合同作如下批改：通讯地址变更自生效日起生效。除本批单所列变更外，保险合同其他内容不变。本批单是保险合同的组成部分，与保险合同具有同等效力。',
    purpose: 'document:PD20261125TEST01',
    status: 'awaiting_signature',
    createdAt: Date.parse('2026-11-25T08:00:00Z'),
    createdBy: 'system',
    signature: null,
    sealed: null,
    version: 1,
    ...overrides,
  };
  const contentHash = createHash('sha256')
    .update(JSON.stringify(documentContent(base)))
    .digest('hex');
  return { ...base, contentHash, ...overrides };
}

/** Three strokes of a scrawled "张伟" on a 600 × 300 canvas. */
export function sampleStrokes(): SignatureStrokes {
  const stroke = (points: [number, number][], t0: number) =>
    points.map(([x, y], i) => ({ x, y, t: t0 + i * 16 }));
  return {
    width: 600,
    height: 300,
    strokes: [
      stroke(
        [
          [120, 110],
          [160, 105],
          [200, 102],
          [205, 140],
          [170, 150],
          [140, 160],
          [150, 200],
          [190, 205],
        ],
        0,
      ),
      stroke(
        [
          [240, 90],
          [250, 140],
          [255, 190],
          [262, 230],
        ],
        400,
      ),
      stroke(
        [
          [300, 120],
          [340, 118],
          [380, 122],
          [360, 160],
          [330, 190],
          [390, 210],
          [430, 200],
          [470, 160],
        ],
        800,
      ),
    ],
  };
}
