import { useRouter } from '@tarojs/taro';
import { HandoffChatView } from './handoff-chat';

/** The staff console's chat page: one handoff (handoff-chat.tsx). */
export default function HandoffChatPage() {
  return <HandoffChatView handoffId={useRouter().params.handoffId ?? ''} />;
}
