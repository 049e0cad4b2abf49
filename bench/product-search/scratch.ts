import { buildSearchIndex, searchProducts } from '@zhixiang/shared/search/engine';
import { benchmarkCatalogue } from './catalogue';
import { QUERY_SET } from './queries';
const idx = buildSearchIndex(benchmarkCatalogue(1000).map(p => ({ ...p, id: p.productCode })));
for (const c of QUERY_SET) searchProducts(idx, c.q);
const t: [string, number][] = [];
for (const c of QUERY_SET) { const s = performance.now(); for (let i=0;i<3;i++) searchProducts(idx, c.q); t.push([c.q, (performance.now()-s)/3]); }
t.sort((a,b)=>b[1]-a[1]); console.log(t.slice(0,25).map(([q,ms])=>`${q} ${ms.toFixed(1)}`).join('\n'));
