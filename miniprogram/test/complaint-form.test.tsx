import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';
import { choosing, puts } from './fake-upload';

const fileComplaint = vi.fn();
const createComplaintPhotoUpload = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    fileComplaint: (...args: unknown[]) => fileComplaint(...args),
    createComplaintPhotoUpload: (...args: unknown[]) => createComplaintPhotoUpload(...args),
  },
}));

const { ComplaintForm } = await import('../src/packages/complaints/file/complaint-form');
const policies = [{ policyNo: 'P2026000001', productName: '示例鸿祥两全保险' }];
const FileComplaintPage = () => <ComplaintForm policies={policies} />;

describe('我要投诉', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    fileComplaint.mockReset();
    createComplaintPhotoUpload.mockReset();
    puts.length = 0;
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
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

  it('uploads a chosen photo at once, files it with the complaint, and keeps it when the server refuses it', async () => {
    choosing('blob:letter-photo', 2000);
    createComplaintPhotoUpload.mockResolvedValue({
      uploadId: 'aaaaaaaa-1111-4111-8111-111111111111',
      uploadUrl: 'http://s3.local/complaints/uploads/u/aaaaaaaa',
      contentType: 'application/octet-stream',
      maxBytes: 5 * 1024 * 1024,
      expiresAt: '2026-11-25T02:15:00.000Z',
    });
    fileComplaint.mockRejectedValue(
      new ApiError('VALIDATION_FAILED', '第 1 张照片不是 JPG、PNG 或 HEIC 格式，请重新选择', 400, 'photos'),
    );
    const { getByTestId, getByText, findByTestId, findByText, container } = render(<FileComplaintPage />);
    fireEvent.click(await findByText('添加照片（0/6）'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.url).toBe('http://s3.local/complaints/uploads/u/aaaaaaaa');
    act(() => puts[0]!.progress(40));
    expect((await findByTestId('complaint-photos-progress')).textContent).toContain('40%');
    await act(async () => puts[0]!.answer(200));
    await findByTestId('complaint-photos-item');
    expect(getByText('添加照片（1/6）')).toBeTruthy();

    fireEvent.click(getByTestId('category-claims'));
    fireEvent.click(getByTestId('policy-P2026000001'));
    fireEvent.click(getByTestId('contact-any'));
    act(() => {
      getByTestId('complaint-description').dispatchEvent(
        new CustomEvent('input', { detail: { value: '理赔通知书上的金额有误，附照片' }, bubbles: true }),
      );
    });
    fireEvent.click(getByText('提交投诉'));
    await waitFor(() =>
      expect(fileComplaint).toHaveBeenCalledWith(
        expect.objectContaining({ photos: ['aaaaaaaa-1111-4111-8111-111111111111'] }),
      ),
    );
    await waitFor(() => expect(container.textContent).toContain('第 1 张照片不是 JPG、PNG 或 HEIC 格式'));
    const draft = Taro.getStorageSync('complaint-draft') as { photos: unknown[]; description: string };
    expect(draft.photos).toEqual([
      { uploadId: 'aaaaaaaa-1111-4111-8111-111111111111', path: 'blob:letter-photo' },
    ]);
    expect(draft.description).toBe('理赔通知书上的金额有误，附照片');

    // 删除 takes the refused photo off the form; the rest stays.
    fireEvent.click(getByTestId('complaint-photos-remove-1'));
    expect((Taro.getStorageSync('complaint-draft') as { photos: unknown[] }).photos).toEqual([]);
  });

  it('says why an upload failed and adds nothing', async () => {
    choosing('blob:huge', 5 * 1024 * 1024 + 1);
    createComplaintPhotoUpload.mockResolvedValue({
      uploadId: 'bbbbbbbb-1111-4111-8111-111111111111',
      uploadUrl: 'http://s3.local/x',
      contentType: 'application/octet-stream',
      maxBytes: 5 * 1024 * 1024,
      expiresAt: '2026-11-25T02:15:00.000Z',
    });
    const { findByText, queryByTestId } = render(<FileComplaintPage />);
    fireEvent.click(await findByText('添加照片（0/6）'));
    await findByText('文件超过 5 MB，请重新拍摄或选择较小的文件');
    expect(queryByTestId('complaint-photos-item')).toBeNull();
    expect(puts).toHaveLength(0);
  });
});
