import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { deliverDecisionLetters } from '../use-cases/deliver-decision-letters';
import { decisionLettersWiring, deliverDecisionLettersDeps } from '../wiring-letters';

/** EventBridge schedule (complaints/functions.yml), every 5 minutes. */
export const handler = scheduledJob(
  decisionLettersWiring,
  (deps) => deliverDecisionLetters(deliverDecisionLettersDeps(deps)),
  { logMessage: 'complaint decision letters delivered', quietWhen: (report) => report.pending === 0 },
);
