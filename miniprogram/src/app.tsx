import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { listenForPrivacyAuthorization } from './lib/privacy-authorization';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => listenForPrivacyAuthorization());
  return children;
}

export default App;
