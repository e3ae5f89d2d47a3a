import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { lazyChart } from '../../../components/lazy-chart';
import type { ProjectViewProps } from '../project-views';
import { BudgetCard } from './budget-card';
import { costApi, costKeys } from './cost-api';
import { EvmBasis, EvmMetrics, EvmTable } from './evm-panels';
import { ExpensesCard } from './expenses-card';
import { useTaskOptions } from './task-choice';
import '../imports/files.css';
import './cost.css';

// The charting library loads with the first chart drawn, not with every page.
const SCurveChart = lazyChart(() => import('./s-curve-chart').then((m) => m.SCurveChart), 300);

/** The Cost tab: earned value and its S-curve, the budget lines and the expenses of the project. */
export function CostView({ projectId }: ProjectViewProps) {
  const budget = useQuery({ queryKey: costKeys.budget(projectId), queryFn: () => costApi.budget(projectId) });
  const expenses = useQuery({
    queryKey: costKeys.expenses(projectId),
    queryFn: () => costApi.expenses(projectId),
  });
  const evm = useQuery({ queryKey: costKeys.evm(projectId), queryFn: () => costApi.evm(projectId) });
  const taskOptions = useTaskOptions(projectId);
  const failed = budget.error ?? expenses.error ?? evm.error;
  if (failed) return <FormAlert message={messageOf(failed)} />;
  return (
    <div className="stack cost-view">
      <section className="card" aria-labelledby="evm-title">
        <header className="card__header">
          <h2 id="evm-title">Earned value</h2>
        </header>
        <div className="card__body stack">
          {evm.data ? (
            <>
              <EvmBasis evm={evm.data} />
              <EvmMetrics evm={evm.data} />
              <SCurveChart evm={evm.data} />
            </>
          ) : (
            <SkeletonRows rows={4} />
          )}
        </div>
      </section>
      <div className="cost-columns">
        {budget.data ? (
          <BudgetCard projectId={projectId} budget={budget.data} taskOptions={taskOptions} />
        ) : (
          <SkeletonRows rows={4} />
        )}
        {expenses.data ? (
          <ExpensesCard
            projectId={projectId}
            expenses={expenses.data.items}
            totalCents={expenses.data.totals.totalCents}
            taskOptions={withNoTask(taskOptions)}
          />
        ) : (
          <SkeletonRows rows={4} />
        )}
      </div>
      {evm.data ? (
        <section className="card" aria-labelledby="evm-all-title">
          <header className="card__header">
            <h2 id="evm-all-title">All indicators</h2>
          </header>
          <div className="card__body">
            <EvmTable evm={evm.data} />
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** An expense may be on no task: the first option reads "No task" rather than "Whole project". */
function withNoTask(options: { value: string; label: string }[]) {
  return options.map((option) => (option.value === '' ? { value: '', label: 'No task' } : option));
}
