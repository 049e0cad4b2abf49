import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { PRIVACY_GUIDE_VERSION } from '@zhixiang/shared/auth/schemas';
import { brand } from '@zhixiang/shared/brand';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../components/page-container';
import { Button } from '../../components/ui';
import { continueTo, pageUrls, withRedirect } from '../../lib/navigation';
import {
  announcePrivacyAuthorization,
  answerPrivacyAuthorization,
  PRIVACY_AGREE_BUTTON_ID,
} from '../../lib/privacy-authorization';
import { getSession, savePrivacyConsent } from '../../lib/session';
import './index.scss';

const SECTIONS: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: '我们收集哪些信息',
    body: '微信登录标识（用于识别您的账号）；您主动填写的姓名、身份证号码和手机号码（用于核实您的投保人或被保险人身份）；您查看和办理的保单服务记录。',
  },
  {
    title: '我们如何使用这些信息',
    body: '仅用于为您提供保单查询、保全、理赔咨询等保险服务，以及法律法规要求的记录保存。我们不会将您的信息用于与服务无关的用途。',
  },
  {
    title: '敏感个人信息',
    body: '身份证号码属于敏感个人信息。我们会在您绑定身份前单独征得您的同意，传输和存储时加密处理，页面上只显示部分号码。',
  },
  {
    title: '您的权利',
    body: `您可以查询、更正您的个人信息，或撤回同意、注销账号。如有疑问，请致电 ${brand.servicePhone}。`,
  },
];

export default function PrivacyPage() {
  const { params } = useRouter();
  const isWeapp = process.env.TARO_ENV === 'weapp';

  // Opened by WeChat for a paused privacy API: tell WeChat the guide is on screen.
  useDidShow(() => {
    if (params.authorize) announcePrivacyAuthorization();
  });

  function agree() {
    savePrivacyConsent(PRIVACY_GUIDE_VERSION);
    if (answerPrivacyAuthorization(true)) {
      void Taro.navigateBack();
      return;
    }
    if (getSession()) continueTo(params.redirect);
    else void Taro.redirectTo({ url: withRedirect(pageUrls.signIn, params.redirect) });
  }

  function decline() {
    if (answerPrivacyAuthorization(false)) {
      void Taro.navigateBack();
      return;
    }
    void Taro.showModal({
      title: '需要您的同意',
      content: `不同意隐私保护指引将无法使用${brand.serviceName}的服务。您可以随时重新查看并同意。`,
      showCancel: false,
      confirmText: '我知道了',
    });
  }

  return (
    <PageContainer requireSignIn={false} className="zx-privacy">
      {() => (
        <View>
          <View className="zx-card">
            <Text className="zx-card__title">
              {brand.insurerName} · {brand.serviceName}隐私保护指引
            </Text>
            <Text className="zx-muted">版本 {formatDateCn(PRIVACY_GUIDE_VERSION)}</Text>
            <ScrollView scrollY className="zx-privacy__body">
              {SECTIONS.map((section) => (
                <View key={section.title} className="zx-privacy__section">
                  <Text className="zx-privacy__heading">{section.title}</Text>
                  <Text className="zx-privacy__text">{section.body}</Text>
                </View>
              ))}
            </ScrollView>
          </View>
          {isWeapp ? (
            // WeChat records its own consent only from a button of this open-type.
            <Button
              block
              type="primary"
              className="zx-privacy__agree"
              id={PRIVACY_AGREE_BUTTON_ID}
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={agree}
            >
              同意并继续
            </Button>
          ) : (
            <Button block type="primary" className="zx-privacy__agree" onClick={agree}>
              同意并继续
            </Button>
          )}
          <Button block fill="none" className="zx-privacy__decline" onClick={decline}>
            不同意
          </Button>
        </View>
      )}
    </PageContainer>
  );
}
