import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { detectAnger } from '@zhixiang/shared/assistant/anger';
import type {
  AssistantButton,
  AssistantReply,
  SendAssistantMessageRequest,
} from '@zhixiang/shared/assistant/chat';
import type { ClassifyContext, IntentClassification } from '@zhixiang/shared/assistant/classify';
import { isUnanswered } from '@zhixiang/shared/assistant/feedback-report';
import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import { INTENT_NAMES, type Intent } from '@zhixiang/shared/assistant/intents';
import { type KnowledgeEntry, POLICY_FLOWS } from '@zhixiang/shared/assistant/knowledge';
import { firstAnswerMeasurements } from '@zhixiang/shared/assistant/measurement';
import {
  type FigureOutcome,
  hasPersonalFigures,
  needsCallbackBookings,
  type PolicyFacts,
  personalFigures,
  policyLabel,
} from '@zhixiang/shared/assistant/personal-figures';
import { productAnswer, productAspectsAsked } from '@zhixiang/shared/assistant/product-answer';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { ProductRecord } from '@zhixiang/shared/policy/model';
import type { ConversationState, ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import { redactText } from '@zhixiang/shared/privacy/mask';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { POLICY_NOT_FOUND_MESSAGE } from '../../policies/use-cases/get-policy';
import type { KnowledgeAnswers } from './knowledge-answers';

/** A conversation idle longer than this starts afresh (TTL deletion lags, so the code checks). */
export const CONVERSATION_IDLE_MS = 2 * 3_600_000;
/** Turns are kept this long for the conversation log and the knowledge base report. */
export const CONVERSATION_RETENTION_MS = 30 * 86_400_000;

export const BUSY_CONVERSATION_MESSAGE = '上一条消息还在处理中，请稍候再发送';
export const PRODUCT_NOT_FOUND_MESSAGE = '没有找到这个产品，请返回产品页面重新进入';
export const NO_ANSWER_TEXT =
  '抱歉，这个问题我暂时没有找到答案。您可以换个说法，或拨打客服热线咨询人工客服。';

export interface AssistantDeps {
  repositories: Pick<Repositories, 'policies' | 'products'> & {
    customers: Pick<Repositories['customers'], 'get'>;
    callbackBookings: Pick<CallbackBookingRepository, 'getBooking'>;
    catalogue: Pick<CatalogueRepository, 'get'>;
    assistantConversations: ConversationStore;
  };
  knowledge: KnowledgeAnswers;
  classify: (message: string, context: ClassifyContext) => IntentClassification;
  /** Hands the conversation to a person (the same use case as 转人工). */
  handOff: (claims: AccessClaims, conversationId: string) => Promise<Handoff>;
  now: () => number;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** Buttons under a greeting or a refusal: the questions customers ask most. */
const QUICK_QUESTIONS: Intent[] = ['loan_quota', 'dividend_query', 'renewal_due_query', 'callback_booking'];

const hotline: AssistantButton = { label: '拨打客服热线', action: { type: 'open', flow: 'call_hotline' } };

type Reply = Omit<AssistantReply, 'conversationId' | 'turn'>;

/**
 * One turn of the 7×24 assistant: understand the message with the one classifier entry
 * point, answer from the knowledge base — with the customer's own figures when they are signed in
 * — ask when unsure, and remember the conversation (last intent, misses, a pending policy choice)
 * for the next turn. Every turn is stored with its intent, confidence, answer and latency; a turn
 * typed in anger is listed in the same transaction for the customer-voice stream (客户之声).
 */
export async function answerAssistantMessage(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  request: SendAssistantMessageRequest,
): Promise<AssistantReply> {
  const startedAt = performance.now();
  const now = deps.now();
  const [state, product] = await Promise.all([
    conversationFor(deps, claims, request.conversationId, now),
    request.productCode ? deps.repositories.catalogue.get(request.productCode) : null,
  ]);
  if (request.productCode && !product) throw new AppError('NOT_FOUND', PRODUCT_NOT_FOUND_MESSAGE);
  // A conversation's first answer is measured (the service standard 智能客服首次回答): the
  // customer's branch is read beside the answer, once per conversation.
  const firstBranch =
    state.version === 0 ? branchOfAsker(deps, claims) : Promise.resolve<string | null>(null);
  const pending = state.pendingPolicyChoice;
  // Asked "which policy?", the customer may type its last digits instead of tapping a button.
  const typedPolicyNo =
    pending && !request.policyNo ? namedPolicy(pending.policyNos, request.text) : undefined;
  const turn = typedPolicyNo ? { ...request, policyNo: typedPolicyNo } : request;

  let reply: Reply;
  const pickedPolicy = turn.policyNo && pending && (!turn.intent || turn.intent === pending.intent);
  const chosenIntent = turn.intent ?? (pickedPolicy ? pending?.intent : undefined);
  if (chosenIntent) {
    // A tapped button: the customer said what they meant, nothing to classify. A policy picked
    // from "which policy?" continues the answer that asked.
    reply = await answerIntent(
      deps,
      claims,
      chosenIntent,
      1,
      turn,
      pickedPolicy ? pending?.answerId : undefined,
    );
  } else {
    const understood = deps.classify(request.text, { consecutiveMisses: state.misses });
    reply = product
      ? await answerAboutProduct(deps, claims, product, understood, request, state)
      : await answerClassified(deps, claims, understood, request, state);
  }

  const missed = reply.kind === 'clarify' || reply.kind === 'out_of_scope';
  const next: ConversationState = {
    ...state,
    lastIntent: reply.intent,
    misses: missed ? state.misses + 1 : 0,
    pendingPolicyChoice:
      reply.kind === 'choose_policy'
        ? {
            intent: reply.intent,
            answerId: reply.answerId ?? '',
            policyNos: reply.buttons.flatMap((b) =>
              b.action.type === 'reply' && b.action.policyNo ? [b.action.policyNo] : [],
            ),
          }
        : null,
    turnCount: state.turnCount + 1,
    updatedAt: now,
    version: state.version + 1,
  };
  const latencyMs = Math.round((performance.now() - startedAt) * 10) / 10;
  // Typed words only: a tapped button says nothing about the customer's mood.
  const anger = request.intent ? null : detectAnger(request.text);
  const measurements =
    state.version === 0
      ? firstAnswerMeasurements({
          conversationId: state.conversationId,
          askedAt: now,
          answeredAt: deps.now(),
          branchPath: await firstBranch,
          actor: claims?.sub ?? 'visitor',
        })
      : [];
  const saved = await deps.repositories.assistantConversations.saveTurn(
    next,
    {
      conversationId: state.conversationId,
      seq: next.turnCount,
      at: now,
      text: redactText(request.text),
      intent: reply.intent,
      confidence: reply.confidence,
      kind: reply.kind,
      answerId: reply.answerId,
      latencyMs,
      signedIn: claims !== null,
    },
    now + CONVERSATION_RETENTION_MS,
    { unanswered: isUnanswered(reply), measurements, angerScore: anger?.angry ? anger.score : undefined },
  );
  if (!saved) throw new AppError('CONFLICT', BUSY_CONVERSATION_MESSAGE);
  const handedOff = await handOffIfNeeded(deps, claims, state, reply, missed, anger?.angry === true);
  // No message text here: it may hold personal data. The turn item keeps a masked copy.
  deps.logger.info('assistant turn', {
    conversationId: state.conversationId,
    turn: next.turnCount,
    intent: reply.intent,
    confidence: reply.confidence,
    kind: reply.kind,
    answerId: reply.answerId,
    latencyMs,
  });
  const answered = { ...reply, conversationId: state.conversationId, turn: next.turnCount };
  return handedOff ? withHandoffNotice(answered, handedOff) : answered;
}

/**
 * Automatic handoff: a second miss in a row, or a complaint in anger (shared/src/assistant/anger.ts),
 * goes to a person without the customer asking — for a customer with a bound identity, the only
 * one a person can take without verifying again (others keep the 转人工 / hotline buttons). After
 * the turn is stored, so the transcript the person sees includes it. A failure is logged and the
 * reply still goes out with its buttons.
 */
async function handOffIfNeeded(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  state: ConversationState,
  reply: Reply,
  missed: boolean,
  angry: boolean,
): Promise<{ handoff: Handoff; reason: 'misses' | 'anger' } | null> {
  if (!claims?.customerId || claims.role !== 'customer') return null;
  const secondMiss = missed && state.misses >= 1;
  const angryComplaint = reply.intent === 'complaint' && angry;
  if (!secondMiss && !angryComplaint) return null;
  try {
    const handoff = await deps.handOff(claims, state.conversationId);
    deps.logger.info('assistant handed off', {
      conversationId: state.conversationId,
      reason: angryComplaint ? 'anger' : 'misses',
    });
    return { handoff, reason: angryComplaint ? 'anger' : 'misses' };
  } catch (error) {
    deps.logger.warn('automatic handoff failed', { conversationId: state.conversationId, error });
    return null;
  }
}

function withHandoffNotice(
  reply: AssistantReply,
  { handoff, reason }: { handoff: Handoff; reason: 'misses' | 'anger' },
): AssistantReply {
  const opening = reason === 'anger' ? '非常抱歉给您带来了不好的体验。' : '抱歉，我没能理解您的问题。';
  const notice =
    handoff.mode === 'message'
      ? `${opening}现在是人工客服非服务时间（服务时间：${handoff.serviceHours}），请直接留言说明情况，客服上班后会优先处理并短信通知您。`
      : `${opening}已为您转接人工客服，刚才的对话已一并转交，无需重复核对身份，请稍候。`;
  return {
    ...reply,
    // A clarification's question and buttons no longer apply; an answer stays below the notice.
    text: reply.kind === 'clarify' || reply.kind === 'out_of_scope' ? [notice] : [notice, ...reply.text],
    // The hotline stays, and so does 我要投诉, which takes this conversation along.
    buttons: reply.buttons.filter(
      (b) =>
        b.action.type === 'open' && (b.action.flow === 'call_hotline' || b.action.flow === 'file_complaint'),
    ),
    handoff: { handoffId: handoff.handoffId, mode: handoff.mode, serviceHours: handoff.serviceHours },
  };
}

/**
 * The caller's conversation, or a new one. A conversation belongs to whoever started it: another
 * user's (or a signed-out visitor's) id starts a fresh conversation rather than revealing or
 * continuing theirs, and so does one idle for too long.
 */
/** The asker's branch: a customer's (one read), a staff member's or agent's (their token), else none. */
async function branchOfAsker(deps: AssistantDeps, claims: AccessClaims | null): Promise<string | null> {
  if (claims?.branchPath) return claims.branchPath;
  if (!claims?.customerId) return null;
  try {
    return (await deps.repositories.customers.get(claims.customerId))?.branchPath ?? null;
  } catch (error) {
    // The measurement must not fail the answer: counted at the root instead.
    deps.logger.warn('asker branch not read', { error });
    return null;
  }
}

async function conversationFor(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  conversationId: string | undefined,
  now: number,
): Promise<ConversationState> {
  const owner = claims?.sub ?? null;
  if (conversationId) {
    const stored = await deps.repositories.assistantConversations.get(conversationId);
    if (stored && stored.ownerUserId === owner && now - stored.updatedAt < CONVERSATION_IDLE_MS)
      return stored;
  }
  return {
    conversationId: randomUUID(),
    ownerUserId: owner,
    lastIntent: null,
    misses: 0,
    pendingPolicyChoice: null,
    turnCount: 0,
    updatedAt: now,
    version: 0,
  };
}

async function answerClassified(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  understood: IntentClassification,
  request: SendAssistantMessageRequest,
  state: ConversationState,
): Promise<Reply> {
  const base = { intent: understood.intent, confidence: understood.confidence, answerId: null };
  if (understood.clarify) {
    return {
      ...base,
      kind: 'clarify',
      text: [understood.clarify.question],
      buttons: understood.clarify.options.map((option) => ({
        label: option.label,
        action: { type: 'reply', intent: option.intent },
      })),
    };
  }
  if (understood.intent === 'greeting_smalltalk' || understood.intent === 'out_of_scope') {
    const refusal = understood.intent === 'out_of_scope';
    return {
      ...base,
      kind: refusal ? 'out_of_scope' : 'smalltalk',
      text: [understood.reply ?? NO_ANSWER_TEXT],
      buttons: [
        ...QUICK_QUESTIONS.map(
          (intent): AssistantButton => ({ label: INTENT_NAMES[intent], action: { type: 'reply', intent } }),
        ),
        // The second miss in a row offers a person.
        ...(refusal && state.misses >= 1 ? [hotline] : []),
      ],
    };
  }
  return answerIntent(deps, claims, understood.intent, understood.confidence, request);
}

/**
 * A message sent from a product page (问问小智) is about that product when it asks about one of the
 * product's aspects (保障, 投保年龄, 交费…) or when, without the product, it would be a product
 * question, a refusal or a question back: the answer then comes from the product's own data. When
 * the only doubt was "product or X?", the product page settles it: X is answered. Anything else
 * (贷款, 退保…) is answered as usual.
 */
async function answerAboutProduct(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  product: CatalogueProductRecord,
  understood: IntentClassification,
  request: SendAssistantMessageRequest,
  state: ConversationState,
): Promise<Reply> {
  const otherOption = understood.clarify?.options.find(
    (option) => option.intent !== 'product_search' && option.intent !== 'human_agent',
  );
  const productInDoubt = understood.clarify?.options.some((option) => option.intent === 'product_search');
  if (productInDoubt && otherOption && productAspectsAsked(request.text).length === 0) {
    return answerIntent(deps, claims, otherOption.intent, understood.confidence, request);
  }
  const aboutProduct =
    productAspectsAsked(request.text).length > 0 ||
    productInDoubt ||
    understood.intent === 'product_search' ||
    understood.intent === 'out_of_scope';
  if (!aboutProduct) return answerClassified(deps, claims, understood, request, state);
  return {
    kind: 'answer',
    intent: 'product_search',
    confidence: understood.intent === 'product_search' ? understood.confidence : 1,
    answerId: `product:${product.productCode}`,
    text: productAnswer(product, request.text),
    buttons: [hotline],
  };
}

async function answerIntent(
  deps: AssistantDeps,
  claims: AccessClaims | null,
  intent: Intent,
  confidence: number,
  request: SendAssistantMessageRequest,
  continuesAnswerId?: string,
): Promise<Reply> {
  const now = deps.now();
  const entry = await deps.knowledge.best(intent, request.text, now, continuesAnswerId);
  if (!entry) {
    deps.logger.warn('no knowledge base entry', { intent });
    return { kind: 'answer', intent, confidence, answerId: null, text: [NO_ANSWER_TEXT], buttons: [hotline] };
  }
  const base = { intent, confidence, answerId: entry.id };
  const handOff = handOffPossibility(claims);
  const general = (policyNo?: string): Reply => ({
    ...base,
    kind: 'answer',
    text: [entry.answer],
    buttons: actionButtons(entry, handOff, policyNo),
  });
  if (!entry.personal || !hasPersonalFigures(intent)) return general();

  if (!claims) {
    return {
      ...base,
      kind: 'sign_in_needed',
      text: [entry.answer, `登录后，我可以直接查询您保单的具体情况（${INTENT_NAMES[intent]}）。`],
      buttons: [
        { label: '登录', action: { type: 'open', flow: 'sign_in' } },
        ...actionButtons(entry, handOff),
      ],
    };
  }
  // Agents and staff act for customers from the customer's own policy pages, not from here.
  if (claims.role !== 'customer') return general();
  if (!claims.customerId) {
    return {
      ...base,
      kind: 'sign_in_needed',
      text: [entry.answer, '完成身份绑定后，我可以直接查询您保单的具体情况。'],
      buttons: [{ label: '去绑定身份', action: { type: 'open', flow: 'identity_binding' } }],
    };
  }

  const chosenPolicyNo = request.policyNo;
  const facts = await customerPolicyFacts(deps, claims.customerId, intent, chosenPolicyNo);
  const outcome: FigureOutcome | null = personalFigures(intent, facts, todayInShanghai(new Date(now)), {
    message: request.text,
    ...(chosenPolicyNo ? { chosenPolicyNo } : {}),
  });
  if (!outcome) return general();
  if (outcome.kind === 'choose') {
    return {
      ...base,
      kind: 'choose_policy',
      text: [outcome.question],
      buttons: outcome.options.map((option) => ({
        label: policyLabel(option),
        action: { type: 'reply', intent, policyNo: option.policy.policyNo },
      })),
    };
  }
  if (outcome.kind === 'none') return { ...general(), text: [outcome.text, entry.answer] };
  return { ...general(outcome.facts.policy.policyNo), text: [outcome.text, entry.answer] };
}

/**
 * The signed-in customer's policies as holder (the one who may borrow, surrender or change them),
 * with their products; a chosen policy that is not theirs is "not found", exactly like
 * `GET /policies/{policyNo}`.
 */
async function customerPolicyFacts(
  deps: AssistantDeps,
  customerId: string,
  intent: Intent,
  chosenPolicyNo: string | undefined,
): Promise<PolicyFacts[]> {
  const policies = (await deps.repositories.policies.listByCustomer(customerId)).filter(
    (p) => p.holderId === customerId,
  );
  if (chosenPolicyNo && !policies.some((p) => p.policyNo === chosenPolicyNo)) {
    throw new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, {
      logMessage: `assistant: policy ${chosenPolicyNo} is not held by ${customerId}`,
    });
  }
  const products = new Map<string, Promise<ProductRecord | null>>();
  const productOf = (code: string) => {
    let product = products.get(code);
    if (!product) {
      product = deps.repositories.products.get(code);
      products.set(code, product);
    }
    return product;
  };
  const withBookings = needsCallbackBookings(intent);
  const facts = await Promise.all(
    policies.map(async (policy) => {
      const [product, booking] = await Promise.all([
        productOf(policy.productCode),
        withBookings ? deps.repositories.callbackBookings.getBooking(policy.policyNo) : null,
      ]);
      return product ? { policy, product, booking } : null;
    }),
  );
  // Newest first, as in the policy list: the policy bought last is the one people ask about.
  return facts
    .filter((f): f is NonNullable<typeof f> => f !== null)
    .sort((a, b) => b.policy.effectiveDate.localeCompare(a.policy.effectiveDate));
}

/** One of the offered policies whose number ends with digits (≥ 4) of the message. */
function namedPolicy(policyNos: readonly string[], text: string): string | undefined {
  const digits = text.match(/\d{4,}/g) ?? [];
  const matches = policyNos.filter((no) => digits.some((d) => no.endsWith(d)));
  return matches.length === 1 ? matches[0] : undefined;
}

type HandOffPossibility = 'yes' | 'sign_in' | 'bind' | 'no';

/** A person can take over only a signed-in customer's conversation with a verified (bound) identity. */
function handOffPossibility(claims: AccessClaims | null): HandOffPossibility {
  if (!claims) return 'sign_in';
  if (claims.role !== 'customer') return 'no';
  return claims.customerId ? 'yes' : 'bind';
}

const HANDOFF_PREREQUISITE: Record<'sign_in' | 'bind', AssistantButton> = {
  sign_in: { label: '登录后转人工', action: { type: 'open', flow: 'sign_in' } },
  bind: { label: '绑定身份后转人工', action: { type: 'open', flow: 'identity_binding' } },
};

const COMPLAINT_FLOWS: ReadonlySet<string> = new Set(['file_complaint', 'my_complaints', 'voice_rant']);
const COMPLAINT_PREREQUISITE: Record<'sign_in' | 'bind', AssistantButton> = {
  sign_in: { label: '登录后投诉', action: { type: 'open', flow: 'sign_in' } },
  bind: { label: '绑定身份后投诉', action: { type: 'open', flow: 'identity_binding' } },
};

/**
 * The entry's links into flows; flows that open a policy get the one the answer is about. 转人工
 * becomes what the visitor must do first (sign in, bind), or disappears for agents and staff.
 */
function actionButtons(
  entry: KnowledgeEntry,
  handOff: HandOffPossibility,
  policyNo?: string,
): AssistantButton[] {
  return (entry.actions ?? []).flatMap((action): AssistantButton[] => {
    if (action.flow === 'human_handoff' && handOff !== 'yes')
      return handOff === 'no' ? [] : [HANDOFF_PREREQUISITE[handOff]];
    // The complaint flows and 我要吐槽 are a bound customer's own, like 转人工.
    if (COMPLAINT_FLOWS.has(action.flow) && handOff !== 'yes')
      return handOff === 'no' ? [] : [COMPLAINT_PREREQUISITE[handOff]];
    if (!POLICY_FLOWS.has(action.flow))
      return [{ label: action.label, action: { type: 'open', flow: action.flow } }];
    return [
      policyNo
        ? { label: action.label, action: { type: 'open', flow: action.flow, policyNo } }
        : { label: action.label, action: { type: 'open', flow: 'my_policies' } },
    ];
  });
}
