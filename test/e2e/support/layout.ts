import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';

/** The two screens the team works on: a laptop and a full-HD monitor. */
export const LAYOUT_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Everything on the page as it is now that a user cannot read whole: the page or the shell's
 * content scrolling sideways, an element reaching past the window's right edge, text wider or
 * taller than the box that clips it (a badge, a button cut to "Afronder", an ellipsis in the
 * status bar), and a select whose box is narrower than one of its options. Each problem names the
 * element and its text, so a failure says what to fix.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The page's own DOM types are not in the Node project; the few members used are named here.
    interface Box {
      left: number;
      right: number;
      width: number;
      height: number;
    }
    interface Styles {
      display: string;
      visibility: string;
      overflowX: string;
      overflowY: string;
      textOverflow: string;
      position: string;
      font: string;
      paddingLeft: string;
      paddingRight: string;
    }
    interface El {
      tagName: string;
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
      childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      textContent: string | null;
      getBoundingClientRect(): Box;
      closest(selector: string): El | null;
      getAttribute(name: string): string | null;
      checkVisibility(options: { checkVisibilityCSS: boolean }): boolean;
    }
    interface SelectEl extends El {
      options: ArrayLike<{ text: string }>;
    }
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: El;
          querySelectorAll(s: string): ArrayLike<El>;
          createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } | null };
        };
      }
    ).document;
    const win = globalThis as unknown as { innerWidth: number; getComputedStyle(el: El): Styles };
    const problems: string[] = [];
    const describe = (el: El, text: string) => {
      const said = text.replace(/\s+/gu, ' ').trim().slice(0, 70);
      const named =
        said === ''
          ? ` in "${(el.closest('[aria-label], button, [role]')?.getAttribute('aria-label') ?? el.closest('button, [role]')?.textContent ?? '').trim().slice(0, 50)}"`
          : '';
      return `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0] ?? ''} "${said}"${named}`;
    };
    const visible = (el: El) => {
      const box = el.getBoundingClientRect();
      // Fluent's visually hidden text is a clipped 1 px box: for screen readers only.
      return (
        box.width >= 2 && box.height >= 2 && el.checkVisibility({ checkVisibilityCSS: true }) && !el.closest('.visually-hidden, [class*="visuallyHidden"]')
      );
    };
    const ownText = (el: El) =>
      Array.from(el.childNodes)
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();

    const root = doc.documentElement;
    if (root.scrollWidth > win.innerWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} px in a ${win.innerWidth} px window)`);
    for (const main of Array.from(doc.querySelectorAll('main'))) {
      if (main.scrollWidth > main.clientWidth + 1) problems.push(`the content scrolls sideways (${main.scrollWidth} px in ${main.clientWidth} px)`);
    }

    // The PDF viewer's text layer and its canvases are drawn to the page's scale on purpose.
    const skip = '.textLayer, svg, canvas, [data-layout-free]';
    for (const el of Array.from(doc.querySelectorAll('body *'))) {
      if (el.closest(skip)) continue;
      const text = ownText(el);
      const scrolls = win.getComputedStyle(el).overflowX;
      if ((scrolls === 'auto' || scrolls === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'MAIN' && visible(el)) {
        problems.push(`${describe(el, el.getAttribute('aria-label') ?? el.textContent ?? '')} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`);
        continue;
      }
      if (text === '' && el.tagName !== 'SELECT' && el.tagName !== 'BUTTON') continue;
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.right > win.innerWidth + 1) {
        problems.push(`${describe(el, el.textContent ?? '')} reaches past the window's right edge (${Math.round(box.right)} > ${win.innerWidth})`);
        continue;
      }
      if (el.tagName === 'SELECT') {
        const select = el as SelectEl;
        const style = win.getComputedStyle(select);
        const context = doc.createElement('canvas').getContext('2d');
        if (!context) continue;
        context.font = style.font;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        for (const option of Array.from(select.options)) {
          if (context.measureText(option.text).width > room + 1)
            problems.push(`select ${select.getAttribute('aria-label') ?? ''} is too narrow for its option "${option.text}"`.replace('  ', ' '));
        }
        continue;
      }
      const style = win.getComputedStyle(el);
      const clipsY = style.overflowY !== 'visible';
      if (clipsY && el.scrollHeight > el.clientHeight + 2 && el.clientHeight > 0 && text !== '') {
        problems.push(`${describe(el, el.textContent ?? '')} is cut off below (${el.scrollHeight} > ${el.clientHeight} px)`);
      }
    }
    // Content wider than the box it sits in: a label running into the next column, a name cut off
    // with an ellipsis. Only the innermost such box is named; its ancestors overflow because of it.
    const wide: El[] = [];
    for (const el of Array.from(doc.querySelectorAll('body *'))) {
      if (el.closest(skip) || !(el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)) continue;
      const scrolls = win.getComputedStyle(el).overflowX;
      if ((scrolls === 'auto' || scrolls === 'scroll') && el.tagName !== 'MAIN') continue;
      // A text field scrolls its own value while it is typed in.
      if (['MAIN', 'SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName) || !visible(el)) continue;
      wide.push(el);
    }
    for (const el of wide) {
      if (wide.some((other) => other !== el && (el as unknown as { contains(o: El): boolean }).contains(other))) continue;
      problems.push(`${describe(el, el.textContent ?? '')} is wider than its box (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
    return [...new Set(problems)];
  });
}

/** Two animation frames: the resize observers have run and what they changed is laid out. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const { requestAnimationFrame } = globalThis as unknown as { requestAnimationFrame(f: () => void): void };
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)));
      }),
  );
}

/**
 * The layout check of the screen that is open, at both sizes, with a screenshot of each
 * (layout-<name>-<width>.png). Returns the problems, each prefixed with screen and width, so one
 * run lists every screen's problems at once.
 */
export async function checkLayout(page: Page, name: string): Promise<string[]> {
  const original = page.viewportSize();
  const found: string[] = [];
  try {
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      await nextFrames(page);
      await page.waitForLoadState('networkidle');
      // What the screen shows once loaded, not its spinner.
      await page.locator('.fui-Spinner').first().waitFor({ state: 'detached', timeout: 20_000 });
      await screenshot(page, `layout-${name}-${size.width}`);
      let problems = await layoutProblems(page);
      // The screens that follow the window's width (the PDF viewer, the side-by-side review) may
      // still be redrawing for the new size: what a moment later is still wrong, is wrong.
      for (let retry = 0; problems.length > 0 && retry < 3; retry++) {
        await page.waitForTimeout(150);
        await nextFrames(page);
        problems = await layoutProblems(page);
      }
      for (const problem of problems) found.push(`${name} @${size.width}: ${problem}`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return found;
}
