import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { brand } from '@zhixiang/shared/brand';
import { InfoRow } from '../../../components/info-row';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls, withRedirect } from '../../../lib/navigation';
import { openPdf } from '../../../lib/open-pdf';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import '../components/products.scss';
import { setAssistantTopic } from '../../../pages/assistant/topic';

/** The assistant page reads this to start the conversation about the product. */

export default function ProductDetailPage() {
  const code = useRouter().params.code ?? '';
  const data = usePageData(() => api.getProduct(code));
  return (
    <PageContainer requireSignIn={false} data={data} errorTitle="无法查看该产品">
      {(product) => (
        <View className="zx-products" data-testid="product-detail">
          <View className="zx-card">
            <Text className="zx-products__name" data-testid="product-name">
              {product.name}
            </Text>
            <View>
              {[product.category, ...product.tags].map((tag) => (
                <Text key={tag} className="zx-products__tag">
                  {tag}
                </Text>
              ))}
              {product.onSale ? null : <Text className="zx-products__tag">已停售</Text>}
            </View>
            <InfoRow label="产品代码" value={product.productCode} />
            <InfoRow label="投保年龄" value={`${product.minAge}–${product.maxAge} 周岁`} />
            <InfoRow label="缴费期" value={product.paymentTerms.join(' / ')} />
          </View>
          <View className="zx-card">
            <Text className="zx-products__section-title">产品亮点</Text>
            {product.highlights.map((line) => (
              <Text key={line} className="zx-products__highlight">
                · {line}
              </Text>
            ))}
          </View>
          <View className="zx-products__actions">
            {product.brochureUrl ? (
              <Button
                type="default"
                size="small"
                data-testid="open-brochure"
                onClick={() => void openPdf(product.brochureUrl as string)}
              >
                产品说明书
              </Button>
            ) : null}
            <Button
              type="primary"
              size="small"
              data-testid="ask-assistant"
              onClick={() => {
                setAssistantTopic({ productCode: product.productCode, name: product.name });
                void Taro.switchTab({ url: pageUrls.assistant });
              }}
            >
              问问{brand.assistantName}
            </Button>
            <Button
              type="default"
              size="small"
              data-testid="ask-agent"
              onClick={() => {
                if (!getSession()) {
                  void Taro.navigateTo({
                    url: withRedirect(pageUrls.signIn, pageUrls.productDetail(product.productCode)),
                  });
                  return;
                }
                void Taro.showModal({
                  title: '咨询我的业务员',
                  content: `想了解“${product.name}”，可联系为您服务的业务员，或拨打客服热线 ${brand.servicePhone}。`,
                  showCancel: false,
                });
              }}
            >
              咨询业务员
            </Button>
          </View>
        </View>
      )}
    </PageContainer>
  );
}
