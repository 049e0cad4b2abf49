import { ROLES } from '@zhixiang/shared/auth/schemas';
import { STAFF_DUTIES, type StaffDuty, type UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import { ALL_PAGES, orNull, orUndefined, SERVICE_NAME, type TableContext } from '../dynamodb/table';

export const userAccountSchema = {
  model: { entity: 'userAccount', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    role: { type: ROLES, required: true },
    displayName: { type: 'string', required: true },
    openid: { type: 'string' },
    customerId: { type: 'string' },
    agentId: { type: 'string' },
    branchId: { type: 'string' },
    branchPath: { type: 'string' },
    privacyConsentVersion: { type: 'string' },
    privacyConsentedAt: { type: 'string' },
    duties: { type: 'list', items: { type: 'string' } },
  },
  indexes: {
    // Tokens name the user by id; every authenticated request may resolve it.
    byId: {
      pk: { field: 'pk', composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'USER', casing: 'none' },
    },
    // WeChat sign-in: jscode2session yields an openid, which must lead to one account. Sparse:
    // accounts created by the CLI (staff, agents) have no openid until they first sign in.
    byOpenid: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['openid'], template: 'OPENID#${openid}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: [], template: 'USER', casing: 'none' },
    },
    // Binding checks that a customer is not already bound to another WeChat account. Sparse.
    byCustomer: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['customerId'],
        template: 'CUSTOMER#${customerId}#USERS',
        casing: 'none',
      },
      sk: { field: 'gsi2sk', composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
    },
  },
} as const;

export function createUserAccountEntity(ctx: TableContext) {
  return new Entity(userAccountSchema, ctx);
}
export type UserAccountEntity = ReturnType<typeof createUserAccountEntity>;

type UserAccountItem = NonNullable<Awaited<ReturnType<ReturnType<UserAccountEntity['get']>['go']>>['data']>;

function toRecord(item: UserAccountItem): UserAccountRecord {
  return {
    userId: item.userId,
    role: item.role,
    displayName: item.displayName,
    openid: orNull(item.openid),
    customerId: orNull(item.customerId),
    agentId: orNull(item.agentId),
    branchId: orNull(item.branchId),
    branchPath: orNull(item.branchPath),
    privacyConsentVersion: orNull(item.privacyConsentVersion),
    privacyConsentedAt: orNull(item.privacyConsentedAt),
    ...(item.duties?.length ? { duties: item.duties.filter(isStaffDuty) } : {}),
  };
}

export class DynamoUserAccountRepository implements UserAccountRepository {
  constructor(private readonly entity: UserAccountEntity) {}

  async get(userId: string): Promise<UserAccountRecord | null> {
    const { data } = await this.entity.get({ userId }).go();
    return data ? toRecord(data) : null;
  }

  async findByOpenid(openid: string): Promise<UserAccountRecord | null> {
    const { data } = await this.entity.query.byOpenid({ openid }).go(ALL_PAGES);
    const first = data[0];
    return first ? toRecord(first) : null;
  }

  async findByCustomer(customerId: string): Promise<UserAccountRecord[]> {
    const { data } = await this.entity.query.byCustomer({ customerId }).go(ALL_PAGES);
    return data.map(toRecord);
  }

  async put(user: UserAccountRecord): Promise<void> {
    await this.entity
      .put({
        userId: user.userId,
        role: user.role,
        displayName: user.displayName,
        openid: orUndefined(user.openid),
        customerId: orUndefined(user.customerId),
        agentId: orUndefined(user.agentId),
        branchId: orUndefined(user.branchId),
        branchPath: orUndefined(user.branchPath),
        privacyConsentVersion: orUndefined(user.privacyConsentVersion),
        privacyConsentedAt: orUndefined(user.privacyConsentedAt),
        duties: user.duties?.length ? user.duties : undefined,
      })
      .go();
  }
}

/** A duty this code knows (an unknown one in the table grants nothing). */
function isStaffDuty(duty: string): duty is StaffDuty {
  return (STAFF_DUTIES as readonly string[]).includes(duty);
}
