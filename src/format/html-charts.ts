import { html, type Safe } from './html-escape.js';

export interface Bar {
  label: string;
  segments: Array<{ value: number; className: string; title: string }>;
}

/**
 * Horizontal stacked bars as inline SVG: no script, no external resource, prints as vectors.
 * Width is fixed in user units and scales with the page through viewBox.
 */
export function barChart(bars: Bar[], opts: { title: string; labelWidth?: number }): Safe {
  const labelWidth = opts.labelWidth ?? 220;
  const barArea = 360;
  const rowH = 22;
  const width = labelWidth + barArea + 50;
  const height = bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((a, s) => a + s.value, 0)));
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowH;
    let x = labelWidth;
    const total = b.segments.reduce((a, s) => a + s.value, 0);
    const rects = b.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = (s.value / max) * barArea;
        const r = html`<rect class="${s.className}" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}"><title>${s.title}: ${s.value}</title></rect>`;
        x += w;
        return r;
      });
    const shortLabel = b.label.length > 34 ? b.label.slice(0, 33) + '…' : b.label;
    return html`<g><text class="lbl" x="${labelWidth - 6}" y="${y + rowH / 2 + 3}" text-anchor="end"><title>${b.label}</title>${shortLabel}</text>${rects}<text class="val" x="${(x + 4).toFixed(1)}" y="${y + rowH / 2 + 3}">${total}</text></g>`;
  });
  return html`<svg class="chart" role="img" aria-label="${opts.title}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}
