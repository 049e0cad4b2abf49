import {
  type ClassifyContext,
  createIntentClassifier,
  type IntentClassification,
  type IntentClassifier,
} from '@zhixiang/shared/assistant/classify';
import { JiebaSegmenter } from '../../adapters/nlp/jieba-segmenter';

let classifier: IntentClassifier | undefined;

/**
 * The classifier the chat endpoint uses: jieba (with the service-term dictionary) plus the
 * models trained from the example questions. Built on first use and kept for the life of the
 * Lambda container, because loading jieba's dictionary costs a few hundred milliseconds.
 */
export function getIntentClassifier(): IntentClassifier {
  classifier ??= createIntentClassifier(new JiebaSegmenter());
  return classifier;
}

/** What a customer's chat message is about (issue 9, "Understanding"). */
export function classifyMessage(message: string, context?: ClassifyContext): IntentClassification {
  return getIntentClassifier().classify(message, context);
}
