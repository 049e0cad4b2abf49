import { brand } from '@zhixiang/shared/brand';
import type { CSSProperties } from 'react';

/** Brand colours as CSS variables, for our styles and NutUI's alike. */
export const themeStyle = {
  '--zx-primary': brand.colors.primary,
  '--zx-primary-dark': brand.colors.primaryDark,
  '--zx-accent': brand.colors.accent,
  '--zx-background': brand.colors.background,
  '--nutui-color-primary': brand.colors.primary,
  '--nutui-color-primary-stop-1': brand.colors.primary,
  '--nutui-color-primary-stop-2': brand.colors.primaryDark,
  // NutUI's disabled primary is a pale tint of its own red unless told otherwise.
  '--nutui-color-primary-disabled-special': `${brand.colors.primary}66`,
  '--nutui-button-primary-disabled': `${brand.colors.primary}66`,
  '--nutui-button-primary-border-color': brand.colors.primary,
} as CSSProperties;
