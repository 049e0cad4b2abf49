import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import { prepareEndorsementDocument } from '../documents/use-cases/prepare-endorsement-document';
import type { DemoData } from './demo-data';

/** 张伟's contact-address change, awaiting his signature: the demo of 我的批单 and signing. */
export const DEMO_DOCUMENT_ID = 'PD20261125ZXDEMO';

/** Creates the demo document once; a signed one stays signed across re-seeds. */
export async function seedDemoDocuments(
  repositories: Repositories & { documents: DocumentRepository },
  data: DemoData,
  today: string,
): Promise<void> {
  if (await repositories.documents.get(DEMO_DOCUMENT_ID)) return;
  const policy = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001');
  if (!policy) return;
  await prepareEndorsementDocument(
    { repositories, now: () => Date.now() },
    {
      documentId: DEMO_DOCUMENT_ID,
      policyNo: policy.policyNo,
      changeType: '联系方式变更',
      changes: [
        { label: '通讯地址', before: '上海市浦东新区世纪大道100号', after: '上海市徐汇区漕溪北路88号2201室' },
        { label: '邮政编码', before: '200120', after: '200030' },
        { label: '手机号码', before: '13800138000', after: '13912345678', sensitivity: 'phone' },
      ],
      effectiveDate: today,
      createdBy: 'seed',
    },
  );
}
