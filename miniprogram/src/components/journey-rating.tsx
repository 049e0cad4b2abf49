import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PendingRating, RatingJourney } from '@zhixiang/shared/ratings/schemas';
import { RATING_COMMENT_MAX } from '@zhixiang/shared/ratings/schemas';
import { useEffect, useState } from 'react';
import { getSession } from '../lib/session';
import { api } from '../services/api';
import { Button } from './ui';
import './journey-rating.scss';

const dismissedKey = (journey: RatingJourney, subjectId: string) =>
  `rating-dismissed-${journey}-${subjectId}`;

/**
 * The one-tap rating (服务评价) of a journey that ended, where the customer sees its end: the
 * endorsement's result, the completed callback, the closed handoff. Shown only while the server
 * lists this instance as waiting for a rating (`GET /me/ratings/pending`): once rated, on any
 * phone, it is gone. A star sends it at once with the words typed so far; a refusal keeps the
 * words and says why. 「暂不评价」 hides it on this phone.
 */
export function JourneyRating({ journey, subjectId }: { journey: RatingJourney; subjectId: string }) {
  const [pending, setPending] = useState<PendingRating | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [rated, setRated] = useState<number | null>(null);
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    let gone = false;
    setPending(null);
    // A rating is the customer's own voice: an agent or staff member looking on is not asked.
    if (getSession()?.me.role !== 'customer') return;
    if (Taro.getStorageSync(dismissedKey(journey, subjectId))) return;
    api
      .listPendingRatings()
      .then(({ pending: list }) => {
        if (gone) return;
        setPending(list.find((p) => p.journey === journey && p.subjectId === subjectId) ?? null);
      })
      // Asking is a courtesy: without an answer the page stays as it is.
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [journey, subjectId]);

  if (rated !== null)
    return (
      <View className="zx-card zx-rating" data-testid="journey-rated">
        <Text className="zx-muted">感谢您的评价：{'★'.repeat(rated)}</Text>
      </View>
    );
  if (!pending) return null;

  const rate = async (score: number) => {
    if (busy) return;
    setBusy(true);
    setChosen(score);
    setError('');
    try {
      const words = comment.trim();
      await api.rateJourney(
        { journey, subjectId, score, ...(words ? { comment: words } : {}) },
        { silent: true },
      );
      setRated(score);
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
    } catch (failure) {
      // The words typed stay in the box.
      setError((failure as Error).message || '评价未能提交，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  const dismiss = () => {
    Taro.setStorageSync(dismissedKey(journey, subjectId), '1');
    setPending(null);
  };

  return (
    <View className="zx-card zx-rating" data-testid="journey-rating">
      <Text className="zx-card__title">请为本次服务评分</Text>
      <Text className="zx-muted">{pending.title}</Text>
      <Textarea
        className="zx-rating__comment"
        data-testid="journey-rating-comment"
        maxlength={RATING_COMMENT_MAX}
        placeholder={`想说的话（选填，${RATING_COMMENT_MAX} 字以内），然后点星评分`}
        value={comment}
        onInput={(event) => setComment(event.detail.value)}
      />
      <View className="zx-rating__stars">
        {[1, 2, 3, 4, 5].map((score) => (
          <Text
            key={score}
            className={`zx-rating__star${score <= chosen ? ' zx-rating__star--on' : ''}`}
            data-testid={`journey-rate-${score}`}
            aria-label={`${score} 星`}
            onClick={() => void rate(score)}
          >
            ★
          </Text>
        ))}
      </View>
      {busy ? <Text className="zx-muted">正在提交…</Text> : null}
      {error ? (
        <Text className="zx-rating__error" data-testid="journey-rating-error">
          {error}
        </Text>
      ) : null}
      <View className="zx-rating__actions">
        <Button
          size="small"
          fill="outline"
          disabled={busy}
          data-testid="journey-rating-dismiss"
          onClick={dismiss}
        >
          暂不评价
        </Button>
      </View>
    </View>
  );
}
