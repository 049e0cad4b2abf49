import brandJson from '../../config/brand.json';

/** The insurer's brand. It is configuration (config/brand.json), never hard-coded in pages or letters. */
export interface Brand {
  insurerName: string;
  insurerShortName: string;
  serviceName: string;
  assistantName: string;
  colors: { primary: string; primaryDark: string; accent: string; background: string };
  logoText: string;
  servicePhone: string;
}

export const brand: Brand = brandJson;
