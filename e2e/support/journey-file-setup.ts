import { inject } from 'vitest';
import { shiftGlobalDate } from './clock';
import { useOwnCopyOfSeededData } from './stack';

/**
 * Runs before each journey file is loaded (vitest setupFiles): the file's process takes the
 * journeys' clock, then a copy of the seeded data of its own.
 */
const stack = inject('seededStack');
shiftGlobalDate(stack.clockStartsAt - Date.now());
await useOwnCopyOfSeededData(stack);
