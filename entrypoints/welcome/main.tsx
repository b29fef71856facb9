import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadPreferences, type KeyValueArea } from '../../storage/preferences';
import { WelcomeApp } from './WelcomeApp';

// The first-run page: opened once when the extension is installed, and from the popup and library any time.
const language = (await loadPreferences(browser.storage.local as KeyValueArea)).language;
document.documentElement.lang = language;
render(
  <WelcomeApp
    language={language}
    openLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
  />,
  document.getElementById('app')!,
);
