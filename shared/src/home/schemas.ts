import * as z from 'zod/mini';
import { AGENT_HOME_LISTS } from './agent-home';
import { STAFF_QUEUES } from './staff-home';
import { TODO_KINDS } from './todos';

/** The home's API contract: the customer's to-dos, the agent's home, the staff home. */

export const TodoTargetSchema = z.discriminatedUnion('page', [
  z.object({ page: z.literal('document'), documentId: z.string() }),
  z.object({ page: z.literal('callback'), policyNo: z.string() }),
  z.object({ page: z.literal('policy'), policyNo: z.string() }),
  z.object({ page: z.literal('letters') }),
  z.object({ page: z.literal('handoff'), handoffId: z.string() }),
  z.object({ page: z.literal('loan_repayment'), policyNo: z.string() }),
  z.object({ page: z.literal('id_card') }),
  z.object({ page: z.literal('application'), applicationId: z.string() }),
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

export const AgentHomeItemSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  policyNo: z.string(),
  title: z.string(),
  detail: z.string(),
  dueDate: z.nullable(z.string()),
  daysLeft: z.nullable(z.number()),
  target: z.discriminatedUnion('page', [
    z.object({ page: z.literal('application'), applicationId: z.string() }),
    z.object({ page: z.literal('document'), documentId: z.string() }),
    z.object({ page: z.literal('customer') }),
  ]),
});

export const AgentHomeResponseSchema = z.object({
  today: z.string(),
  /** The agent's assigned customers the lists were computed over. */
  customers: z.number(),
  lists: z.object(
    Object.fromEntries(AGENT_HOME_LISTS.map((list) => [list, z.array(AgentHomeItemSchema)])) as Record<
      (typeof AGENT_HOME_LISTS)[number],
      z.ZodMiniArray<typeof AgentHomeItemSchema>
    >,
  ),
});
export type AgentHomeResponse = z.infer<typeof AgentHomeResponseSchema>;

export const StaffHomeResponseSchema = z.object({
  today: z.string(),
  queues: z.array(
    z.object({
      queue: z.enum(STAFF_QUEUES),
      count: z.number(),
      oldestSince: z.nullable(z.number()),
      oldestAgeMinutes: z.nullable(z.number()),
    }),
  ),
});
export type StaffHomeResponse = z.infer<typeof StaffHomeResponseSchema>;
