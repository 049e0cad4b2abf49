// `npx tsx scripts/generate-pinyin-tables.ts`: writes the readings the deployed functions look up
// instead of loading pinyin-pro at cold start (its dictionaries and word automaton were most of
// the chat's and product search's import). The tests keep each file equal to pinyin-pro's reading
// (shared/test/search/pinyin-tables.test.ts); run this after changing a term list or pinyin-pro.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { renderSearchReadings, renderServiceTermSpellings } from '../shared/src/search/pinyin-tables-source';

for (const [target, render] of [
  ['shared/src/assistant/service-term-spellings.ts', renderServiceTermSpellings],
  ['shared/src/search/readings.ts', renderSearchReadings],
] as const) {
  writeFileSync(target, render());
  execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'inherit' });
  console.log(`wrote ${target}`);
}
