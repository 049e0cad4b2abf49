import { Text, View } from '@tarojs/components';
import Taro, { useReady, useRouter } from '@tarojs/taro';
import {
  type CreateEndorsementRequest,
  ENDORSEMENT_TYPE_LABELS,
  ENDORSEMENT_TYPES,
  type EndorsementType,
} from '@zhixiang/shared/endorsement/application';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { type ComponentType, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { StepIndicator } from '../components/step-indicator';
import '../components/endorsements.scss';
import { BeneficiaryChangeForm } from '../forms/beneficiary-change-form';
import { ContactChangeForm } from '../forms/contact-change-form';
import { DividendOptionForm } from '../forms/dividend-option-form';
import { DividendWithdrawalForm } from '../forms/dividend-withdrawal-form';
import type { FormProps } from '../forms/form-parts';
import { LoanRepaymentForm } from '../forms/loan-repayment-form';
import { PolicyLoanForm } from '../forms/policy-loan-form';
import { RenewalAccountForm } from '../forms/renewal-account-form';
import { SurrenderForm } from '../forms/surrender-form';
import { problemFromError } from '../lib/field-problems';
import { FLOW_STEPS } from '../steps';

const FORMS: Record<EndorsementType, ComponentType<FormProps>> = {
  contact_change: ContactChangeForm,
  beneficiary_change: BeneficiaryChangeForm,
  policy_loan: PolicyLoanForm,
  loan_repayment: LoanRepaymentForm,
  dividend_withdrawal: DividendWithdrawalForm,
  dividend_option_change: DividendOptionForm,
  renewal_account_change: RenewalAccountForm,
  surrender: SurrenderForm,
};

const isType = (value: string): value is EndorsementType =>
  (ENDORSEMENT_TYPES as readonly string[]).includes(value);

/**
 * The first screen of every type: whether it is possible and what it takes (the eligibility and the
 * figures from the server), then the type's form, checked as typed. "下一步" creates the
 * application, which the server validates again; a refusal is shown at its field and nothing typed
 * is lost. The review, identity, signature and submission follow on the application page; this
 * page stays underneath, so 返回修改 comes back to the form as it was.
 */
export default function ApplyEndorsementPage() {
  const { params } = useRouter();
  const policyNo = decodeURIComponent(params.policyNo ?? '');
  const rawType = decodeURIComponent(params.type ?? '');
  const type = isType(rawType) ? rawType : null;
  // A trustee acting on a video authorisation: every call names it.
  const authorisationId = params.authorisationId ? decodeURIComponent(params.authorisationId) : undefined;
  const query = authorisationId ? { authorisationId } : undefined;
  const data = usePageData(() => api.getEndorsementOptions(policyNo, query ? { query } : undefined));
  const [busy, setBusy] = useState(false);
  const [serverProblem, setServerProblem] = useState<RuleProblem | null>(null);
  /** Refused because an application of this type is already open: a link to it. */
  const [openElsewhere, setOpenElsewhere] = useState<string | null>(null);

  useReady(() => {
    if (type) void Taro.setNavigationBarTitle({ title: ENDORSEMENT_TYPE_LABELS[type] });
  });

  const create = async (body: CreateEndorsementRequest) => {
    setBusy(true);
    setServerProblem(null);
    try {
      const application = await api.createEndorsement(policyNo, body, {
        silent: true,
        ...(query ? { query } : {}),
      });
      void Taro.navigateTo({ url: pageUrls.endorsementApplication(application.applicationId) });
    } catch (error) {
      setServerProblem(problemFromError(error));
      setOpenElsewhere(
        error instanceof ApiError && error.code === 'CONFLICT' && error.relatedId ? error.relatedId : null,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer data={data} errorTitle="暂时无法办理该业务">
      {(options) => {
        const option = options.options.find((o) => o.type === type);
        const Form = type ? FORMS[type] : null;
        return (
          <View data-testid="endorsement-apply">
            <View className="zx-card">
              <Text className="zx-card__title">{type ? ENDORSEMENT_TYPE_LABELS[type] : '保全申请'}</Text>
              <Text className="zx-muted">
                {options.productName} · 保单号 {options.policyNo} · 投保人 {options.holder.name}
              </Text>
              {authorisationId ? (
                <Text className="zx-muted" data-testid="trustee-note">
                  受托人代办，依据录像授权 {authorisationId}；涉及的款项将转入授权指定的账户
                </Text>
              ) : null}
            </View>
            <StepIndicator steps={FLOW_STEPS} current={0} />
            {!option || !Form ? (
              <View className="zx-notice" data-testid="unavailable">
                该保单暂不支持此项业务
              </View>
            ) : option.openApplicationId ? (
              <View className="zx-card" data-testid="open-application">
                <Text>该保单已有一笔办理中的{option.label}申请，请继续办理或撤销后再申请。</Text>
                <Button
                  type="primary"
                  block
                  onClick={() =>
                    void Taro.navigateTo({
                      url: pageUrls.endorsementApplication(option.openApplicationId ?? ''),
                    })
                  }
                >
                  继续办理
                </Button>
              </View>
            ) : !option.available ? (
              <View className="zx-notice" data-testid="unavailable">
                暂不能办理：{option.unavailableReason}
              </View>
            ) : (
              <>
                {openElsewhere ? (
                  <Button
                    block
                    data-testid="open-application-link"
                    onClick={() =>
                      void Taro.navigateTo({ url: pageUrls.endorsementApplication(openElsewhere) })
                    }
                  >
                    查看办理中的申请 {openElsewhere}
                  </Button>
                ) : null}
                <Form
                  options={options}
                  serverProblem={serverProblem}
                  busy={busy}
                  onEdit={() => serverProblem && setServerProblem(null)}
                  onCreate={(body) => void create(body)}
                />
              </>
            )}
          </View>
        );
      }}
    </PageContainer>
  );
}
