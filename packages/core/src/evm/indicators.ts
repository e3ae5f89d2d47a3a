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
  /** Estimate to complete by the typical method, EAC − AC (null when EAC is). */
  readonly etc: number | null;
  /** Variance at completion BAC − EAC by the typical method. */
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

/** Computes every earned value indicator from BAC, PV, EV and AC. */
export function earnedValueIndicators(inputs: EarnedValueInputs): EarnedValueIndicators {
  const { bac, pv, ev, ac } = inputs;
  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  const remaining = bac - ev;
  const typical = cpi === null || cpi === 0 ? null : bac / cpi;
  const efficiency = cpi === null || spi === null ? null : cpi * spi;
  const combined = efficiency === null || efficiency === 0 ? null : ac + remaining / efficiency;
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    eac: { typical, atypical: ac + remaining, combined },
    etc: typical === null ? null : typical - ac,
    vac: typical === null ? null : bac - typical,
    tcpi: {
      toBac: ratio(remaining, bac - ac),
      toEac: typical === null ? null : ratio(remaining, typical - ac),
    },
    percentComplete: ratio(ev, bac),
    percentSpent: ratio(ac, bac),
  };
}
