import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureProcessOutput } from '../../../test/support/capture-output';
import { createBusinessMetrics, METRICS_NAMESPACE, METRICS_SERVICE } from './business-metrics';

interface EmfDocument {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

function emfLines(text: string): EmfDocument[] {
  return text
    .split('\n')
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfDocument);
}

describe('business metrics (Powertools, CloudWatch EMF on stdout)', () => {
  const disabled = process.env.POWERTOOLS_METRICS_DISABLED;
  beforeEach(() => {
    delete process.env.POWERTOOLS_METRICS_DISABLED;
  });
  afterEach(() => {
    if (disabled === undefined) delete process.env.POWERTOOLS_METRICS_DISABLED;
    else process.env.POWERTOOLS_METRICS_DISABLED = disabled;
  });

  it('writes one EMF document per flush with the namespace, the service and stage dimensions and every metric', () => {
    const metrics = createBusinessMetrics('prod');
    const output = captureProcessOutput();
    try {
      metrics.count('EndorsementSubmitted');
      metrics.count('CallbackBooked');
      metrics.count('CallbackBooked');
      metrics.gauge('HandoffsWaiting', 7);
      metrics.flush();
    } finally {
      output.stop();
    }
    const documents = emfLines(output.text());
    expect(documents).toHaveLength(1);
    const [document] = documents as [EmfDocument];
    const [directive] = document._aws.CloudWatchMetrics;
    expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive?.Dimensions).toEqual([['service', 'stage']]);
    expect(directive?.Metrics.map((m) => m.Name).sort()).toEqual([
      'CallbackBooked',
      'EndorsementSubmitted',
      'HandoffsWaiting',
    ]);
    expect(directive?.Metrics.every((m) => m.Unit === 'Count')).toBe(true);
    expect(document).toMatchObject({
      service: METRICS_SERVICE,
      stage: 'prod',
      EndorsementSubmitted: 1,
      CallbackBooked: [1, 1],
      HandoffsWaiting: 7,
    });
  });

  it('writes nothing when the invocation recorded nothing, and starts empty after a flush', () => {
    const metrics = createBusinessMetrics('prod');
    const output = captureProcessOutput();
    try {
      metrics.flush();
      metrics.count('NoticeDelivered');
      metrics.flush();
      metrics.flush();
    } finally {
      output.stop();
    }
    const documents = emfLines(output.text());
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ NoticeDelivered: 1 });
    // No Powertools warning about empty flushes either.
    expect(output.text()).not.toContain('No application metrics');
  });

  it('writes nothing at all with POWERTOOLS_METRICS_DISABLED=true (the local stage and the tests)', () => {
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    const metrics = createBusinessMetrics('local');
    const output = captureProcessOutput();
    try {
      metrics.count('NoticeDelivered');
      metrics.flush();
    } finally {
      output.stop();
    }
    expect(output.text()).toBe('');
  });
});
