import { effectiveColour, type RagColour, type ReportFigures, ragDimensions } from '@tandem/core';
import type { StatusReportView } from './report-view';

/** What the PDF shows besides the report itself. */
export interface ReportPdfContext {
  projectName: string;
}

const colourFill: Record<RagColour, string> = { green: '#1f9d55', amber: '#d97706', red: '#dc2626' };
const dimensionLabel = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  quality: 'Quality',
} as const;

const money = (cents: number | null) =>
  cents === null ? '—' : (cents / 100).toLocaleString('en', { style: 'currency', currency: 'USD' });
const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const day = (wall: string | null) => (wall ? wall.slice(0, 10) : '—');

/** The figures of each dimension as label/value pairs, "no data" where the report has none. */
export function figureLines(figures: ReportFigures | null): [string, string][] {
  if (!figures) return [];
  const lines: [string, string][] = [['Measured at', figures.asOf]];
  const { schedule, cost, risk, scope, quality } = figures;
  if (schedule) {
    lines.push(['Forecast finish', day(schedule.finish)]);
    lines.push([
      `Baseline finish${schedule.baselineName ? ` (${schedule.baselineName})` : ''}`,
      day(schedule.baselineFinish),
    ]);
    lines.push(['Late milestones', `${schedule.lateMilestones} of ${schedule.milestones.length}`]);
    for (const milestone of schedule.milestones.filter((item) => item.late).slice(0, 10)) {
      lines.push([`  Late: ${milestone.name}`, `${day(milestone.finish)} (due ${day(milestone.target)})`]);
    }
  } else lines.push(['Schedule', 'no data']);
  if (cost) {
    lines.push(['Budget at completion', money(cost.bac)]);
    lines.push(['Planned / earned / actual', `${money(cost.pv)} / ${money(cost.ev)} / ${money(cost.ac)}`]);
    lines.push(['CPI / SPI', `${ratio(cost.cpi)} / ${ratio(cost.spi)}`]);
    lines.push(['Estimate at completion', money(cost.eac)]);
  } else lines.push(['Cost', 'no data']);
  if (risk && risk.recorded > 0) {
    lines.push(['Open risks (high)', `${risk.open} (${risk.openHigh})`]);
    for (const item of risk.top) lines.push([`  ${item.title}`, `score ${item.score}`]);
  } else lines.push(['Risk', 'no data']);
  if (scope)
    lines.push(['Change requests pending / approved', `${scope.pendingChanges} / ${scope.approvedChanges}`]);
  if (quality && quality.recorded > 0) {
    lines.push([
      'Deliverables rejected / accepted',
      `${quality.rejectedDeliverables} / ${quality.acceptedDeliverables}`,
    ]);
    lines.push(['Open high-severity issues', String(quality.openHighIssues)]);
  } else lines.push(['Quality', 'no data']);
  return lines;
}

/** Markdown as lines of plain text for print: markers dropped, list items bulleted, headings kept apart. */
export function narrativeParagraphs(markdown: string): { text: string; heading: boolean }[] {
  const inline = (text: string) =>
    text
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
      .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
      .replace(/\*([^*]+)\*|_([^_]+)_/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1');
  const out: { text: string; heading: boolean }[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('```')) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.push({ text: inline(heading[1] ?? ''), heading: true });
    else if (/^[-*+]\s+/.test(line))
      out.push({ text: `•  ${inline(line.replace(/^[-*+]\s+/, ''))}`, heading: false });
    else out.push({ text: inline(line.replace(/^>\s?/, '').replace(/^(\d+)\.\s+/, '$1. ')), heading: false });
  }
  return out;
}

/**
 * A status report as a PDF: title, project and period, the RAG table (colour, suggestion and reason), the figures
 * and the narrative.
 * @example const bytes = await statusReportPdf(report, { projectName: 'Apollo' });
 */
export async function statusReportPdf(
  report: StatusReportView,
  context: ReportPdfContext,
): Promise<Uint8Array> {
  // Loaded with the first PDF: pdfkit and its fonts cost every start a second and 30 MB otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: report.title, Subject: `Status report of ${context.projectName}`, Creator: 'Tandem' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(20).fillColor('#111827').text(report.title, { width });
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(11).fillColor('#4b5563');
  doc.text(`${context.projectName} · ${report.periodStart} to ${report.periodFinish}`);
  const state =
    report.state === 'published' ? `Published ${report.publishedAt?.slice(0, 10) ?? ''}` : 'Draft';
  doc.text(state);
  doc.moveDown(1);

  doc.font('Helvetica-Bold').fontSize(13).fillColor('#111827').text('Status');
  doc.moveDown(0.4);
  for (const dimension of ragDimensions) {
    const entry = report.rag[dimension];
    const colour = effectiveColour(entry);
    const y = doc.y;
    doc.circle(left + 6, y + 6, 5).fill(colour ? colourFill[colour] : '#9ca3af');
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#111827')
      .text(dimensionLabel[dimension], left + 18, y, { width: 90 });
    const suggestion = entry.suggested ? `suggested ${entry.suggested}` : 'no figures';
    const label = colour ? colour.toUpperCase() : 'NO DATA';
    doc.font('Helvetica').text(`${label}  (${suggestion})`, left + 110, y, { width: width - 110 });
    if (entry.reason) doc.fillColor('#4b5563').text(entry.reason, left + 110, doc.y, { width: width - 110 });
    doc.x = left;
    doc.moveDown(0.5);
  }
  doc.moveDown(0.6);

  doc.font('Helvetica-Bold').fontSize(13).fillColor('#111827').text('Figures', left);
  doc.moveDown(0.4);
  for (const [label, value] of figureLines(report.figures)) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor('#4b5563').text(label, left, y, { width: 220 });
    const labelBottom = doc.y;
    doc.fillColor('#111827').text(value, left + 230, y, { width: width - 230 });
    // A long label wraps: the next row starts below whichever column ran longer.
    doc.y = Math.max(labelBottom, doc.y) + 3;
    doc.x = left;
  }
  doc.moveDown(1);

  const paragraphs = narrativeParagraphs(report.narrative);
  if (paragraphs.length > 0) {
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#111827').text('Narrative', left);
    doc.moveDown(0.4);
    for (const paragraph of paragraphs) {
      doc.font(paragraph.heading ? 'Helvetica-Bold' : 'Helvetica').fontSize(paragraph.heading ? 11.5 : 10.5);
      doc.fillColor('#111827').text(paragraph.text, left, doc.y, { width });
      doc.moveDown(0.3);
    }
  }
  doc.end();
  return done;
}
