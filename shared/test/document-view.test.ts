import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/documents/model';
import { maskFreeText, maskPolicyNo, toDocumentDetail } from '../src/documents/view';

describe('document views', () => {
  it('masks a policy number and free text for the public verification page', () => {
    expect(maskPolicyNo('8831010000001')).toBe('8831*******01');
    expect(maskFreeText('上海市徐汇区漕溪北路88号2201室')).toBe('上海市徐汇区********');
    expect(maskFreeText('139****5678')).toBe('139****5678');
    expect(maskFreeText('是')).toBe('*');
  });

  it('shows a signed document with its signer, hosting and sealed file, and nothing to sign', () => {
    const record = {
      documentId: 'PD20261125ABCDEF',
      title: '保险合同变更批单',
      changeType: '联系方式变更',
      policyNo: '8831010000001',
      productName: '鑫享人生',
      holder: { customerId: 'C001', name: '张伟', idNumberMasked: '3101**********0212' },
      insured: { customerId: 'C001', name: '张伟', idNumberMasked: '3101**********0212' },
      branchPath: 'HQ/SH',
      changes: [{ label: '邮政编码', before: '200120', after: '200030' }],
      effectiveDate: '2026-11-26',
      annotation: '批注',
      purpose: 'document:PD20261125ABCDEF',
      contentHash: 'a'.repeat(64),
      status: 'signed',
      createdAt: Date.parse('2026-11-25T00:00:00Z'),
      createdBy: 'seed',
      signature: {
        signatureId: 's',
        signerCustomerId: 'C001',
        signerName: '张伟',
        signedByUserId: 'demo-agent-a001',
        hostedByAgentId: 'A001',
        verificationId: 'v',
        verificationMethod: 'face',
        contentHash: 'a'.repeat(64),
        signedAt: Date.parse('2026-11-25T01:00:00Z'),
        sourceIp: null,
        userAgent: null,
        strokesKey: 'k',
        imageKey: 'i',
        imageSha256: 'b'.repeat(64),
      },
      sealed: {
        key: 'documents/x.pdf',
        sha256: 'c'.repeat(64),
        bytes: 52_000,
        sealedAt: Date.parse('2026-11-25T01:00:00Z'),
        certificateSubject: 'CN=x',
        certificateSerial: '01',
      },
      version: 2,
    } satisfies DocumentRecord;
    expect(toDocumentDetail(record, { canSign: false, identityVerified: true })).toMatchObject({
      status: 'signed',
      signedAt: '2026-11-25T01:00:00.000Z',
      signature: { signerName: '张伟', hostedByAgent: true, verificationMethod: 'face' },
      pdf: { sha256: 'c'.repeat(64), bytes: 52_000 },
      holderCustomerId: 'C001',
      canSign: false,
    });
  });
});
