import { type MessageLang, messageLangOf } from '@factcite/core';
import * as vscode from 'vscode';
import { type DisplaySetting, toDisplaySetting } from './display.js';

/** Reads factcite.* settings; every read is fresh, so changes apply at once. */
export const settings = {
  display(): DisplaySetting {
    return toDisplaySetting(vscode.workspace.getConfiguration('factcite').get('displayScript'));
  },
  languages(): string[] {
    const value = vscode.workspace.getConfiguration('factcite').get<unknown>('languages');
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : ['markdown', 'plaintext', 'quarto'];
  },
  inlineValues(): boolean {
    return vscode.workspace.getConfiguration('factcite').get<boolean>('inlineValues', false);
  },
  definitionTarget(): 'source' | 'yaml' {
    return vscode.workspace.getConfiguration('factcite').get('definitionTarget') === 'yaml' ? 'yaml' : 'source';
  },
  /** Whether numbers that state a fact without citing it get an uncited-claim hint ("on" unless set to "off"). */
  uncitedClaims(): boolean {
    return vscode.workspace.getConfiguration('factcite').get('uncitedClaims') !== 'off';
  },
  clickAction(): 'insert' | 'reveal' {
    return vscode.workspace.getConfiguration('factcite').get('factsView.clickAction') === 'reveal' ? 'reveal' : 'insert';
  },
  /** Language of diagnostics and quick fixes: the setting, else VS Code's display language (zh-cn, zh-tw, zh-hk…), else English. */
  messagesLanguage(): MessageLang {
    const chosen = vscode.workspace.getConfiguration('factcite').get<string>('messagesLanguage');
    if (chosen === 'en' || chosen === 'zh-Hans' || chosen === 'zh-Hant') return chosen;
    return messageLangOf(vscode.env.language) ?? 'en';
  },
  reportUnusedSuppressions(): boolean {
    return vscode.workspace.getConfiguration('factcite').get<boolean>('reportUnusedSuppressions', false);
  },
};

/** Whether factcite works in a document, by the factcite.languages setting. */
export function isCiteable(document: vscode.TextDocument): boolean {
  return settings.languages().includes(document.languageId);
}
