import { describe, expect, it } from 'vitest';
import { earnedValueIndicators } from './indicators';

describe('earned value indicators', () => {
  // P. Govan, "Keeping Score: Earned Value Management", in the PRA book (github.com/paulgovan/PRA, book/ch-evm.qmd):
  // BAC $500,000; 50 % planned and 40 % done by period 3; costs 45,000 + 110,000 + 135,000.
  const govan = earnedValueIndicators({ bac: 500_000, pv: 250_000, ev: 200_000, ac: 290_000 });

  it('gives the variances and indices of the worked example: behind schedule and over budget', () => {
    expect(govan.sv).toBe(-50_000);
    expect(govan.cv).toBe(-90_000);
    expect(govan.spi).toBeCloseTo(0.8, 10);
    // "earning only 69 cents of value per dollar spent"
    expect(govan.cpi).toBeCloseTo(0.69, 2);
  });

  it('forecasts the cost at completion by the typical, atypical and combined methods', () => {
    expect(govan.eac.typical).toBeCloseTo(725_000, 6);
    expect(govan.eac.atypical).toBe(590_000);
    // AC + (BAC − EV) / (CPI × SPI) = 290,000 + 300,000 / (0.6897 × 0.8)
    expect(govan.eac.combined).toBeCloseTo(833_750, 6);
  });

  it('derives ETC, VAC and the to-complete indices from the typical estimate', () => {
    expect(govan.etc).toBeCloseTo(435_000, 6);
    expect(govan.vac).toBeCloseTo(-225_000, 6);
    expect(govan.tcpi.toBac).toBeCloseTo(300_000 / 210_000, 10);
    expect(govan.tcpi.toEac).toBeCloseTo(0.6897, 4);
    expect(govan.percentComplete).toBeCloseTo(0.4, 10);
    expect(govan.percentSpent).toBeCloseTo(0.58, 10);
  });

  it.each([
    // PRA reference for tcpi(): BAC 100,000, EV 35,000, AC 63,000 → 1.76 to meet the BAC; 1.13 to meet an EAC of 120,482.
    { bac: 100_000, ev: 35_000, ac: 63_000, tcpi: 1.76 },
    // A contractor's review question (ceboardexamgenerator.com, "Project control and earned value"): BAC 5,000,000,
    // EV 1,500,000, AC 1,800,000 → EAC = BAC / CPI = 6,000,000.
    { bac: 5_000_000, ev: 1_500_000, ac: 1_800_000, tcpi: 3_500_000 / 3_200_000, eac: 6_000_000 },
  ])('matches the published example with BAC $bac, EV $ev, AC $ac', ({ bac, ev, ac, tcpi, eac }) => {
    const result = earnedValueIndicators({ bac, pv: ev, ev, ac });
    expect(result.tcpi.toBac).toBeCloseTo(tcpi, 2);
    if (eac !== undefined) expect(result.eac.typical).toBeCloseTo(eac, 6);
  });

  it('answers null, not infinity, for an index whose denominator is zero', () => {
    const start = earnedValueIndicators({ bac: 1000, pv: 0, ev: 0, ac: 0 });
    expect(start.spi).toBeNull();
    expect(start.cpi).toBeNull();
    expect(start.eac.typical).toBeNull();
    expect(start.eac.combined).toBeNull();
    expect(start.etc).toBeNull();
    expect(start.eac.atypical).toBe(1000);
    expect(start.tcpi.toBac).toBe(1);
    const spentAll = earnedValueIndicators({ bac: 1000, pv: 1000, ev: 500, ac: 1000 });
    expect(spentAll.tcpi.toBac).toBeNull();
  });

  // "EVM forecasting" reference card (wikislate.com, 15-evm-forecasting, its table "From Poster 14"): BAC 100, EV 40,
  // AC 45, CPI 0.89, SPI 0.80 (so PV 50) → EAC = BAC/CPI $112.5k, ETC $67.5k, VAC −$12.5k, EAC (cost × schedule)
  // ≈ $129k, TCPI to BAC 1.09.
  it('reproduces the forecasting reference card: EAC, ETC, VAC and TCPI by each method', () => {
    const card = earnedValueIndicators({ bac: 100_000, pv: 50_000, ev: 40_000, ac: 45_000 });
    expect(card.cpi).toBeCloseTo(0.89, 2);
    expect(card.spi).toBeCloseTo(0.8, 10);
    expect(card.eac.typical).toBeCloseTo(112_500, 6);
    expect(card.etc).toBeCloseTo(67_500, 6);
    expect(card.vac).toBeCloseTo(-12_500, 6);
    // 45,000 + 60,000 / (0.8889 × 0.8) = 129,375
    expect(card.eac.combined).toBeCloseTo(129_375, 6);
    expect(card.tcpi.toBac).toBeCloseTo(1.09, 2);
    expect(card.eac.bottomUp).toBeNull();
    expect(card.method).toBe('typical');
  });

  // PMP exam preparation, "EVM Hangout: Question 2" (forum.izenbridge.com, viewtopic f=3 t=46): BAC $135,000, EV
  // $45,000, AC $70,000 and a re-estimated EAC of $130,000 → TCPI to the EAC = 90,000 / 60,000 = 1.5.
  it('forecasts from a bottom-up estimate to complete and measures the TCPI against it', () => {
    const result = earnedValueIndicators(
      { bac: 135_000, pv: 45_000, ev: 45_000, ac: 70_000 },
      { etcBottomUp: 60_000, method: 'bottomUp' },
    );
    expect(result.eac.bottomUp).toBe(130_000);
    expect(result.etc).toBe(60_000);
    expect(result.vac).toBe(5_000);
    expect(result.tcpi.toEac).toBeCloseTo(1.5, 10);
    // The other methods are still given beside the chosen one.
    expect(result.eac.atypical).toBe(160_000);
  });
});
