import { request } from '../../../api/client';

/** The scores a backlog can be ranked by. */
export type RankBy = 'rice' | 'wsjf' | 'value_effort' | 'scorecard' | 'demand';

export const rankByLabels: Record<RankBy, string> = {
  rice: 'RICE',
  wsjf: 'WSJF',
  value_effort: 'Value ÷ effort',
  scorecard: 'Scorecard',
  demand: 'Customer demand',
};

export const featureStatusLabels: Record<string, string> = {
  new: 'New',
  under_consideration: 'Under consideration',
  planned: 'Planned',
  in_progress: 'In progress',
  released: 'Released',
  declined: 'Declined',
};

export const quadrantLabels: Record<string, string> = {
  quickWin: 'Quick win',
  bigBet: 'Big bet',
  fillIn: 'Fill-in',
  timeSink: 'Money pit',
};

/** One feature of the ranked backlog. */
export interface BacklogItem {
  position: number;
  reason: 'pinned' | 'score' | 'unscored';
  featureId: string;
  title: string;
  status: string;
  initiativeId: string | null;
  initiativeTitle: string | null;
  score: number | null;
  explanation: string;
  pinnedPosition: number | null;
  scores: {
    rice: number | null;
    wsjf: number | null;
    valueEffort: number | null;
    scorecard: number | null;
    demand: number;
  };
  valueEffort: { value: number; effort: number; quadrant: string } | null;
  demand: { customers: number; feedback: number; revenueCents: number };
  scoreVersion: number;
}

export interface BacklogPage {
  by: RankBy;
  total: number;
  items: BacklogItem[];
  nextCursor: string | null;
}

export interface BacklogQuery {
  by: RankBy;
  status?: string;
  initiativeId?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface RiceInput {
  reach: number;
  impact: number;
  confidence: number;
  effort: number;
}
export interface WsjfInput {
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  jobSize: number;
}
export interface ValueEffortInput {
  value: number;
  effort: number;
}

interface ScoreView<I> {
  input: I;
  score: number | null;
  formula: string;
  explanation: string;
}

/** A feature's scores, each explained. */
export interface FeatureScores {
  featureId: string;
  rice: ScoreView<RiceInput> | null;
  wsjf: ScoreView<WsjfInput> | null;
  valueEffort: (ScoreView<ValueEffortInput> & { quadrant: string }) | null;
  scorecard: ScoreView<Record<string, number>> | null;
  pinnedPosition: number | null;
  version: number;
}

/** What the score form sends: absent keeps a method's inputs, null clears them. */
export interface ScoresInput {
  rice?: RiceInput | null;
  wsjf?: WsjfInput | null;
  valueEffort?: ValueEffortInput | null;
  scorecard?: Record<string, number> | null;
}

/** A criterion of the product's weighted scorecard. */
export interface Criterion {
  id: string;
  name: string;
  weight: number;
  scaleMax: number;
  direction: 'benefit' | 'cost';
  position: number;
  version: number;
}

export interface ValueEffortPoint {
  featureId: string;
  title: string;
  value: number;
  effort: number;
  quadrant: string;
}

export const prioritiseKeys = {
  all: (productId: string) => ['prioritise', productId] as const,
  backlog: (productId: string, query: BacklogQuery) => ['prioritise', productId, 'backlog', query] as const,
  chart: (productId: string) => ['prioritise', productId, 'value-effort'] as const,
  criteria: (productId: string) => ['prioritise', productId, 'criteria'] as const,
  scores: (featureId: string) => ['feature-scores', featureId] as const,
};

export const prioritiseApi = {
  backlog: (productId: string, query: BacklogQuery) =>
    request<BacklogPage>('GET', `/api/products/${productId}/backlog`, { query: { ...query } }),
  valueEffort: (productId: string) =>
    request<{ items: ValueEffortPoint[] }>('GET', `/api/products/${productId}/value-effort`),
  scores: (featureId: string) => request<FeatureScores>('GET', `/api/features/${featureId}/scores`),
  saveScores: (featureId: string, version: number, body: ScoresInput) =>
    request<FeatureScores>('PUT', `/api/features/${featureId}/scores`, { body: { ...body, version } }),
  pin: (featureId: string, version: number, pinnedPosition: number | null) =>
    request<FeatureScores>('PUT', `/api/features/${featureId}/rank`, { body: { pinnedPosition, version } }),
  criteria: (productId: string) =>
    request<{ items: Criterion[] }>('GET', `/api/products/${productId}/scorecard-criteria`),
  addCriterion: (productId: string, body: Omit<Criterion, 'id' | 'version' | 'position'>) =>
    request<Criterion>('POST', `/api/products/${productId}/scorecard-criteria`, { body }),
  updateCriterion: (criterion: Criterion, body: Partial<Omit<Criterion, 'id' | 'version'>>) =>
    request<Criterion>('PATCH', `/api/scorecard-criteria/${criterion.id}`, {
      body,
      ifMatch: criterion.version,
    }),
  removeCriterion: (criterion: Criterion) =>
    request<void>('DELETE', `/api/scorecard-criteria/${criterion.id}`, { ifMatch: criterion.version }),
  addFeature: (productId: string, title: string) =>
    request<{ id: string; title: string }>('POST', `/api/products/${productId}/features`, {
      body: { title },
    }),
};

/** A score as a short number: whole when large, two decimals at most. */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  if (Math.abs(score) >= 100) return Math.round(score).toLocaleString('en');
  return (Math.round(score * 100) / 100).toLocaleString('en');
}
