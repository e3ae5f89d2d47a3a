import { request } from '../../../api/client';

/** Someone the product is for. */
export interface Persona {
  name: string;
  description: string;
  needs: string;
}

/** Another product the market compares this one with. */
export interface Competitor {
  name: string;
  strengths: string;
  weaknesses: string;
  url: string;
}

/** A product's strategy, at the product's version. */
export interface Strategy {
  productId: string;
  name: string;
  vision: string;
  strategy: string;
  targetMarket: string;
  personas: Persona[];
  competitors: Competitor[];
  researchNotes: string;
  version: number;
}

/** Query key of a product's strategy. */
export const strategyKey = (productId: string) => ['strategy', productId] as const;

/** Calls of the strategy API. */
export const strategyApi = {
  get: (productId: string) => request<Strategy>('GET', `/api/products/${productId}/strategy`),
  update: (
    strategy: Pick<Strategy, 'productId' | 'version'>,
    body: Partial<Omit<Strategy, 'productId' | 'name' | 'version'>>,
  ) =>
    request<Strategy>('PATCH', `/api/products/${strategy.productId}/strategy`, {
      body,
      ifMatch: strategy.version,
    }),
};
