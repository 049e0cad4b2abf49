import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';

const fileComplaint = vi.fn();
vi.mock('../src/services/api', () => ({
  api: { fileComplaint: (...args: unknown[]) => fileComplaint(...args) },
}));

const { ComplaintForm } = await import('../src/packages/complaints/file/complaint-form');
const policies = [{ policyNo: 'P2026000001', productName: '示例鸿祥两全保险' }];
const FileComplaintPage = () => <ComplaintForm policies={policies} />;

describe('我要投诉', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    fileComplaint.mockReset();
  });

  it('keeps everything typed when the server refuses, and marks the field it names', async () => {
    fileComplaint.mockRejectedValue(
      new ApiError('VALIDATION_FAILED', '请详细描述发生了什么（至少 10 个字）', 400, 'description'),
    );
    const { getByTestId, getByText, findByTestId, container } = render(<FileComplaintPage />);
    fireEvent.click(await findByTestId('category-claims'));
    fireEvent.click(getByTestId('policy-P2026000001'));
    fireEvent.click(getByTestId('contact-morning'));
    const description = '理赔材料交了两周没有任何进度';
    act(() => {
      const textarea = getByTestId('complaint-description');
      textarea.dispatchEvent(new CustomEvent('input', { detail: { value: description }, bubbles: true }));
    });
    const draft = () => Taro.getStorageSync('complaint-draft') as Record<string, string>;
    await waitFor(() => expect(draft().description).toBe(description));
    fireEvent.click(getByText('提交投诉'));
    await waitFor(() => expect(fileComplaint).toHaveBeenCalled());
    await waitFor(() => expect(container.textContent).toContain('至少 10 个字'));
    expect(draft()).toMatchObject({
      category: 'claims',
      policyNo: 'P2026000001',
      preferredContactTime: 'morning',
      description,
    });
  });

  it('asks for what is missing before sending anything', async () => {
    const { findByTestId, getByText, container } = render(<FileComplaintPage />);
    await findByTestId('complaint-form');
    fireEvent.click(getByText('提交投诉'));
    expect(container.textContent).toContain('请选择投诉类别');
    expect(container.textContent).toContain('请选择相关保单');
    expect(fileComplaint).not.toHaveBeenCalled();
  });
});
