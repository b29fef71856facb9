import { browser } from 'wxt/browser';
import { createBackground, type BackgroundDeps, type SidebarPort } from '../messaging/background-router';
import type { Message } from '../messaging/protocol';
import { AnyueDatabase } from '../storage/database';
import { loadDeviceClock } from '../storage/device';

export default defineBackground(() => {
  // storage.session is missing in old Firefox builds; an in-memory map then serves for the worker's lifetime.
  const memory = new Map<string, unknown>();
  const session = browser.storage.session ?? {
    get: async (key: string) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) memory.set(key, value);
    },
    remove: async (key: string) => void memory.delete(key),
  };
  const background = createBackground({
    db: new AnyueDatabase(),
    clock: loadDeviceClock(browser.storage.local as BackgroundDeps['preferences']),
    preferences: browser.storage.local as BackgroundDeps['preferences'],
    session: session as BackgroundDeps['session'],
    sendToTab: (tabId: number, message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    extensionBase: browser.runtime.getURL('/'),
    log: (reason) => console.warn(`[安阅] ${reason}`),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => background.handleMessage(message, sender));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === 'sidebar') background.connectSidebar(port as unknown as SidebarPort);
  });

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => {
    if (tab.id !== undefined) void background.toggleSidebarInTab(tab.id);
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await background.toggleSidebarInTab(tab.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => void background.forgetTab(tabId));
});
