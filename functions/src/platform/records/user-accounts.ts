import { STAFF_DUTIES, type StaffDuty, type UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { PutCommand } from '../dynamodb/document-client';
import { entityItem, orNull, type TableContext } from '../dynamodb/table';
import { getItem, type ItemKey, queryEntity, type RawItem } from './point-reads';

/**
 * User accounts (entity `userAccount`). Keys: `pk=USER#<userId>`, `sk=USER` (tokens name the user
 * by id; every authenticated request may resolve it). gsi1 = WeChat sign-in: jscode2session yields
 * an openid, which must lead to one account (`gsi1pk=OPENID#<openid>`, `gsi1sk=USER`; only on
 * accounts with an openid — those the CLI creates for staff and agents have none until they first
 * sign in). gsi2 = the accounts bound to a customer, so binding checks that a customer is not
 * already bound to another WeChat account (`gsi2pk=CUSTOMER#<customerId>#USERS`,
 * `gsi2sk=USER#<userId>`; an account bound to no customer carries `gsi2pk=CUSTOMER#`, which no
 * customer id reads).
 */
export function userAccountKey(userId: string): ItemKey {
  return { pk: `USER#${userId}`, sk: 'USER' };
}

/** The account item as stored (`record-items.test.ts` holds its exact shape). */
export function userAccountItem(user: UserAccountRecord): RawItem {
  return entityItem('userAccount', {
    userId: user.userId,
    role: user.role,
    displayName: user.displayName,
    openid: user.openid,
    customerId: user.customerId,
    agentId: user.agentId,
    branchId: user.branchId,
    branchPath: user.branchPath,
    privacyConsentVersion: user.privacyConsentVersion,
    privacyConsentedAt: user.privacyConsentedAt,
    duties: user.duties?.length ? user.duties : undefined,
    ...userAccountKey(user.userId),
    ...(user.openid != null ? { gsi1pk: `OPENID#${user.openid}`, gsi1sk: 'USER' } : {}),
    gsi2pk: user.customerId != null ? `CUSTOMER#${user.customerId}#USERS` : 'CUSTOMER#',
    gsi2sk: `USER#${user.userId}`,
  });
}

function toRecord(item: RawItem): UserAccountRecord {
  const duties = item.duties as string[] | undefined;
  return {
    userId: item.userId as string,
    role: item.role as UserAccountRecord['role'],
    displayName: item.displayName as string,
    openid: orNull(item.openid as string | undefined),
    customerId: orNull(item.customerId as string | undefined),
    agentId: orNull(item.agentId as string | undefined),
    branchId: orNull(item.branchId as string | undefined),
    branchPath: orNull(item.branchPath as string | undefined),
    privacyConsentVersion: orNull(item.privacyConsentVersion as string | undefined),
    privacyConsentedAt: orNull(item.privacyConsentedAt as string | undefined),
    ...(duties?.length ? { duties: duties.filter(isStaffDuty) } : {}),
  };
}

export class DynamoUserAccountRepository implements UserAccountRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(userId: string): Promise<UserAccountRecord | null> {
    const item = await getItem(this.ctx, userAccountKey(userId));
    return item ? toRecord(item) : null;
  }

  async findByOpenid(openid: string): Promise<UserAccountRecord | null> {
    const [first] = await queryEntity(this.ctx, 'userAccount', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': `OPENID#${openid}`, ':sk': 'USER' },
    });
    return first ? toRecord(first) : null;
  }

  async findByCustomer(customerId: string): Promise<UserAccountRecord[]> {
    const items = await queryEntity(this.ctx, 'userAccount', {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}#USERS`, ':prefix': 'USER#' },
    });
    return items.map(toRecord);
  }

  async put(user: UserAccountRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.table, Item: userAccountItem(user) }));
  }
}

/** A duty this code knows (an unknown one in the table grants nothing). */
function isStaffDuty(duty: string): duty is StaffDuty {
  return (STAFF_DUTIES as readonly string[]).includes(duty);
}
