import { fireEvent, render } from '@testing-library/react';
import type { IdentityStatus } from '@zhixiang/shared/identity/verification';
import { describe, expect, it, vi } from 'vitest';
import { TrusteeReviewCard } from '../src/packages/identity/trustee-review-card';

const status = (review: IdentityStatus['review']) =>
  ({ faceAvailable: false, documentTypeLabel: '护照', review }) as IdentityStatus;
const review = (state: 'pending' | 'rejected', reason: string | null = null) => ({
  reviewId: 'r-00000001',
  customerId: 'trustee:u1',
  purpose: 'endorsement:EA1',
  status: state,
  reason,
  submittedAt: 1,
  decidedAt: null,
});

describe('受托人 with a passport: the 人工审核 card of the identity page', () => {
  it('names the document and opens the upload', () => {
    const onStart = vi.fn();
    const { container, getByText } = render(<TrusteeReviewCard status={status(null)} onStart={onStart} />);
    expect(container.textContent).toContain('您在录像授权中登记的证件为护照');
    fireEvent.click(getByText('上传证件和自拍视频，人工审核'));
    expect(onStart).toHaveBeenCalled();
  });

  it('waits while a review is pending, and offers a retry with the reason when refused', () => {
    const pending = render(<TrusteeReviewCard status={status(review('pending'))} onStart={() => {}} />);
    expect(pending.getByTestId('trustee-review-status').textContent).toContain('待审核');
    expect(pending.queryByText('上传证件和自拍视频，人工审核')).toBeNull();
    pending.unmount();
    const refused = render(
      <TrusteeReviewCard status={status(review('rejected', '视频中证件不清晰'))} onStart={() => {}} />,
    );
    expect(refused.getByTestId('trustee-review-status').textContent).toContain('视频中证件不清晰');
    expect(refused.getByText('重新上传，人工审核')).toBeTruthy();
  });
});
