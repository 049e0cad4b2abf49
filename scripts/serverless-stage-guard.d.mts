export default class StageGuard {
  constructor(serverless: unknown, options?: { stage?: string });
  hooks: Record<string, () => void>;
}
