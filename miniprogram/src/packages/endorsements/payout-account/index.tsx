import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { checkRenewalAccountChange } from '@zhixiang/shared/endorsement/renewal-account-change';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { formatYuan } from '@zhixiang/shared/format/money';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { CARD_FIELDS, CardFields, typedCardProblems } from '../forms/card-fields';
import { FormFooter, footerMessage } from '../forms/form-parts';
import { problemFromError } from '../lib/field-problems';
import '../components/endorsements.scss';

/**
 * 更换收款账户: a payout failed (a closed card, a bank return), so the holder gives another debit
 * card of their own — the account holder must be the policyholder, checked as typed by the
 * renewal-card rule the server runs too. The payout is instructed again to it; the application is not started over.
 */
export default function PayoutAccountPage() {
  const applicationId = decodeURIComponent(useRouter().params.applicationId ?? '');
  const data = usePageData(() => api.getEndorsement(applicationId));
  const [card, setCard] = useState({ cardHolderName: '', cardNumber: '' });
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverProblem, setServerProblem] = useState<RuleProblem | null>(null);

  return (
    <PageContainer data={data} errorTitle="暂时无法查看该申请">
      {(application) => {
        const payout = application.payout;
        const checked = checkRenewalAccountChange(card, {
          holderName: application.holder.name,
          current: null,
        });
        const problems = typedCardProblems(checked.ok ? [] : checked.problems, card, showAll);
        const set = (change: Partial<typeof card>) => {
          setCard({ ...card, ...change });
          setServerProblem(null);
        };
        const save = async () => {
          setShowAll(true);
          if (!checked.ok) return;
          setBusy(true);
          try {
            await api.changePayoutAccount(applicationId, card, { silent: true });
            void Taro.showToast({ title: '已更换收款账户，重新发起付款', icon: 'none' });
            void Taro.navigateBack();
          } catch (error) {
            setServerProblem(problemFromError(error));
          } finally {
            setBusy(false);
          }
        };
        return (
          <View className="zx-endorse" data-testid="payout-account">
            <View className="zx-card">
              <Text className="zx-card__title">
                {payout ? `付款 ${formatYuan(payout.amountCents)} 未成功` : '该申请没有付款'}
              </Text>
              {payout ? (
                <Text className="zx-muted">
                  原收款账户 {payout.bankName} {payout.accountMasked}
                  {payout.failureReason ? `：${payout.failureReason}` : ''}。新账户须为投保人{' '}
                  {application.holder.name} 本人的借记卡，确认后将重新发起付款，无需重新申请。
                </Text>
              ) : null}
            </View>
            <View className="zx-card">
              <CardFields card={card} onChange={set} problems={problems} serverProblem={serverProblem} />
            </View>
            <FormFooter
              message={footerMessage(problems, serverProblem, CARD_FIELDS, showAll)}
              busy={busy}
              onNext={() => void save()}
              label="确认更换并重新付款"
              busyLabel="正在提交…"
            />
          </View>
        );
      }}
    </PageContainer>
  );
}
