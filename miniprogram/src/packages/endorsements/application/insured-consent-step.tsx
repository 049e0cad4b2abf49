import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { ShareLink } from '../../../components/share-link';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';

/**
 * The insured's consent when they are not the holder (保险法 Art. 34, 39): the insured verifies and
 * signs the consent themself — in their own WeChat (the holder sends them this application), or on
 * the assigned agent's device with the insured present.
 */
export function InsuredConsentStep({ application }: { application: EndorsementApplication }) {
  const consent = application.insuredConsent;
  if (!consent) return null;
  const me = getSession()?.me;
  const hosting = me?.role === 'agent';
  if (!hosting && me?.customerId !== consent.customerId) {
    return (
      <View data-testid="insured-consent">
        <ShareLink
          path={pageUrls.endorsementApplication(application.applicationId)}
          embedded
          hint={`被保险人 ${consent.name} 须本人验证身份并签署同意书：请把本申请发给被保险人，在其本人的微信中打开并完成。`}
        />
      </View>
    );
  }
  return (
    <View className="zx-endorse__actions" data-testid="insured-consent">
      <Text className="zx-muted">被保险人 {consent.name} 须本人验证身份并签署同意书。</Text>
      <Button
        block
        fill="outline"
        data-testid="insured-verify"
        onClick={() =>
          void Taro.navigateTo({
            url: pageUrls.identityVerify(consent.identityPurpose, hosting ? consent.customerId : undefined),
          })
        }
      >
        被保险人验证身份
      </Button>
      <Button
        type="primary"
        block
        data-testid="insured-sign"
        onClick={() => void Taro.navigateTo({ url: pageUrls.signDocument(consent.documentId) })}
      >
        被保险人签署同意书
      </Button>
    </View>
  );
}
