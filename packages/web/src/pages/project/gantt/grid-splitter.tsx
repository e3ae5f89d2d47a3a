/** The grid's right edge, dragged to give the grid or the timeline more room. */
export function GridSplitter({
  width,
  max,
  onWidth,
}: {
  width: number;
  max: number;
  onWidth: (width: number) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable divider, with its value for assistive technology.
    <div
      className="gantt__splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the task grid"
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') onWidth(Math.max(160, width - 24));
        if (event.key === 'ArrowRight') onWidth(Math.min(max, width + 24));
      }}
      onPointerDown={(event) => {
        const startX = event.clientX;
        const target = event.currentTarget;
        target.setPointerCapture(event.pointerId);
        const move = (e: PointerEvent) => onWidth(Math.min(max, Math.max(160, width + e.clientX - startX)));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
    />
  );
}
