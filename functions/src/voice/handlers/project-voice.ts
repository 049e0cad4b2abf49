import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { projectVoice } from '../use-cases/project-voice';
import { voiceWiring } from '../wiring';

/** EventBridge schedule (voice/functions.yml), every minute. */
export const handler = scheduledJob(voiceWiring, projectVoice, {
  logMessage: 'customer voice projection run',
  quietWhen: (report) => report.complaintsProjected + report.assistantProjected + report.failed === 0,
});
