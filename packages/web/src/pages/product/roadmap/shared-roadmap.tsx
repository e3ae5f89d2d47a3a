import { useState } from 'react';
import { HorizonBoard } from './horizon-board';
import type { Roadmap } from './roadmap-api';
import { RoadmapTimeline } from './roadmap-timeline';
import './roadmap.css';

/** The roadmap as a stakeholder's read-only link shows it: the timeline by objective and now/next/later. */
export function SharedRoadmap({ roadmap }: { roadmap: Roadmap }) {
  const [mode, setMode] = useState<'timeline' | 'horizons'>('timeline');
  return (
    <div className="stack roadmap">
      <header className="roadmap__shared-header">
        <h1>{roadmap.product.name} — roadmap</h1>
        <div className="segmented" role="tablist" aria-label="Roadmap view">
          {(['timeline', 'horizons'] as const).map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={mode === key}
              className={`segmented__item${mode === key ? ' segmented__item--active' : ''}`}
              onClick={() => setMode(key)}
            >
              {key === 'timeline' ? 'Timeline' : 'Now / Next / Later'}
            </button>
          ))}
        </div>
      </header>
      {mode === 'timeline' ? (
        <div className="roadmap__scroll">
          <RoadmapTimeline roadmap={roadmap} grouping="objective" />
        </div>
      ) : (
        <HorizonBoard initiatives={roadmap.initiatives} />
      )}
    </div>
  );
}
