import type { Roadmap } from './roadmap-api';

const longDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The release plan: each release by target date with the features it ships, grouped by initiative. */
export function ReleasePlan({ roadmap }: { roadmap: Roadmap }) {
  const titles = new Map(roadmap.initiatives.map((item) => [item.id, item.title]));
  if (roadmap.releases.length === 0) {
    return (
      <p className="muted">
        No releases yet. Plan releases from the Releases tab; they show here with their features.
      </p>
    );
  }
  return (
    <ol className="release-plan">
      {roadmap.releases.map((release) => {
        const groups = new Map<string, typeof release.features>();
        for (const feature of release.features) {
          const key = feature.initiativeId
            ? (titles.get(feature.initiativeId) ?? 'Other initiative')
            : 'No initiative';
          groups.set(key, [...(groups.get(key) ?? []), feature]);
        }
        return (
          <li key={release.id} className="release-plan__release">
            <div className="release-plan__marker" aria-hidden="true" />
            <div className="release-plan__body">
              <header>
                <h3>
                  {release.versionName} {release.name ? <span className="muted">{release.name}</span> : null}
                </h3>
                <span className="badge">{release.status.replace('_', ' ')}</span>
                <span className="muted">
                  {release.targetDate ? longDate(release.targetDate) : 'No target date'}
                </span>
              </header>
              {release.features.length === 0 ? (
                <p className="muted">No features yet.</p>
              ) : (
                [...groups.entries()].map(([initiative, features]) => (
                  <div key={initiative} className="release-plan__group">
                    <h4>{initiative}</h4>
                    <ul>
                      {features.map((feature) => (
                        <li key={feature.featureId}>{feature.title}</li>
                      ))}
                    </ul>
                  </div>
                ))
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
