import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';

const createAuthorisation = vi.fn();
vi.mock('../src/services/api', () => ({
  api: { createAuthorisation: (...args: unknown[]) => createAuthorisation(...args) },
}));

const { AuthorisationForm } = await import('../src/packages/authorisations/edit/authorisation-form');
const policies = [{ policyNo: 'P2026000001', productName: '示例鸿祥两全保险' }];
const draft = () => Taro.getStorageSync('authorisation-draft:new') as Record<string, unknown>;

function type(getByTestId: (id: string) => HTMLElement, id: string, value: string) {
  // Taro's H5 input reports what is typed in the inner <input>'s input event.
  const host = getByTestId(`input-${id}`);
  fireEvent.input(host.querySelector('input') ?? host, { target: { value } });
}

describe('录像授权: the power of attorney form', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    createAuthorisation.mockReset();
  });

  it('asks for the refund account only when a chosen matter moves money', async () => {
    const { findByTestId, getByTestId, queryByTestId } = render(<AuthorisationForm policies={policies} />);
    fireEvent.click(await findByTestId('matter-contact_change'));
    expect(queryByTestId('refund-account')).toBeNull();
    fireEvent.click(getByTestId('matter-policy_loan'));
    expect(getByTestId('refund-account')).toBeTruthy();
  });

  it('names what is missing before sending anything', async () => {
    const { findByTestId, getByText, container } = render(<AuthorisationForm policies={policies} />);
    await findByTestId('authorisation-form');
    fireEvent.click(getByText('保存，下一步'));
    for (const message of [
      '请至少选择一张保单',
      '请至少选择一项委托事项',
      '请填写受托人姓名',
      '请选择您的证件类型',
    ])
      expect(container.textContent).toContain(message);
    expect(createAuthorisation).not.toHaveBeenCalled();
  });

  it('keeps what is typed on the device, and shows a server refusal beside the field it names', async () => {
    createAuthorisation.mockRejectedValue(
      new ApiError('VALIDATION_FAILED', '受托人手机号码应为 11 位中国大陆手机号码', 400, 'trustee.phone'),
    );
    // A draft left on the device earlier (the document's expiry came from the date picker).
    Taro.setStorageSync('authorisation-draft:new', {
      policyNos: ['P2026000001'],
      matters: ['beneficiary_change'],
      trustee: { name: '李娜', idType: 'passport', idNumber: 'E7654321', relation: '配偶', phone: '' },
      refundAccount: { cardHolderName: '', cardNumber: '' },
      validUntil: '2026-12-31',
      document: { type: 'passport', number: 'E1234567', expiresOn: '2030-06-30' },
    });
    const { findByTestId, getByTestId, getByText } = render(<AuthorisationForm policies={policies} />);
    await findByTestId('authorisation-form');
    type(getByTestId, 'trustee.phone', '1391234');
    await waitFor(() => expect(draft()).toMatchObject({ trustee: { phone: '1391234' } }));
    fireEvent.click(getByText('保存，下一步'));
    await waitFor(() => expect(createAuthorisation).toHaveBeenCalled());
    const sent = createAuthorisation.mock.calls[0]![0] as Record<string, unknown>;
    expect(sent).toMatchObject({
      policyNos: ['P2026000001'],
      matters: ['beneficiary_change'],
      trustee: { name: '李娜', idType: 'passport', idNumber: 'E7654321', relation: '配偶', phone: '1391234' },
      validUntil: '2026-12-31',
      document: { type: 'passport', number: 'E1234567', expiresOn: '2030-06-30' },
    });
    // No matter moves money: no refund account is sent.
    expect(sent).not.toHaveProperty('refundAccount');
    await waitFor(() =>
      expect(getByTestId('error-trustee.phone').textContent).toBe('受托人手机号码应为 11 位中国大陆手机号码'),
    );
    expect(draft()).toMatchObject({ trustee: { name: '李娜', phone: '1391234' } });
  });
});
