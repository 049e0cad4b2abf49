// A Serverless Framework plugin (listed in serverless.yml): the `local` stage exists only on a
// developer's machine, with sandbox providers and demo sign-in, so packaging or deploying it to
// AWS is refused before anything is built or uploaded. The functions refuse it too once inside
// Lambda (functions/src/platform/config.ts), whatever their STAGE says.
const REFUSED_STAGES = ['local'];

export default class StageGuard {
  constructor(serverless, options = {}) {
    const stage = () =>
      options.stage ?? serverless.service?.provider?.stage ?? serverless.getProvider?.('aws')?.getStage?.();
    const refuse = () => {
      const name = stage();
      if (REFUSED_STAGES.includes(name))
        throw new Error(
          `The "${name}" stage runs on this machine only (npm start); it cannot be packaged or deployed. Use --stage dev or --stage prod.`,
        );
    };
    this.hooks = {
      'before:package:initialize': refuse,
      'before:deploy:deploy': refuse,
      'before:deploy:function:initialize': refuse,
    };
  }
}
