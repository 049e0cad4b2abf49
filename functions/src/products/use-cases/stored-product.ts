import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';

/**
 * A stored product as the seed and the import compare it with what they would write. One stored
 * before the catalogue kept its names' syllables compares as changed (it carries `syllables: null`),
 * so writing the catalogue again stores them, and search stops reading those names with pinyin-pro.
 */
export async function storedProductToCompare(
  catalogue: CatalogueRepository,
  productCode: string,
): Promise<CatalogueProductRecord | null> {
  const stored = await catalogue.getSearchable(productCode);
  if (!stored) return null;
  const { syllables, ...product } = stored;
  return syllables ? product : ({ ...product, syllables: null } as CatalogueProductRecord);
}
