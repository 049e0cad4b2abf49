import { MeasurementStream } from '../platform/measurement/measurement-stream';
import { defineWiring, type Platform } from '../platform/process';
import { getS3 } from '../platform/s3/s3';
import { S3BrochureLinks } from './adapters/brochure-links';
import { DynamoCatalogueRepository } from './adapters/catalogue-products';
import { DynamoProductActivityRepository } from './adapters/product-activity';

export function createProductsDeps(platform: Platform) {
  const { table, config } = platform;
  return {
    ...platform,
    repositories: {
      catalogue: createCatalogueRepository(platform),
      productActivity: new DynamoProductActivityRepository(table, platform.now),
    },
    /** The service standards' measurement stream (each search's timing). */
    measurements: new MeasurementStream(table),
    /** Short-lived links to product brochures (S3 presigned GET). */
    brochureLinks: new S3BrochureLinks(getS3, config.bucketName),
  };
}

/** The product catalogue (the assistant answers product questions from it too). */
export function createCatalogueRepository({ table }: Platform): DynamoCatalogueRepository {
  return new DynamoCatalogueRepository(table);
}

export type ProductsDeps = ReturnType<typeof createProductsDeps>;

export const productsWiring = defineWiring(createProductsDeps);
