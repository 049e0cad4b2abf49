import { buildSearchIndex, searchProducts } from '@zhixiang/shared/search/engine';
import { benchmarkCatalogue } from './catalogue';
import { QUERY_SET } from './queries';
const idx = buildSearchIndex(benchmarkCatalogue(1000).map(p => ({ ...p, id: p.productCode })));
for (const c of QUERY_SET) searchProducts(idx, c.q);
const t: [string, number][] = [];
for (const c of QUERY_SET) { const s = performance.now(); const r=[]; for (let i=0;i<15;i++){const a=performance.now(); searchProducts(idx, c.q); r.push(performance.now()-a);} r.sort((x,y)=>x-y); t.push([c.q, r[7]]); }
t.sort((a,b)=>b[1]-a[1]); console.log(t.slice(0,25).map(([q,ms])=>`${q} ${ms.toFixed(1)}`).join('\n'));
