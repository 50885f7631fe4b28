import { useEffect, useState, type RefObject } from 'react';

/** The content width of an element in CSS pixels, kept up to date as it resizes; 0 until measured. */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      // A few pixels spare, so a scrollbar appearing does not make the page jump back and forth.
      if (box) setWidth(Math.max(0, Math.floor(box.width) - 4));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** "Paginabreedte" or a percentage: how a page is sized on screen. */
export type Zoom = 'fit' | number;

export const ZOOM_LEVELS = [50, 75, 100, 125, 150, 200] as const;

/** CSS pixels per PDF point for a zoom, given the page's width in points and the room there is. */
export function scaleFor(zoom: Zoom, pageWidthPt: number, room: number, cssPerPoint: number): number {
  if (zoom !== 'fit') return (zoom / 100) * cssPerPoint;
  if (room <= 0 || pageWidthPt <= 0) return cssPerPoint;
  return Math.min(2 * cssPerPoint, Math.max(0.25 * cssPerPoint, room / pageWidthPt));
}

/** The next zoom level up or down from the scale shown now. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const levels: readonly number[] = ZOOM_LEVELS;
  if (direction > 0) return levels.find((z) => z > current + 0.5) ?? levels[levels.length - 1] ?? current;
  return [...levels].reverse().find((z) => z < current - 0.5) ?? levels[0] ?? current;
}
