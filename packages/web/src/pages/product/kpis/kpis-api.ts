import { request } from '../../../api/client';

/** One value of a KPI on a day. */
export interface Measurement {
  at: string;
  value: number;
}

/** A KPI with its measurements and where it stands. */
export interface Kpi {
  id: string;
  productId: string;
  name: string;
  definition: string;
  unit: string;
  target: number | null;
  direction: 'up' | 'down';
  objectiveId: string | null;
  featureIds: string[];
  measurements: Measurement[];
  reading: {
    latest: Measurement | null;
    status: 'on_target' | 'near_target' | 'off_target' | 'no_target' | 'no_data';
    trend: 'improving' | 'worsening' | 'flat' | 'unknown';
    gap: number | null;
  };
  version: number;
}

/** How each status reads. */
export const kpiStatusLabels: Record<Kpi['reading']['status'], string> = {
  on_target: 'On target',
  near_target: 'Near target',
  off_target: 'Off target',
  no_target: 'No target',
  no_data: 'No data',
};

/** Query keys of KPIs. */
export const kpiKeys = {
  list: (productId: string) => ['kpis', productId] as const,
};

/** Calls of the KPI API. */
export const kpisApi = {
  list: (productId: string) => request<{ items: Kpi[] }>('GET', `/api/products/${productId}/kpis`),
  create: (
    productId: string,
    body: {
      name: string;
      definition?: string;
      unit?: string;
      target?: number | null;
      direction?: 'up' | 'down';
    },
  ) => request<Kpi>('POST', `/api/products/${productId}/kpis`, { body }),
  update: (kpi: Pick<Kpi, 'id' | 'version'>, body: { featureIds?: string[]; objectiveId?: string | null }) =>
    request<Kpi>('PATCH', `/api/kpis/${kpi.id}`, { body, ifMatch: kpi.version }),
  remove: (kpi: Pick<Kpi, 'id' | 'version'>) =>
    request<void>('DELETE', `/api/kpis/${kpi.id}`, { ifMatch: kpi.version }),
  measure: (kpiId: string, body: Measurement) =>
    request<Kpi>('POST', `/api/kpis/${kpiId}/measurements`, { body }),
};
