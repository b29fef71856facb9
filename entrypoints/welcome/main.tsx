import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { parseMessage } from '../../messaging/protocol';
import { applyTextSize } from '../../components/TextSizePanel';
import { WelcomeApp } from './WelcomeApp';

// The first-run page: opened once when the extension is installed, and from the popup and library any time.
const { language, textSize } = await loadPreferences(browser.storage.local as KeyValueArea);
document.documentElement.lang = language;
applyTextSize(document, textSize);
// The reader may size the text in the library while this page is open.
browser.runtime.onMessage.addListener((raw: unknown) => {
  const parsed = parseMessage(raw);
  if (parsed.ok && parsed.value.type === 'preferences/changed') applyTextSize(document, parsed.value.textSize);
  return undefined;
});
render(
  <WelcomeApp
    language={language}
    openLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
  />,
  document.getElementById('app')!,
);
