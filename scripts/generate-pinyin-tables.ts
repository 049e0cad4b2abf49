// `npx tsx scripts/generate-pinyin-tables.ts`: writes the readings the deployed functions look up
// instead of loading pinyin-pro at cold start (its dictionaries and word automaton are most of the
// chat's and product search's import). The tests keep each file equal to pinyin-pro's reading
// (shared/test/search/pinyin-tables.test.ts); run this after changing PINYIN_TERMS or pinyin-pro.
import { writeFileSync } from 'node:fs';
import { renderServiceTermSpellings } from '../shared/src/search/pinyin-tables-source';

const target = 'shared/src/assistant/service-term-spellings.ts';
writeFileSync(target, renderServiceTermSpellings());
console.log(`wrote ${target}`);
