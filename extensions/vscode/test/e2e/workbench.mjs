// Driving the VS Code workbench in Chromium the way a writer does: keyboard
// shortcuts, the mouse, and reading what is on screen. Selectors are those of
// VS Code 1.100's DOM.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function until(what, probe, timeout = 15_000, interval = 150) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

export class Workbench {
  constructor(page) {
    this.page = page;
    this.keyboard = page.keyboard;
  }

  /** Opens the workbench on a folder and waits until the explorer lists it. */
  async open(url) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Runs a command from the command palette by its title. */
  async command(title) {
    await this.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await until(`command "${title}" in the palette`, async () => {
      const first = this.page.locator('.quick-input-widget .monaco-list-row').first();
      return (await first.count()) && (await first.innerText()).includes(title);
    });
    await this.keyboard.press('Enter');
  }

  /** Opens a workspace file with Quick Open and waits for its editor to have focus. */
  async openFile(name) {
    await this.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await until(`${name} in Quick Open`, async () => {
      const first = this.page.locator('.quick-input-widget .monaco-list-row').first();
      return (await first.count()) && (await first.innerText()).includes(name);
    });
    await this.keyboard.press('Enter');
    await until(`an editor for ${name}`, async () => (await this.page.locator('.tab.active').innerText()).includes(name));
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Puts the cursor at a one-based line and column (UTF-16 units, as VS Code counts them). */
  async goTo(line, column) {
    await this.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await sleep(100);
    await this.keyboard.press('Enter');
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Types text into the focused editor, one key event per character. */
  async type(text) {
    await this.keyboard.type(text, { delay: 30 });
  }

  /** The rows of the visible suggest widget, as their labels and details read. */
  async suggestions() {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    return rows.evaluateAll((els) =>
      els
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((el) => ({
          label: el.querySelector('.label-name')?.textContent ?? '',
          description: el.querySelector('.label-description')?.textContent ?? '',
          aria: el.getAttribute('aria-label') ?? '',
        })),
    );
  }

  /**
   * Waits for the suggest widget to settle on rows other than `previous`
   * (the list before the last keystrokes): the same rows twice, 400 ms apart.
   * Asks for suggestions again if the widget closed.
   */
  async settledSuggestions(what, previous = [], timeout = 20_000) {
    const key = (rows) => JSON.stringify(rows.map((r) => r.label));
    let asked = Date.now();
    let last = '';
    return until(
      what,
      async () => {
        const rows = await this.suggestions();
        if (!rows.length) {
          if (Date.now() - asked > 2000) {
            asked = Date.now();
            await this.keyboard.press('Control+Space');
          }
          return undefined;
        }
        const now = key(rows);
        const settled = now === last && now !== key(previous);
        last = now;
        return settled ? rows : undefined;
      },
      timeout,
      400,
    );
  }

  /** Picks the row of the open quick fix menu whose title includes `title`, with the keyboard. */
  async chooseAction(title) {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i < 20; i++) {
      const label = (await focused.getAttribute('aria-label').catch(() => null)) ?? '';
      if (label.includes(title)) {
        await this.keyboard.press('Enter');
        return;
      }
      await this.keyboard.press('ArrowDown');
    }
    throw new Error(`no quick fix "${title}" in the menu`);
  }

  /** The text of the visible hover, once it has content. */
  async hoverText(timeout = 10_000) {
    return until(
      'a hover',
      async () => {
        const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
        if (!(await hover.count()) || !(await hover.isVisible())) return undefined;
        const text = await hover.innerText();
        return text.trim() ? text : undefined;
      },
      timeout,
    );
  }

  /** Moves the mouse over the text just right of the cursor, as a writer pointing at a citation. */
  async hoverAtCursor() {
    const cursor = this.page.locator('.editor-instance .monaco-editor.focused .cursor').first();
    const box = await until('the cursor', () => cursor.boundingBox());
    await this.page.mouse.move(box.x + 200, box.y - 200);
    await this.page.mouse.move(box.x + 6, box.y + box.height / 2, { steps: 4 });
  }

  /** Rows of the Problems panel as they read. */
  async problems() {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') || el.textContent || ''));
  }

  /** Opens the quick fix menu at the cursor and waits for the action whose title includes `title`. */
  async quickFix(title) {
    await this.keyboard.press('Control+.');
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().waitFor({ timeout: 10_000 });
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }
}
