import Taro from '@tarojs/taro';

/** A page that sends the customer to the 客服 tab about something (e.g. a product) leaves it here. */
const ASSISTANT_TOPIC_KEY = 'zx-assistant-topic';

export interface AssistantTopic {
  productCode: string;
  name: string;
}

export function setAssistantTopic(topic: AssistantTopic): void {
  Taro.setStorageSync(ASSISTANT_TOPIC_KEY, topic);
}

/** The topic left for the assistant, once: reading it removes it. */
export function takeAssistantTopic(): AssistantTopic | null {
  try {
    const topic = Taro.getStorageSync(ASSISTANT_TOPIC_KEY) as AssistantTopic | '' | undefined;
    if (!topic) return null;
    Taro.removeStorageSync(ASSISTANT_TOPIC_KEY);
    return topic;
  } catch {
    return null;
  }
}
