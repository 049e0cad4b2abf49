import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  defaultSubscription,
  LETTER_TYPE_NAMES,
  LETTER_TYPES,
  type LetterSubscriptionRecord,
  type LetterType,
} from '@zhixiang/shared/letters/model';
import type { LetterSubscription } from '@zhixiang/shared/letters/schemas';
import type { LetterSubscriptionStore } from '@zhixiang/shared/ports/letters';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { changeSource, visibleCustomer } from './letter-customer';

export interface LetterSubscriptionDeps {
  subscriptions: LetterSubscriptionStore;
  customers: Pick<CustomerRepository, 'get'>;
  now: () => number;
}

function view(record: LetterSubscriptionRecord): LetterSubscription {
  const isDefault = record.updatedAt === 0;
  return {
    letterType: record.letterType,
    name: LETTER_TYPE_NAMES[record.letterType],
    delivery: record.delivery,
    channels: record.channels,
    updatedAt: isDefault ? null : new Date(record.updatedAt).toISOString(),
    updatedBy: isDefault ? null : record.updatedBy.source,
  };
}

/**
 * Every letter type with the customer's choice, or the default where none was made (what is
 * delivered without a choice: the e-letter and the paper copy, unannounced).
 */
export async function listLetterSubscriptions(
  deps: LetterSubscriptionDeps,
  claims: AccessClaims,
  customerId: string,
): Promise<{ subscriptions: LetterSubscription[] }> {
  await visibleCustomer(deps.customers, claims, customerId);
  const saved = new Map((await deps.subscriptions.list(customerId)).map((s) => [s.letterType, s]));
  return {
    subscriptions: LETTER_TYPES.map((type) => view(saved.get(type) ?? defaultSubscription(customerId, type))),
  };
}

/**
 * Subscribe, change or unsubscribe (delivery `paper`) one letter type in one tap; recorded with
 * the time and who did it (the customer, their agent, staff) in the subscription log.
 */
export async function updateLetterSubscription(
  deps: LetterSubscriptionDeps,
  claims: AccessClaims,
  customerId: string,
  letterType: LetterType,
  change: Pick<LetterSubscriptionRecord, 'delivery' | 'channels'>,
): Promise<LetterSubscription> {
  await visibleCustomer(deps.customers, claims, customerId);
  const record: LetterSubscriptionRecord = {
    customerId,
    letterType,
    delivery: change.delivery,
    channels: change.delivery === 'paper' ? [] : change.channels,
    updatedAt: deps.now(),
    updatedBy: changeSource(claims),
  };
  await deps.subscriptions.put(record);
  return view(record);
}
