import * as taroApis from '@tarojs/taro';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages call Taro.showToast() etc. on the default export; the H5 runtime exports them by name.
const taro = taroApis as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
if (taro.default) {
  for (const [name, value] of Object.entries(taro)) {
    if (name !== 'default' && !(name in taro.default)) taro.default[name] = value;
  }
}

// Testing Library unmounts after each test only when the runner exposes globals; ours does not.
afterEach(() => cleanup());
