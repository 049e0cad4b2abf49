import type { CreateEventRequest } from '@zhixiang/shared/events/schemas';
import { addDays } from '@zhixiang/shared/format/dates';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { EventRecord, EventStore } from '@zhixiang/shared/ports/events';
import { eventFromRequest } from '../events/use-cases/manage-events';

/** At `hh:mm` Shanghai time, `days` after `today`. */
const at = (today: string, days: number, time: string) => `${addDays(today, days)}T${time}:00+08:00`;

/**
 * The club's demo events, one per brand and a Beijing one, all published, their dates relative to
 * the seed day (registration open from 3 days before to 13 days after; the events 2 weeks on).
 * 太活力's second session has 2 seats so a demo fills it quickly and shows the waiting list.
 */
export function buildDemoEvents(today: string, branches: readonly BranchRecord[]): EventRecord[] {
  const branch = (id: string) => branches.find((b) => b.branchId === id)!;
  const window = {
    registrationOpensAt: at(today, -3, '09:00'),
    registrationClosesAt: at(today, 13, '18:00'),
  };
  const specs: [string, BranchRecord, CreateEventRequest][] = [
    [
      'EV-DEMO-RUN',
      branch('SH'),
      {
        brand: 'vitality',
        title: '太活力·滨江亲子欢乐跑',
        city: '上海',
        description: '徐汇滨江 3 公里亲子欢乐跑，完赛可领取奖牌与亲子合影；现场设有儿童体能游戏区和补给站。',
        venues: [{ name: '徐汇滨江跑道起点', address: '上海市徐汇区龙腾大道2350号' }],
        sessions: [
          { venueIndex: 0, startsAt: at(today, 14, '08:30'), endsAt: at(today, 14, '11:00'), capacity: 30 },
          { venueIndex: 0, startsAt: at(today, 14, '14:00'), endsAt: at(today, 14, '16:30'), capacity: 2 },
        ],
        audience: {
          roles: ['customer'],
          segment: null,
          ageBand: { min: 20, max: 55 },
          organiserBranchOnly: true,
        },
        ...window,
        whatToBring: '运动鞋、水杯、报名二维码',
        maxCompanions: 4,
      },
    ],
    [
      'EV-DEMO-WEALTH',
      branch('SH'),
      {
        brand: 'premier',
        title: '太尊享·家族财富与税务沙龙',
        city: '上海',
        description: '邀请律师与税务师讲解家族财富传承、个人所得税汇算与保险金信托，会后一对一答疑。',
        venues: [{ name: '陆家嘴会所三楼', address: '上海市浦东新区陆家嘴环路1000号' }],
        sessions: [
          { venueIndex: 0, startsAt: at(today, 15, '14:00'), endsAt: at(today, 15, '16:30'), capacity: 40 },
        ],
        audience: { roles: ['customer'], segment: 'premier', ageBand: null, organiserBranchOnly: true },
        ...window,
        whatToBring: '身份证件、报名二维码',
        maxCompanions: 1,
      },
    ],
    [
      'EV-DEMO-EYES',
      branch('SH'),
      {
        brand: 'charity',
        title: '太有爱│明眸看世界 儿童眼健康日',
        city: '上海',
        description:
          '主会场眼科专家讲座，分会场为儿童免费检查视力；欢迎家长带孩子参加，也欢迎业务员和员工报名做志愿者。',
        venues: [
          { name: '主会场：浦东文化馆报告厅', address: '上海市浦东新区丁香路425号' },
          { name: '分会场：张江营销服务部', address: '上海市浦东新区张江路88号' },
        ],
        sessions: [
          { venueIndex: 0, startsAt: at(today, 16, '09:30'), endsAt: at(today, 16, '11:30'), capacity: 100 },
          { venueIndex: 1, startsAt: at(today, 16, '13:30'), endsAt: at(today, 16, '16:30'), capacity: 20 },
        ],
        audience: {
          roles: ['customer', 'agent', 'staff'],
          segment: null,
          ageBand: null,
          organiserBranchOnly: false,
        },
        ...window,
        whatToBring: '孩子近期的视力检查记录（如有）、报名二维码',
        maxCompanions: 3,
      },
    ],
    [
      'EV-DEMO-BJ-CITY',
      branch('BJ'),
      {
        brand: 'vitality',
        title: '太活力·北京胡同城市发现',
        city: '北京',
        description: '跟随讲解员走访南锣鼓巷周边胡同，完成城市定向任务，适合家庭参加。',
        venues: [{ name: '南锣鼓巷北口', address: '北京市东城区南锣鼓巷' }],
        sessions: [
          { venueIndex: 0, startsAt: at(today, 14, '09:00'), endsAt: at(today, 14, '12:00'), capacity: 25 },
        ],
        audience: {
          roles: ['customer'],
          segment: null,
          ageBand: { min: 18, max: 60 },
          organiserBranchOnly: true,
        },
        ...window,
        whatToBring: '舒适的鞋子、报名二维码',
        maxCompanions: 3,
      },
    ],
  ];
  const createdAt = `${addDays(today, -3)}T00:00:00.000Z`;
  return specs.map(([eventId, organiser, request]) => ({
    ...eventFromRequest(request, { eventId, createdBy: 'demo-staff-sh', createdAt }, organiser),
    status: 'published',
    publishedAt: createdAt,
  }));
}

/** Created once (the table's condition refuses an existing id): registrations made in a demo stay. */
export async function seedDemoEvents(
  store: Pick<EventStore, 'create'>,
  today: string,
  branches: readonly BranchRecord[],
): Promise<void> {
  await Promise.all(buildDemoEvents(today, branches).map((event) => store.create(event)));
}
