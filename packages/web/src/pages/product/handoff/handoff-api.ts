import { request } from '../../../api/client';

/** How an initiative's project is doing; the project's id and name are null when the reader may not see it. */
export interface InitiativeDelivery {
  projectId: string | null;
  projectName: string | null;
  progress: number;
  forecastFinish: string | null;
  plannedFinish: string | null;
  spi: number | null;
  health: 'on_track' | 'at_risk' | 'late' | 'unknown';
  reasons: string[];
}

/** The hand-off calls. */
export const handoffApi = {
  delivery: (initiativeId: string) =>
    request<{ delivery: InitiativeDelivery | null }>('GET', `/api/initiatives/${initiativeId}/delivery`),
  start: (initiativeId: string, body: { name: string; projectManagerId: string; startDate: string }) =>
    request<{ project: { id: string; name: string } }>(
      'POST',
      `/api/initiatives/${initiativeId}/start-project`,
      {
        body,
      },
    ),
};

/** Query key of an initiative's delivery. */
export const deliveryKey = (initiativeId: string) => ['initiative', initiativeId, 'delivery'] as const;

/** How each health reads. */
export const healthLabels: Record<InitiativeDelivery['health'], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  late: 'Late',
  unknown: 'Not scheduled',
};
