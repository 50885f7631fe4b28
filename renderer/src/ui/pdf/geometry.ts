/**
 * Page geometry. The backend gives boxes in PDF user space (points, origin bottom-left) and, per
 * page, the matrix `toView` from user space to the page as shown (points, origin top-left,
 * rotation applied): x' = a·x + c·y + e, y' = b·x + d·y + f. The screen multiplies that by its scale.
 */
export type Matrix = readonly [number, number, number, number, number, number];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

export function invertMatrix(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0) throw new Error('The page matrix cannot be inverted.');
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The rectangle around a rectangle's four corners after the matrix (rotations of 90° stay exact). */
export function mapRect(m: Matrix, r: Rect): Rect {
  const corners = [
    applyMatrix(m, r.x, r.y),
    applyMatrix(m, r.x + r.width, r.y),
    applyMatrix(m, r.x, r.y + r.height),
    applyMatrix(m, r.x + r.width, r.y + r.height),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** A box in user space, as shown: points from the top-left of the page. */
export function userToView(toView: Matrix, box: Rect): Rect {
  return mapRect(toView, box);
}

/** A box drawn on the shown page (points from the top-left) in user space, for the backend. */
export function viewToUser(toView: Matrix, box: Rect): Rect {
  return mapRect(invertMatrix(toView), box);
}

export function scaleRect(r: Rect, scale: number): Rect {
  return { x: r.x * scale, y: r.y * scale, width: r.width * scale, height: r.height * scale };
}

/** A rectangle from two corners in any order. */
export function spanRect(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** CSS pixels per PDF point at 100 % (96 dpi screen, 72 points per inch), as PDF viewers count zoom. */
export const CSS_PER_POINT = 96 / 72;

/**
 * Scrolls `container` so that `element` (inside it) is in the middle of it, without scrolling the
 * window or any other ancestor (scrollIntoView would, moving what the user is pointing at).
 */
export function centerWithin(container: HTMLElement, element: HTMLElement): void {
  const outer = container.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  container.scrollTop += inner.top + inner.height / 2 - (outer.top + outer.height / 2);
  container.scrollLeft += inner.left + inner.width / 2 - (outer.left + outer.width / 2);
}
