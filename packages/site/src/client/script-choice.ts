/**
 * Loaded in <head>, before the page is drawn: applies the display script the
 * reader chose on an earlier page, so text does not flash in another script.
 */
import { isScriptKey, SCRIPT_STORAGE_KEY } from './script-key.js';

try {
  const stored = localStorage.getItem(SCRIPT_STORAGE_KEY);
  if (isScriptKey(stored)) document.documentElement.dataset.script = stored;
} catch {
  // Storage may be off; the original script is shown.
}
