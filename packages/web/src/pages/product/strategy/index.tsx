import type { ProductView } from '../product-views';
import { StrategyView } from './strategy-view';

/** The Strategy tab: vision, strategy narrative, target market, personas, competitors and market research. */
export const strategyView: ProductView = {
  id: 'strategy',
  label: 'Strategy',
  render: (props) => <StrategyView {...props} />,
};
