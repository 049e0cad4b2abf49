/** What the global setup hands every test file (through vitest's provide/inject). */
export interface LocalStackInfo {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  /** The whole local-stage environment handlers expect (see functions/local/local-env.ts). */
  env: Record<string, string>;
  /** A temp folder for the key files and the SMS outbox of this run. */
  dataDir: string;
  /** CreateTable input of serverless.yml's table; each test file creates its own copy. */
  tableDefinition: Record<string, unknown>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: LocalStackInfo;
  }
}
