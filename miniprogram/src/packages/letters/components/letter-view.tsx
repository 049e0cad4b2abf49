import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LetterDetail } from '@zhixiang/shared/letters/schemas';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { openPdf } from '../../../lib/open-pdf';

/**
 * One letter as the PDF says it: greeting, paragraphs, facts, the PDF itself, and the e-endorsement
 * it confirms (signing in first when the letter was opened from a link).
 */
export function LetterView({ letter }: { letter: LetterDetail }) {
  const [opening, setOpening] = useState(false);
  return (
    <View className="zx-letters" data-testid="letter-view">
      <View className="zx-card">
        <Text className="zx-card__title">{letter.title}</Text>
        <Text className="zx-letters__paragraph" style={{ textIndent: 0 }}>
          {letter.greeting}
        </Text>
        {letter.paragraphs.map((paragraph) => (
          <Text key={paragraph} className="zx-letters__paragraph">
            {paragraph}
          </Text>
        ))}
      </View>
      <View className="zx-card">
        {letter.facts.map(([label, value]) => (
          <View key={label} className="zx-letters__fact">
            <Text className="zx-muted">{label}</Text>
            <Text>{value}</Text>
          </View>
        ))}
      </View>
      <Button
        type="primary"
        block
        loading={opening}
        onClick={() => {
          setOpening(true);
          void openPdf(letter.pdfUrl).finally(() => setOpening(false));
        }}
      >
        查看 PDF 原件（{letter.pages} 页）
      </Button>
      {letter.documentId ? (
        <Button
          block
          data-testid="letter-document"
          onClick={() => void Taro.navigateTo({ url: pageUrls.documentDetail(letter.documentId as string) })}
        >
          查看电子批单 {letter.documentId}
        </Button>
      ) : null}
    </View>
  );
}
