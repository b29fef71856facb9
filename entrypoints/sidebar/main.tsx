import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { SidebarState } from '../../messaging/protocol';
import { SidebarApp, type Subscribe } from './SidebarApp';

/** State pushed by the background over a port; reconnects when the background restarts. */
const subscribe: Subscribe = (listener) => {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect>;
  const connect = () => {
    port = browser.runtime.connect({ name: 'sidebar' });
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as { type?: unknown; state?: SidebarState };
      if (message?.type === 'sidebar/state' && message.state) listener(message.state);
    });
    port.onDisconnect.addListener(() => {
      if (!stopped) setTimeout(connect, 500);
    });
  };
  connect();
  return () => {
    stopped = true;
    port.disconnect();
  };
};

// The page may frame its own copy of this page to show or overlay it: nothing is shown, and nothing is asked
// for, until the background confirms this is the frame the content script created (its one-time token).
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
history.replaceState(null, '', location.pathname + location.search);
void (browser.runtime.sendMessage({ type: 'sidebar/redeem', token: token.slice(0, 64) }) as Promise<{ ok?: boolean } | undefined>)
  .catch(() => undefined)
  .then((reply) => {
    if (!reply?.ok) return;
    render(
      <SidebarApp
        messenger={(message) => browser.runtime.sendMessage(message)}
        subscribe={subscribe}
        openLibrary={() => void browser.runtime.sendMessage({ type: 'library/open' })}
      />,
      document.getElementById('app')!,
    );
  });
