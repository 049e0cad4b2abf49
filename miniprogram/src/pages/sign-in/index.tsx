import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type DemoUser, PRIVACY_GUIDE_VERSION } from '@zhixiang/shared/auth/schemas';
import { brand } from '@zhixiang/shared/brand';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../components/page-container';
import { Button } from '../../components/ui';
import { usePageData } from '../../hooks/use-page-data';
import { ROLE_LABELS } from '../../lib/labels';
import { continueTo, hasCurrentPrivacyConsent, pageUrls, withRedirect } from '../../lib/navigation';
import { runtimeConfig } from '../../lib/runtime-config';
import { saveSession } from '../../lib/session';
import { api } from '../../services/api';
import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function SignInPage() {
  const { params } = useRouter();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!hasCurrentPrivacyConsent())
      void Taro.redirectTo({ url: withRedirect(pageUrls.privacy, params.redirect) });
  }, [params.redirect]);

  async function signInWithWechat() {
    setBusy(true);
    try {
      const { code } = await Taro.login();
      const session = await api.signInWithWechat({ code, privacyConsentVersion: PRIVACY_GUIDE_VERSION });
      saveSession(session);
      continueTo(params.redirect);
    } catch {
      // The request wrapper has already shown the reason.
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageContainer requireSignIn={false}>
      {() => (
        <View className="zx-sign-in">
          <View className="zx-sign-in__brand">
            <View className="zx-sign-in__logo">{brand.logoText}</View>
            <Text className="zx-sign-in__name">{brand.insurerName}</Text>
            <Text className="zx-muted">{brand.serviceName}</Text>
          </View>
          {isWeapp ? (
            <Button block type="primary" loading={busy} onClick={() => void signInWithWechat()}>
              微信一键登录
            </Button>
          ) : runtimeConfig().stage === 'local' ? (
            <DemoSignIn redirect={params.redirect} />
          ) : (
            <View className="zx-notice">请在微信中搜索“{brand.serviceName}”小程序登录使用。</View>
          )}
          {/* Products are public: anyone may browse them before (or without) signing in. */}
          <Button block fill="none" onClick={() => void Taro.navigateTo({ url: pageUrls.productSearch })}>
            先逛逛保险产品
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

/** Local stage only: pick one of the seeded demo users instead of a WeChat account. */
function DemoSignIn({ redirect }: { redirect: string | undefined }) {
  const users = usePageData(() => api.listDemoUsers());
  const [signingIn, setSigningIn] = useState<string | null>(null);

  async function signInAs(user: DemoUser) {
    setSigningIn(user.userId);
    try {
      const session = await api.signInAsDemoUser({
        userId: user.userId,
        privacyConsentVersion: PRIVACY_GUIDE_VERSION,
      });
      saveSession(session);
      continueTo(redirect);
    } catch {
      setSigningIn(null);
    }
  }

  const { state } = users;
  if (state.status === 'loading') return <Text className="zx-muted">正在加载演示账号…</Text>;
  if (state.status === 'error') {
    return (
      <View className="zx-notice">
        演示账号加载失败：{state.error.message}
        <Button size="small" fill="none" onClick={() => void users.reload()}>
          重试
        </Button>
      </View>
    );
  }
  return (
    <View data-testid="demo-users">
      <Text className="zx-sign-in__hint">本地演示环境：请选择一个演示账号登录</Text>
      {state.data.users.map((user) => (
        <View
          key={user.userId}
          className="zx-card zx-sign-in__user"
          data-testid="demo-user"
          data-user-id={user.userId}
          data-role={user.role}
          onClick={() => void signInAs(user)}
        >
          <View className="zx-sign-in__user-head">
            <Text className="zx-sign-in__user-name">{user.displayName}</Text>
            <Text className="zx-primary-text">
              {signingIn === user.userId ? '登录中…' : ROLE_LABELS[user.role]}
            </Text>
          </View>
          <Text className="zx-muted">{user.description}</Text>
        </View>
      ))}
    </View>
  );
}
