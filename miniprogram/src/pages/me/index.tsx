import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BRANCH_LEVEL_LABELS } from '@zhixiang/shared/auth/schemas';
import { PageContainer } from '../../components/page-container';
import { Cell, CellGroup } from '../../components/ui';
import { usePageData } from '../../hooks/use-page-data';
import { useRoleTabs } from '../../hooks/use-role-tabs';
import { ROLE_LABELS } from '../../lib/labels';
import { pageUrls } from '../../lib/navigation';
import { clearSession, getSession, updateMe } from '../../lib/session';
import { api } from '../../services/api';
import './index.scss';

export default function MePage() {
  useRoleTabs();
  // The server is the source of truth for role and binding; the stored copy only fills the gap.
  const data = usePageData(async () => {
    const me = await api.getMe();
    updateMe(me);
    return me;
  });

  async function signOut() {
    const refreshToken = getSession()?.refreshToken;
    if (refreshToken) await api.signOut({ refreshToken }, { silent: true }).catch(() => undefined);
    clearSession();
    void Taro.reLaunch({ url: pageUrls.signIn });
  }

  return (
    <PageContainer data={data} refreshable>
      {(me) => (
        <View>
          <View className="zx-card zx-me__profile" data-testid="me-profile">
            <Text className="zx-me__name">{me.displayName}</Text>
            <Text className="zx-me__role">{ROLE_LABELS[me.role]}</Text>
            {me.branch ? (
              <Text className="zx-muted zx-me__line">
                {BRANCH_LEVEL_LABELS[me.branch.level]} · {me.branch.name}
              </Text>
            ) : null}
            {me.phoneMasked ? <Text className="zx-muted zx-me__line">手机 {me.phoneMasked}</Text> : null}
            {me.role === 'customer' ? (
              <Text className="zx-muted zx-me__line">{me.customerId ? '已绑定身份' : '尚未绑定身份'}</Text>
            ) : null}
          </View>
          <CellGroup>
            {me.role === 'customer' && !me.customerId ? (
              <Cell
                title="绑定身份"
                clickable
                onClick={() => void Taro.navigateTo({ url: pageUrls.bindIdentity })}
              />
            ) : null}
            {me.role === 'agent' ? (
              <Cell
                title="我的客户"
                clickable
                data-testid="entry-my-customers"
                onClick={() => void Taro.navigateTo({ url: pageUrls.agentCustomers })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="我的批单"
                clickable
                data-testid="entry-my-documents"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myDocuments })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="我的申请"
                clickable
                data-testid="entry-my-endorsements"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myEndorsements })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="我的信函"
                clickable
                data-testid="entry-my-letters"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myLetters })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="我的投诉"
                clickable
                data-testid="entry-my-complaints"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myComplaints })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="录像授权"
                description="适用于身在境外、无法到柜面办理的投保人"
                clickable
                data-testid="entry-my-authorisations"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myAuthorisations })}
              />
            ) : null}
            {me.role === 'customer' ? (
              <Cell
                title="受托办理"
                description="受他人录像授权委托，代为办理保全"
                clickable
                data-testid="entry-trustee"
                onClick={() => void Taro.navigateTo({ url: pageUrls.trusteeAuthorisations })}
              />
            ) : null}
            {me.role === 'customer' && me.customerId ? (
              <Cell
                title="我要吐槽"
                clickable
                data-testid="entry-voice-rant"
                onClick={() => void Taro.navigateTo({ url: pageUrls.voiceRant })}
              />
            ) : null}
            {me.role !== 'admin' && me.role !== 'executive' ? (
              <Cell
                title="我的活动"
                clickable
                data-testid="entry-my-events"
                onClick={() => void Taro.navigateTo({ url: pageUrls.myEventRegistrations })}
              />
            ) : null}
            {me.role === 'staff' || me.role === 'admin' ? (
              <Cell
                title="续期通知送达报表"
                clickable
                data-testid="entry-notice-funnel"
                onClick={() => void Taro.navigateTo({ url: pageUrls.noticeFunnel })}
              />
            ) : null}
            <Cell
              title="电子批单验真"
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrls.verifyDocument })}
            />
            {me.role === 'staff' || me.role === 'admin' ? (
              <Cell
                title="身份核验审核"
                clickable
                data-testid="entry-identity-reviews"
                onClick={() => void Taro.navigateTo({ url: pageUrls.identityReviews })}
              />
            ) : null}
            <Cell
              title="隐私保护指引"
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrls.privacy })}
            />
            <Cell title="退出登录" clickable onClick={() => void signOut()} />
          </CellGroup>
        </View>
      )}
    </PageContainer>
  );
}
