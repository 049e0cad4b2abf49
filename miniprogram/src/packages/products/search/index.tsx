import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  PRODUCT_CATEGORIES,
  type ProductSearchResponse,
  type ProductSummary,
} from '@zhixiang/shared/product/catalogue';
import { useEffect, useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { HighlightedName } from '../components/highlighted-name';
import '../components/products.scss';
import { useDebounced } from '../components/use-debounced';

/** Suggestions wait for a pause in typing, so a fast typist sends one request, not ten. */
const SUGGEST_DELAY_MS = 250;

type Hit = ProductSearchResponse['hits'][number];

export default function ProductSearchPage() {
  const [typed, setTyped] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [suggesting, setSuggesting] = useState(false);
  const [category, setCategory] = useState<string | undefined>();
  const [age, setAge] = useState('');
  const [suggestions, setSuggestions] = useState<Hit[]>([]);
  const [result, setResult] = useState<ProductSearchResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const settled = useDebounced(typed, SUGGEST_DELAY_MS);
  // Only the newest request may update the page: answers can arrive out of order.
  const latestSuggest = useRef(0);
  const latestSearch = useRef(0);
  const ageFilter = /^\d{1,3}$/.test(age) ? age : undefined;

  useEffect(() => {
    if (!suggesting || settled.trim() === '') {
      setSuggestions([]);
      return;
    }
    const ticket = ++latestSuggest.current;
    api
      .searchProducts({ query: { q: settled, category, age: ageFilter, limit: '6' } })
      .then((response) => {
        if (ticket === latestSuggest.current) setSuggestions(response.mode === 'search' ? response.hits : []);
      })
      .catch(() => {
        if (ticket === latestSuggest.current) setSuggestions([]);
      });
  }, [settled, suggesting, category, ageFilter]);

  useEffect(() => {
    const ticket = ++latestSearch.current;
    setFailed(false);
    api
      .searchProducts({ query: { q: submitted, category, age: ageFilter, limit: '20' } })
      .then((response) => {
        if (ticket === latestSearch.current) setResult(response);
      })
      .catch(() => {
        if (ticket === latestSearch.current) setFailed(true);
      });
  }, [submitted, category, ageFilter]);

  const submit = (q: string) => {
    setTyped(q);
    setSubmitted(q);
    setSuggesting(false);
    setSuggestions([]);
  };
  const open = (productCode: string) => void Taro.navigateTo({ url: pageUrls.productDetail(productCode) });

  return (
    <PageContainer requireSignIn={false}>
      {() => (
        <View className="zx-products" data-testid="product-search">
          <View className="zx-products__box">
            <Input
              className="zx-products__input"
              data-testid="product-search-input"
              value={typed}
              placeholder="产品名称、拼音或首字母，如 金佑福 / jyf"
              confirmType="search"
              maxlength={64}
              onInput={(event) => {
                setTyped(event.detail.value);
                setSuggesting(true);
              }}
              onConfirm={(event) => submit(event.detail.value)}
            />
            {typed ? (
              <Text className="zx-products__clear" onClick={() => submit('')}>
                ✕
              </Text>
            ) : null}
          </View>

          {suggestions.length > 0 ? (
            <View className="zx-products__suggestions" data-testid="product-suggestions">
              {suggestions.map((hit) => (
                <View
                  key={hit.product.productCode}
                  className="zx-products__suggestion"
                  data-testid="product-suggestion"
                  onClick={() => open(hit.product.productCode)}
                >
                  <HighlightedName name={hit.product.name} highlights={hit.highlights} />
                </View>
              ))}
            </View>
          ) : null}

          <View className="zx-products__chips">
            {[undefined, ...PRODUCT_CATEGORIES].map((c) => (
              <Text
                key={c ?? 'all'}
                className={`zx-products__chip ${category === c ? 'zx-products__chip--active' : ''}`}
                data-testid={`category-${c ?? 'all'}`}
                onClick={() => setCategory(c)}
              >
                {c ?? '全部'}
              </Text>
            ))}
          </View>
          <View className="zx-products__age">
            <Text>被保险人年龄</Text>
            <Input
              className="zx-products__age-input"
              type="number"
              maxlength={3}
              value={age}
              placeholder="不限"
              data-testid="age-input"
              onInput={(event) => setAge(event.detail.value.replace(/\D/g, ''))}
            />
            <Text>岁</Text>
          </View>

          {failed ? (
            <Text className="zx-products__hint">网络不太顺畅，请稍后再试</Text>
          ) : result ? (
            <ResultList result={result} onOpen={open} />
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

function ResultList({ result, onOpen }: { result: ProductSearchResponse; onOpen: (code: string) => void }) {
  const hot = result.mode === 'hot';
  return (
    <View data-testid={hot ? 'hot-list' : 'search-results'}>
      <Text className="zx-products__section-title">
        {hot ? '热销产品' : result.hits.length > 0 ? `找到 ${result.hits.length} 款产品` : '无结果'}
      </Text>
      {result.hint ? (
        <Text className="zx-products__hint" data-testid="search-hint">
          {result.hint}
        </Text>
      ) : null}
      {result.hits.map((hit, i) => (
        <ProductCard
          key={hit.product.productCode}
          product={hit.product}
          highlights={hit.highlights}
          rank={hot ? i + 1 : undefined}
          onOpen={onOpen}
        />
      ))}
      {result.suggestions?.length ? (
        <View data-testid="search-suggestions">
          <Text className="zx-products__section-title">热销产品推荐</Text>
          {result.suggestions.map((product) => (
            <ProductCard key={product.productCode} product={product} highlights={[]} onOpen={onOpen} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function ProductCard({
  product,
  highlights,
  rank,
  onOpen,
}: {
  product: ProductSummary;
  highlights: ProductSearchResponse['hits'][number]['highlights'];
  rank?: number | undefined;
  onOpen: (code: string) => void;
}) {
  return (
    <View className="zx-card" data-testid="product-card" onClick={() => onOpen(product.productCode)}>
      <View>
        {rank !== undefined ? <Text className="zx-products__rank">{rank}</Text> : null}
        <HighlightedName className="zx-products__name" name={product.name} highlights={highlights} />
      </View>
      <Text className="zx-products__meta">
        {product.category} · {product.minAge}–{product.maxAge} 岁 · {product.paymentTerms.join(' / ')}
      </Text>
      <View>
        {product.tags.slice(0, 4).map((tag) => (
          <Text key={tag} className="zx-products__tag">
            {tag}
          </Text>
        ))}
      </View>
    </View>
  );
}
