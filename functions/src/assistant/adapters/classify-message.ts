import {
  type ClassifyContext,
  createIntentClassifier,
  type IntentClassification,
  type IntentClassifier,
} from '@zhixiang/shared/assistant/classify';
import type { Segmenter } from '@zhixiang/shared/ports/segmenter';
import { JiebaSegmenter } from './jieba-segmenter';

let segmenter: Segmenter | undefined;
let classifier: IntentClassifier | undefined;

/** The process's one jieba segmenter: the classifier and the answer ranking share it. */
export function getServiceSegmenter(): Segmenter {
  segmenter ??= new JiebaSegmenter();
  return segmenter;
}

/**
 * The classifier the chat endpoint uses: jieba (with the service-term dictionary) plus the
 * models trained from the example questions. Built on first use and kept for the life of the
 * Lambda container, because loading jieba's dictionary costs a few hundred milliseconds.
 */
export function getIntentClassifier(): IntentClassifier {
  classifier ??= createIntentClassifier(getServiceSegmenter());
  return classifier;
}

/** What a customer's chat message is about. */
export function classifyMessage(message: string, context?: ClassifyContext): IntentClassification {
  return getIntentClassifier().classify(message, context);
}
