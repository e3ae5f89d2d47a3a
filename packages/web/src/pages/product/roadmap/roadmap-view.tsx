import type { LaneGrouping } from '@tandem/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import type { ProductViewProps } from '../product-views';
import { downloadSvgAsPng } from './export-png';
import { HorizonBoard } from './horizon-board';
import { InitiativeDialog } from './initiative-dialog';
import { ReleasePlan } from './release-plan';
import { type Initiative, roadmapApi, roadmapKeys } from './roadmap-api';
import { RoadmapTimeline } from './roadmap-timeline';
import { ShareDialog } from './share-dialog';
import './roadmap.css';
import { useCan } from '../../../lib/permissions';

type Mode = 'timeline' | 'horizons' | 'releases';
const modeLabels: Record<Mode, string> = {
  timeline: 'Timeline',
  horizons: 'Now / Next / Later',
  releases: 'Releases',
};
const laneLabels: Record<LaneGrouping, string> = { objective: 'Objective', theme: 'Theme', team: 'Team' };

/** The Roadmap tab: the timeline in swimlanes, now/next/later, the release plan, sharing and export. */
export function RoadmapView({ productId, product }: ProductViewProps) {
  const toast = useToast();
  const [mode, setMode] = useState<Mode>('timeline');
  const [grouping, setGrouping] = useState<LaneGrouping>('objective');
  const [editing, setEditing] = useState<{ initiative: Initiative | null } | null>(null);
  const [sharing, setSharing] = useState(false);
  const canEdit = useCan('edit');
  const canShare = useCan('manage');
  const svg = useRef<SVGSVGElement>(null);
  const roadmap = useQuery({
    queryKey: roadmapKeys.roadmap(productId),
    queryFn: () => roadmapApi.roadmap(productId),
  });
  if (roadmap.isPending) return <SkeletonRows rows={8} />;
  if (roadmap.isError) return <FormAlert message={messageOf(roadmap.error)} />;
  const data = roadmap.data;
  const open = (initiative: Initiative) => setEditing({ initiative });
  const undated = data.initiatives.filter((item) => !item.plannedStart && !item.plannedFinish);
  const exportPng = async () => {
    if (!svg.current) return;
    try {
      await downloadSvgAsPng(svg.current, `${product.name} roadmap.png`);
    } catch (error) {
      toast.error(messageOf(error));
    }
  };
  return (
    <div className="stack roadmap">
      <div className="roadmap__toolbar">
        <div className="segmented" role="tablist" aria-label="Roadmap view">
          {(Object.keys(modeLabels) as Mode[]).map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={mode === key}
              className={`segmented__item${mode === key ? ' segmented__item--active' : ''}`}
              onClick={() => setMode(key)}
            >
              {modeLabels[key]}
            </button>
          ))}
        </div>
        {mode === 'timeline' ? (
          <label className="field field--inline">
            <span className="field__label">Lanes by</span>
            <select
              className="select"
              value={grouping}
              onChange={(event) => setGrouping(event.target.value as LaneGrouping)}
            >
              {(Object.keys(laneLabels) as LaneGrouping[]).map((key) => (
                <option key={key} value={key}>
                  {laneLabels[key]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <span className="spacer" />
        {canShare ? (
          <button type="button" className="button" onClick={() => setSharing(true)}>
            Share…
          </button>
        ) : null}
        {mode === 'timeline' ? (
          <button type="button" className="button" onClick={exportPng}>
            Export PNG
          </button>
        ) : null}
        <a className="button" href={`/api/products/${productId}/roadmap.pdf?lanes=${grouping}`} download>
          Export PDF
        </a>
        {canEdit ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ initiative: null })}
          >
            <Icons.plus width={16} height={16} /> New initiative
          </button>
        ) : null}
      </div>

      {data.initiatives.length === 0 ? (
        <EmptyState
          icon={<Icons.project width={22} height={22} />}
          title="No initiatives yet"
          action={
            canEdit ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEditing({ initiative: null })}
              >
                Add the first initiative
              </button>
            ) : undefined
          }
        >
          {canEdit
            ? 'Group features into initiatives under your objectives, give them dates, and they appear here.'
            : 'The initiatives planned for this product, with their dates and progress, appear here once they are added.'}
        </EmptyState>
      ) : mode === 'timeline' ? (
        <section className="card roadmap__timeline-card">
          <div className="roadmap__legend muted">
            <span className="legend legend--bar">Planned</span>
            <span className="legend legend--progress">Progress</span>
            <span className="legend legend--forecast">Forecast finish (on time)</span>
            <span className="legend legend--late">Forecast later than planned</span>
            <span className="legend legend--today">Today</span>
            {data.releases.some((release) => release.targetDate) ? (
              <span className="legend legend--release">Release</span>
            ) : null}
          </div>
          <div className="roadmap__scroll">
            <RoadmapTimeline ref={svg} roadmap={data} grouping={grouping} onOpen={open} />
          </div>
          {undated.length > 0 ? (
            <div className="roadmap__undated">
              <span className="muted">Not yet dated:</span>
              {undated.map((item) => (
                <button key={item.id} type="button" className="chip" onClick={() => open(item)}>
                  {item.title}
                </button>
              ))}
            </div>
          ) : null}
        </section>
      ) : mode === 'horizons' ? (
        <HorizonBoard initiatives={data.initiatives} onOpen={open} />
      ) : (
        <ReleasePlan roadmap={data} />
      )}

      <InitiativeDialog
        productId={productId}
        roadmap={data}
        initiative={editing?.initiative ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ShareDialog productId={productId} open={sharing} onClose={() => setSharing(false)} />
    </div>
  );
}
