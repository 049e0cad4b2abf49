import * as z from 'zod/mini';
import { TODO_KINDS } from './todos';

/** The home's API contract: the customer's to-dos. */

export const TodoTargetSchema = z.discriminatedUnion('page', [
  z.object({ page: z.literal('document'), documentId: z.string() }),
  z.object({ page: z.literal('callback'), policyNo: z.string() }),
  z.object({ page: z.literal('policy'), policyNo: z.string() }),
  z.object({ page: z.literal('letters') }),
  z.object({ page: z.literal('handoff'), handoffId: z.string() }),
]);

export const TodoSchema = z.object({
  id: z.string(),
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  detail: z.string(),
  dueDate: z.nullable(z.string()),
  daysLeft: z.nullable(z.number()),
  target: TodoTargetSchema,
});

export const MyTodosResponseSchema = z.object({
  /** Asia/Shanghai, the day the to-dos were computed for. */
  today: z.string(),
  todos: z.array(TodoSchema),
});
export type MyTodosResponse = z.infer<typeof MyTodosResponseSchema>;
