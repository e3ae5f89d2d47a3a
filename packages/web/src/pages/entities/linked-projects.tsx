import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../../api/endpoints';
import type { EntityKind } from '../../api/types';
import { SkeletonRows } from '../../components/feedback';
import { formatDate } from '../../lib/format';
import { useWorkspaceCan } from '../../lib/permissions';

/** The projects a program groups or a product is delivered by, so the link can be walked from either side. */
export function LinkedProjects({
  kind,
  workspaceId,
  entityId,
}: {
  kind: Extract<EntityKind, 'programs' | 'products'>;
  workspaceId: string;
  entityId: string;
}) {
  const canCreate = useWorkspaceCan(workspaceId, 'create');
  const filter = kind === 'programs' ? { programId: entityId } : { productId: entityId };
  const projects = useQuery({
    // Under the projects list key, so live project changes refresh it too.
    queryKey: ['entities', 'projects', workspaceId, 'linked', kind, entityId],
    queryFn: () => api.entities('projects', workspaceId, { sort: 'startDate', ...filter }),
  });
  return (
    <section className="card" aria-labelledby="linked-projects">
      <div className="card__header">
        <div style={{ flex: 1 }}>
          <h2 id="linked-projects">Projects</h2>
          <p>
            {kind === 'programs'
              ? 'The projects this program groups. Set a project’s program when creating it.'
              : 'The projects that deliver this product. Set a project’s product when creating it.'}
          </p>
        </div>
        {canCreate ? (
          <Link
            to="/w/$workspaceId/projects"
            params={{ workspaceId }}
            search={{ create: true }}
            className="button button--small"
          >
            New project
          </Link>
        ) : null}
      </div>
      {projects.isPending ? (
        <SkeletonRows rows={2} />
      ) : (projects.data?.items.length ?? 0) === 0 ? (
        <p className="muted" style={{ padding: 'var(--space-4) var(--space-5)' }}>
          No projects yet.
        </p>
      ) : (
        <ul className="list" aria-label="Linked projects">
          {projects.data?.items.map((project) => (
            <li key={project.id} className="list__item">
              <span className="entity-icon entity-icon--projects" aria-hidden="true">
                {project.name.slice(0, 1).toUpperCase()}
              </span>
              <div className="list__main">
                <Link
                  to="/w/$workspaceId/projects/$entityId"
                  params={{ workspaceId, entityId: project.id }}
                  style={{ fontWeight: 550, color: 'var(--text)' }}
                >
                  {project.name}
                </Link>
                {project.startDate ? <span>Starts {formatDate(project.startDate)}</span> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
