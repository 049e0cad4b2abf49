import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { deliverAuthorisationLetters } from '../use-cases/deliver-decision-letters';
import { authorisationLettersWiring, deliverAuthorisationLettersDeps } from '../wiring-letters';

/** EventBridge schedule (authorisations/functions.yml), every 5 minutes. */
export const handler = scheduledJob(
  authorisationLettersWiring,
  (deps) => deliverAuthorisationLetters(deliverAuthorisationLettersDeps(deps)),
  { logMessage: 'authorisation decision letters delivered', quietWhen: (report) => report.pending === 0 },
);
