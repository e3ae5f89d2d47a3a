import type { ReactNode } from 'react';
import type { Roadmap } from '../product/roadmap/roadmap-api';
import { SharedRoadmap } from '../product/roadmap/shared-roadmap';
import { ReportDocument } from '../project/reports/report-document';
import type { StatusReport } from '../project/reports/reports-api';

/** How the public page shows one entity type that share links open (the server's renderer gives `entity`). */
export interface SharedView {
  /** The browser tab's title. */
  title(entity: unknown): string;
  render(entity: unknown): ReactNode;
}

interface SharedStatusReport {
  projectName: string;
  report: StatusReport;
}

/** The shared views by entity type; add one beside the server's `registerSharedRenderer`. */
export const sharedViews: Record<string, SharedView> = {
  status_report: {
    title: (entity) => (entity as SharedStatusReport).report.title,
    render: (entity) => {
      const { report, projectName } = entity as SharedStatusReport;
      return <ReportDocument report={report} projectName={projectName} />;
    },
  },
  roadmap: {
    title: (entity) => `${(entity as Roadmap).product.name} roadmap`,
    render: (entity) => <SharedRoadmap roadmap={entity as Roadmap} />,
  },
};
