import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

const { AttachmentThumbnails } = await import('../src/components/attachments');

const links = {
  files: [
    {
      fileNo: 1,
      contentType: 'image/jpeg',
      typeLabel: 'JPG 照片',
      size: 2000,
      url: 'http://s3/1',
      expiresAt: '',
    },
    {
      fileNo: 2,
      contentType: 'image/png',
      typeLabel: 'PNG 图片',
      size: 900,
      url: 'http://s3/2',
      expiresAt: '',
    },
    {
      fileNo: 3,
      contentType: 'application/pdf',
      typeLabel: 'PDF 文件',
      size: 3000,
      url: 'http://s3/3',
      expiresAt: '',
    },
  ],
} as const;

describe('attached files on a record', () => {
  it('shows images as thumbnails that preview all of them in turn, and a PDF as a tile that opens it', async () => {
    const preview = vi.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' });
    const load = vi.fn().mockResolvedValue(links);
    const { findAllByTestId, getByTestId, container } = render(
      <AttachmentThumbnails count={3} title="投诉照片" load={load} testId="photos" />,
    );
    expect(container.textContent).toContain('正在加载附件');
    const thumbs = await findAllByTestId('photos-thumb');
    expect(thumbs).toHaveLength(2);
    expect(container.textContent).toContain('投诉照片（3）');
    fireEvent.click(thumbs[1]!);
    expect(preview).toHaveBeenCalledWith({ urls: ['http://s3/1', 'http://s3/2'], current: 'http://s3/2' });
    // A PDF opens in a new tab on H5 (WeChat downloads it and opens it: lib/open-pdf.ts).
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    fireEvent.click(getByTestId('photos-tile'));
    expect(opened).toHaveBeenCalledWith('http://s3/3', '_blank');
    opened.mockRestore();
    preview.mockRestore();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing when there are no files, and offers 重试 when the links fail', async () => {
    const none = vi.fn();
    const empty = render(<AttachmentThumbnails count={0} title="投诉照片" load={none} testId="none" />);
    expect(empty.container.textContent).toBe('');
    expect(none).not.toHaveBeenCalled();

    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(links);
    const { findByText, findAllByTestId } = render(
      <AttachmentThumbnails count={3} title="佐证材料" load={load} testId="evidence" />,
    );
    fireEvent.click(await findByText('重试'));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(await findAllByTestId('evidence-thumb')).toHaveLength(2);
  });
});
