import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { MeasurementStream } from '../platform/measurement/measurement-stream';
import { defineWiring, type Platform } from '../platform/process';
import { DynamoBranchRepository } from '../platform/records/branches';
import { DynamoStandardStore } from './adapters/standards';

export function createStandardsDeps(platform: Platform) {
  return {
    ...platform,
    repositories: {
      standards: new DynamoStandardStore(platform.table),
      /** The branch directory: names beside paths in every view and alert. */
      branches: new DynamoBranchRepository(platform.table),
    },
    measurements: new MeasurementStream(platform.table),
    /** The complaints context's business calendar (holidays and 调休; an error outside imported years). */
    businessCalendar: defaultBusinessCalendar,
  };
}
export type StandardsDeps = ReturnType<typeof createStandardsDeps>;

export const standardsWiring = defineWiring(createStandardsDeps);
