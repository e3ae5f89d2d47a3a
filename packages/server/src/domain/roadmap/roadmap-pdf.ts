import {
  type LaneGrouping,
  layoutLaneBars,
  monthTicks,
  roadmapLanes,
  timeScaleFor,
  xOfDay,
} from '@tandem/core';
import type { RoadmapView } from './roadmap-service';

const page = { width: 842, height: 595, margin: 36 };
const labelWidth = 150;
const rowHeight = 18;

/**
 * The roadmap timeline as an A4 landscape PDF: month axis, a swimlane per objective (or theme, team), a bar per
 * planned initiative with its progress, and a tick where its project forecasts the finish.
 */
export async function roadmapPdf(
  view: RoadmapView,
  grouping: LaneGrouping = 'objective',
): Promise<Uint8Array> {
  // Loaded with the first PDF: pdfkit and its fonts cost every start a second and 30 MB otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: page.margin,
    info: { Title: `${view.product.name} roadmap` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );

  const planned = view.initiatives.filter((item) => item.plannedStart || item.plannedFinish);
  const chartWidth = page.width - 2 * page.margin - labelWidth;
  const probe = timeScaleFor(planned, view.asOf, 1);
  const scale = timeScaleFor(planned, view.asOf, chartWidth / probe.width);
  const left = page.margin + labelWidth;

  doc.fontSize(16).fillColor('#111').text(`${view.product.name} — roadmap`, page.margin, page.margin);
  doc.fontSize(9).fillColor('#555').text(`As of ${view.asOf}`);
  let y = page.margin + 44;
  const axis = () => {
    doc.fontSize(7).fillColor('#666');
    for (const tick of monthTicks(scale)) {
      doc.text(tick.label, left + tick.x + 2, y, { lineBreak: false });
      doc
        .moveTo(left + tick.x, y)
        .lineTo(left + tick.x, y + 10)
        .strokeColor('#ccc')
        .stroke();
    }
    y += 14;
  };
  axis();
  const objectiveTitles = new Map(view.objectives.map((objective) => [objective.id, objective.title]));
  for (const lane of roadmapLanes(planned, grouping, objectiveTitles)) {
    const { bars, rows } = layoutLaneBars(lane.items, scale);
    const height = Math.max(rows, 1) * rowHeight + 8;
    if (y + height > page.height - page.margin) {
      doc.addPage();
      y = page.margin;
      axis();
    }
    doc
      .rect(page.margin, y, page.width - 2 * page.margin, height)
      .fillColor('#f6f7f9')
      .fill();
    doc
      .fontSize(9)
      .fillColor('#222')
      .text(lane.label, page.margin + 4, y + 4, { width: labelWidth - 8, height: height - 4 });
    const byId = new Map(lane.items.map((item) => [item.id, item]));
    for (const bar of bars) {
      const item = byId.get(bar.id);
      const top = y + 4 + bar.row * rowHeight;
      doc
        .rect(left + bar.x, top, Math.max(bar.width, 2), rowHeight - 4)
        .fillColor('#c7d7fe')
        .fill();
      if (bar.progressWidth > 0)
        doc
          .rect(left + bar.x, top, bar.progressWidth, rowHeight - 4)
          .fillColor('#6d8ef5')
          .fill();
      if (bar.forecastX !== null) {
        doc
          .rect(left + bar.forecastX - 1, top - 1, 2, rowHeight - 2)
          .fillColor(bar.late ? '#dc2626' : '#1f9d55')
          .fill();
      }
      doc
        .fontSize(7)
        .fillColor('#111')
        .text(item?.title ?? '', left + bar.x + 3, top + 3, {
          width: Math.max(bar.width - 4, 60),
          height: rowHeight - 6,
          lineBreak: false,
          ellipsis: true,
        });
    }
    y += height + 4;
  }
  const today = xOfDay(scale, view.asOf);
  doc
    .moveTo(left + today, page.margin + 44)
    .lineTo(left + today, Math.min(y, page.height - page.margin))
    .strokeColor('#dc2626')
    .stroke();
  const unplanned = view.initiatives.length - planned.length;
  if (unplanned > 0) {
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(
        `${unplanned} initiative${unplanned === 1 ? '' : 's'} without dates not shown`,
        page.margin,
        page.height - page.margin - 10,
      );
  }
  doc.end();
  return done;
}
