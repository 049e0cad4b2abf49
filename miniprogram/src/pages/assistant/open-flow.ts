import Taro from '@tarojs/taro';
import type { AssistantButton } from '@zhixiang/shared/assistant/chat';
import { brand } from '@zhixiang/shared/brand';
import { goToGate, pageUrls, requiredGate } from '../../lib/navigation';

type OpenAction = Extract<AssistantButton['action'], { type: 'open' }>;

/**
 * Where each of the assistant's flows (shared/src/assistant/knowledge.ts) goes in the mini program.
 * 转人工 (`human_handoff`) stays on the page: the page itself hands the conversation over. 我要投诉
 * takes the conversation along, so whoever handles the complaint reads what was said.
 */
export function openFlow({ flow, policyNo }: OpenAction, conversationId?: string): void {
  switch (flow) {
    case 'policy_detail':
      if (policyNo) void Taro.navigateTo({ url: pageUrls.policyDetail(policyNo) });
      else void Taro.switchTab({ url: pageUrls.policies });
      return;
    case 'callback_booking':
      if (policyNo) void Taro.navigateTo({ url: pageUrls.callbackBooking(policyNo) });
      else void Taro.switchTab({ url: pageUrls.policies });
      return;
    case 'online_callback':
      if (policyNo) void Taro.navigateTo({ url: pageUrls.onlineCallback(policyNo) });
      else void Taro.switchTab({ url: pageUrls.policies });
      return;
    case 'my_policies':
      void Taro.switchTab({ url: pageUrls.policies });
      return;
    case 'product_search':
      void Taro.navigateTo({ url: pageUrls.productSearch });
      return;
    case 'identity_binding':
      void Taro.navigateTo({ url: pageUrls.bindIdentity });
      return;
    case 'sign_in':
      goToGate(requiredGate() ?? pageUrls.signIn);
      return;
    case 'call_hotline':
      void Taro.makePhoneCall({ phoneNumber: brand.servicePhone.replace(/\D/g, '') });
      return;
    case 'human_handoff':
      return;
    case 'my_endorsements':
      void Taro.navigateTo({ url: pageUrls.myEndorsements });
      return;
    case 'my_letters':
      void Taro.navigateTo({ url: pageUrls.myLetters });
      return;
    case 'letter_settings':
      void Taro.navigateTo({ url: pageUrls.letterSettings });
      return;
    case 'file_complaint':
      void Taro.navigateTo({ url: pageUrls.fileComplaintFromChat(conversationId) });
      return;
    case 'my_complaints':
      void Taro.navigateTo({ url: pageUrls.myComplaints });
      return;
    case 'voice_rant':
      void Taro.navigateTo({ url: pageUrls.voiceRant });
      return;
    case 'video_authorisation':
      void Taro.navigateTo({ url: pageUrls.myAuthorisations });
      return;
    default:
      // The endorsement flows: that type's form for the policy, or the policy list to pick one.
      if (policyNo) void Taro.navigateTo({ url: pageUrls.endorsementApply(policyNo, flow) });
      else void Taro.switchTab({ url: pageUrls.policies });
  }
}
