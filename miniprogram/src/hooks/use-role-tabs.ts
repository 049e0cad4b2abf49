import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useSession } from './use-session';

/** The second tab: 保单 for customers and agents, 工作台 (the consoles) for staff, executives and admins. */
export const SECOND_TAB_INDEX = 1;

export function secondTabText(role: string | undefined): string {
  return role === 'staff' || role === 'executive' || role === 'admin' ? '工作台' : '保单';
}

/**
 * Tabs follow the role: every tab page sets the second tab's label when it shows and when the
 * session changes (sign-in, sign-out), so staff never see a 保单 tab that means nothing to them.
 */
export function useRoleTabs(): void {
  const role = useSession()?.me?.role;
  const apply = () => {
    void Taro.setTabBarItem({ index: SECOND_TAB_INDEX, text: secondTabText(role) }).catch(() => undefined);
  };
  useDidShow(apply);
  useEffect(apply, [role]);
}
