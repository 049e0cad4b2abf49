import { brand } from '@zhixiang/shared/brand';
import type { Container } from '../../container';
import { renderLetter } from '../adapters/render-letter';
import type { IssueLetterDeps } from './issue-letter';
import type { NoticePreferenceDeps } from './notice-preferences';
import type { NotifyPremiumDeps } from './notify-premium';

/** What issuing a letter needs from the composition root. */
export function issueLetterDeps(container: Container): IssueLetterDeps {
  return {
    letters: container.letters,
    subscriptions: container.letterSubscriptions,
    files: container.documentFiles,
    render: (letter) => renderLetter(letter, brand),
    brand,
    now: container.now,
  };
}

/** What sending a renewal notice (letter + message on the customer's channels) needs. */
export function notifyPremiumDeps(container: Container): NotifyPremiumDeps {
  return {
    customers: container.repositories.customers,
    users: container.repositories.users,
    products: container.repositories.products,
    credits: container.subscribeCredits,
    wechat: container.subscribeMessages,
    sms: container.sms,
    notices: container.notices,
    letters: container.letters,
    links: container.letterLinks,
    logger: container.logger,
    now: container.now,
    letterDeps: issueLetterDeps(container),
  };
}

/** What reading and saving notice preferences needs. */
export function noticePreferenceDeps(container: Container): NoticePreferenceDeps {
  return {
    customers: container.repositories.customers,
    policies: container.repositories.policies,
    users: container.repositories.users,
    notices: container.notices,
    credits: container.subscribeCredits,
    now: container.now,
  };
}
