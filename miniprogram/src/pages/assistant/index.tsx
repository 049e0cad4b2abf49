import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { brand } from '@zhixiang/shared/brand';
import { PageContainer } from '../../components/page-container';
import { Button } from '../../components/ui';

export default function AssistantPage() {
  return (
    <PageContainer requireSignIn={false}>
      {() => (
        <View className="zx-state" data-testid="assistant-placeholder">
          <View className="zx-state__icon" style={{ background: brand.colors.primary }}>
            {brand.logoText}
          </View>
          <Text className="zx-state__title">智能客服“{brand.assistantName}”服务即将上线</Text>
          <Text className="zx-state__description">如需帮助，请拨打客服热线 {brand.servicePhone}</Text>
          <Button
            type="primary"
            size="small"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: brand.servicePhone.replace(/\D/g, '') })}
          >
            拨打热线
          </Button>
        </View>
      )}
    </PageContainer>
  );
}
