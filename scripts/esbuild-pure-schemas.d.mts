import type { Plugin } from 'esbuild';

export function pureZodBuilders(): Promise<Set<string>>;
export function pureSharedHelpers(sharedSrc: string): Promise<Set<string>>;
export function annotatePureBuilders(source: string, builders: Set<string>, helpers?: Set<string>): string;
export const pureSchemasPlugin: Plugin;
declare const plugins: Plugin[];
export default plugins;
