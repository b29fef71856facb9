import { browser } from 'wxt/browser';
import { createMessageHandler, toggleSidebarInTab, type BackgroundDeps } from '../messaging/background-router';
import type { Message } from '../messaging/protocol';
import { AnyueDatabase } from '../storage/database';

export default defineBackground(() => {
  // storage.session is missing in old Firefox builds; an in-memory map then serves for the worker's lifetime.
  const memory = new Map<string, unknown>();
  const session = browser.storage.session ?? {
    get: async (key: string) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) memory.set(key, value);
    },
  };
  const deps: BackgroundDeps = {
    db: new AnyueDatabase(),
    preferences: browser.storage.local as BackgroundDeps['preferences'],
    session: session as BackgroundDeps['session'],
    sendToTab: (tabId: number, message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    extensionBase: browser.runtime.getURL('/'),
    log: (reason) => console.warn(`[安阅] ${reason}`),
  };
  const handleMessage = createMessageHandler(deps);

  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender));

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => {
    if (tab.id !== undefined) void toggleSidebarInTab(deps, tab.id);
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await toggleSidebarInTab(deps, tab.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void session.remove?.(`tab:${tabId}`);
    memory.delete(`tab:${tabId}`);
  });
});
