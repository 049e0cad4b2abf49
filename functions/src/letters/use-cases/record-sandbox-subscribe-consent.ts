import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { type PushDeps, receiveWechatPush } from './receive-wechat-push';

/**
 * Local stage only (the route answers 404 elsewhere): the H5 build's 「模拟订阅消息授权」 dialog stands
 * in for `wx.requestSubscribeMessage`, and what was tapped goes through the same handling as
 * WeChat's `subscribe_msg_popup_event` push — so credits are earned the same way as in WeChat.
 */
export async function recordSandboxSubscribeConsent(
  deps: PushDeps & { users: Pick<UserAccountRepository, 'get'> },
  claims: AccessClaims,
  results: Record<string, 'accept' | 'reject'>,
): Promise<{ accepted: string[] }> {
  const user = await deps.users.get(claims.sub);
  if (!user?.openid)
    throw new AppError('CONFLICT', '当前账号未关联微信，无法授权订阅消息，通知将改用您选择的其他渠道', {
      field: 'openid',
    });
  const list = Object.entries(results).map(([TemplateId, SubscribeStatusString]) => ({
    TemplateId,
    SubscribeStatusString,
    PopupScene: '0',
  }));
  await receiveWechatPush(
    deps,
    JSON.stringify({
      FromUserName: user.openid,
      CreateTime: Math.floor(deps.now() / 1000),
      Event: 'subscribe_msg_popup_event',
      List: list,
    }),
  );
  return {
    accepted: list.filter((item) => item.SubscribeStatusString === 'accept').map((item) => item.TemplateId),
  };
}
