import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';
import { classifyMessage, getServiceSegmenter } from './adapters/classify-message';
import type { AssistantDeps } from './use-cases/answer-assistant-message';
import type { HandoffDeps } from './use-cases/handoff-access';
import { KnowledgeAnswers } from './use-cases/knowledge-answers';
import { requestHandoff } from './use-cases/request-handoff';

/**
 * The chat's understanding: jieba's segmenter and the intent classifier (only the chat function
 * carries jieba's native binary). The knowledge cache lives as long as the dependencies it serves.
 */
const knowledgeOf = new WeakMap<object, KnowledgeAnswers>();

export function assistantDeps(
  deps: HandoffDeps & {
    repositories: AssistantDeps['repositories'] & { knowledgeBase: KnowledgeBaseRepository };
    now: () => number;
    logger: AssistantDeps['logger'];
  },
): AssistantDeps {
  let knowledge = knowledgeOf.get(deps);
  if (!knowledge) {
    knowledge = new KnowledgeAnswers(deps.repositories.knowledgeBase, getServiceSegmenter());
    knowledgeOf.set(deps, knowledge);
  }
  return {
    repositories: deps.repositories,
    knowledge,
    classify: classifyMessage,
    handOff: (claims, conversationId) => requestHandoff(deps, claims, conversationId),
    now: deps.now,
    logger: deps.logger,
  };
}
