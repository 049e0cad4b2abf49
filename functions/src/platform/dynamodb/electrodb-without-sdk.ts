/**
 * What ElectroDB's `require('@aws-sdk/lib-dynamodb')` resolves to in the Lambda bundles
 * (serverless.yml's `custom.esbuild.alias`). ElectroDB uses that package only to wrap an SDK v3
 * document client; ours (platform/dynamodb/document-client.ts) offers ElectroDB's v2 client methods
 * instead, so nothing of the package runs, and loading it would load the SDK's DynamoDB client at
 * every cold start. Tests and the local stage, which are not bundled, load the real package.
 */
export {};
