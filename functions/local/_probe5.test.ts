import { it } from 'vitest';
it('probe', () => {});
