import { useState, type PointerEvent } from 'react';
import { spanRect, type Rect } from './pdf/geometry.js';

/** Smaller drags (in CSS pixels) are taken for clicks. */
const MIN_DRAG = 4;

/**
 * Drawing a rectangle by dragging with the primary button: `at` turns the pointer into the caller's
 * units (image pixels, CSS pixels of a page), `cssPerUnit` says how large one unit shows, so that a
 * click is never taken for a tiny box whatever the units. `draft` is the rectangle while dragging.
 */
export function useDragRect<E extends Element>(at: (event: PointerEvent<E>) => { x: number; y: number }, onDrawn: (rect: Rect) => void, cssPerUnit = 1) {
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);
  const stop = () => {
    setStart(null);
    setDraft(null);
  };
  const handlers = {
    onPointerDown: (event: PointerEvent<E>) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      const point = at(event);
      setStart(point);
      setDraft({ ...point, width: 0, height: 0 });
    },
    onPointerMove: (event: PointerEvent<E>) => {
      if (start) setDraft(spanRect(start, at(event)));
    },
    onPointerUp: (event: PointerEvent<E>) => {
      if (!start) return;
      const drawn = spanRect(start, at(event));
      stop();
      if (drawn.width * cssPerUnit >= MIN_DRAG && drawn.height * cssPerUnit >= MIN_DRAG) onDrawn(drawn);
    },
    onPointerCancel: stop,
  };
  return { draft, handlers };
}
