export {
  type DeliveryHealth,
  type DeliveryHealthInput,
  type DeliveryHealthResult,
  deliveryHealth,
} from './delivery-health';
export { deliveryProgress, type ProgressTask } from './delivery-progress';
export {
  daysBetween,
  type ReleaseForecast,
  type ReleaseForecastInput,
  releaseForecast,
} from './release-forecast';
export {
  draftReleaseNotes,
  firstParagraph,
  type ReleaseNoteFeature,
  type ReleaseNotesInput,
} from './release-notes';
export { type ScopeChange, type ScopeInput, scopeChanges } from './scope-changes';
