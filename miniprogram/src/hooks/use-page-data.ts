import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../services/request';

export type PageData<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: ApiError };

export interface PageDataState<T> {
  state: PageData<T>;
  /** Reloads without going back to the skeleton when data is already shown (pull-to-refresh). */
  reload: () => Promise<void>;
}

export function usePageData<T>(load: () => Promise<T>, enabled = true): PageDataState<T> {
  const [state, setState] = useState<PageData<T>>({ status: 'loading', data: undefined, error: undefined });
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    try {
      const data = await loadRef.current();
      setState({ status: 'ready', data, error: undefined });
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError('INTERNAL', '系统繁忙，请稍后再试', 0);
      setState({ status: 'error', data: undefined, error: apiError });
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  return { state, reload };
}

/**
 * Reloads when the page shows again (back from signing, a form or a detail page), not on the first
 * show, which the initial load already covers.
 */
export function useReloadOnShow(data: Pick<PageDataState<unknown>, 'reload'>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void data.reload();
    shown.current = true;
  });
}
