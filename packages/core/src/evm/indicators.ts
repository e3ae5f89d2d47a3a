/**
 * Earned value indicators from the three measured amounts (PV, EV, AC) and the budget at completion, with the
 * standard forecasting methods of the PMBOK Guide and the PMI Practice Standard for Earned Value Management.
 */

/** What is measured at the status date, in one currency unit (Tandem uses integer cents). */
export interface EarnedValueInputs {
  /** Budget at completion: the baselined cost of all the work. */
  readonly bac: number;
  /** Planned value: the budget of the work scheduled up to the status date. */
  readonly pv: number;
  /** Earned value: the budget of the work actually done by the status date. */
  readonly ev: number;
  /** Actual cost of the work done by the status date. */
  readonly ac: number;
}

/** Estimates at completion by the three standard methods. */
export interface EstimatesAtCompletion {
  /** Cost efficiency so far continues: BAC / CPI. */
  readonly typical: number | null;
  /** The variance so far was a one-off; the rest goes to budget: AC + (BAC − EV). */
  readonly atypical: number;
  /** Cost and schedule efficiency both weigh on the rest: AC + (BAC − EV) / (CPI × SPI). */
  readonly combined: number | null;
  /** The remaining work re-estimated from the plan: AC + bottom-up ETC (null when no bottom-up estimate is given). */
  readonly bottomUp: number | null;
}

/** Which estimate at completion the ETC, VAC and TCPI to EAC are measured against. */
export type EacMethod = keyof EstimatesAtCompletion;

/** How the forecast is made: a bottom-up estimate to complete and which EAC method the derived figures follow. */
export interface ForecastOptions {
  /** Estimate to complete summed from the remaining work of the plan (PMBOK's "AC + bottom-up ETC"). */
  readonly etcBottomUp?: number | undefined;
  /** Default `typical` (BAC / CPI), the PMBOK's default assumption that today's cost efficiency continues. */
  readonly method?: EacMethod | undefined;
}

/** Every indicator at the status date; an index whose denominator is zero is null (undefined, not infinite). */
export interface EarnedValueIndicators extends EarnedValueInputs {
  /** Schedule variance EV − PV: negative is behind. */
  readonly sv: number;
  /** Cost variance EV − AC: negative is over budget. */
  readonly cv: number;
  /** Schedule performance index EV / PV. */
  readonly spi: number | null;
  /** Cost performance index EV / AC. */
  readonly cpi: number | null;
  readonly eac: EstimatesAtCompletion;
  /** The EAC method `etc`, `vac` and `tcpi.toEac` follow. */
  readonly method: EacMethod;
  /** Estimate to complete by the chosen method, EAC − AC (null when EAC is). */
  readonly etc: number | null;
  /** Variance at completion BAC − EAC by the chosen method. */
  readonly vac: number | null;
  /** To-complete performance index: the efficiency the remaining work needs to meet the BAC, and to meet the EAC. */
  readonly tcpi: { readonly toBac: number | null; readonly toEac: number | null };
  /** EV / BAC. */
  readonly percentComplete: number | null;
  /** AC / BAC. */
  readonly percentSpent: number | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/**
 * Computes every earned value indicator from BAC, PV, EV and AC.
 * @example earnedValueIndicators({ bac: 100, pv: 50, ev: 40, ac: 45 }).eac.typical // 112.5
 */
export function earnedValueIndicators(
  inputs: EarnedValueInputs,
  options: ForecastOptions = {},
): EarnedValueIndicators {
  const { bac, pv, ev, ac } = inputs;
  const method = options.method ?? 'typical';
  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  const remaining = bac - ev;
  const typical = cpi === null || cpi === 0 ? null : bac / cpi;
  const efficiency = cpi === null || spi === null ? null : cpi * spi;
  const combined = efficiency === null || efficiency === 0 ? null : ac + remaining / efficiency;
  const eac: EstimatesAtCompletion = {
    typical,
    atypical: ac + remaining,
    combined,
    bottomUp: options.etcBottomUp === undefined ? null : ac + options.etcBottomUp,
  };
  const chosen = eac[method];
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    eac,
    method,
    etc: chosen === null ? null : chosen - ac,
    vac: chosen === null ? null : bac - chosen,
    tcpi: {
      toBac: ratio(remaining, bac - ac),
      toEac: chosen === null ? null : ratio(remaining, chosen - ac),
    },
    percentComplete: ratio(ev, bac),
    percentSpent: ratio(ac, bac),
  };
}
