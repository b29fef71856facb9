import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './sites/portal-hosts';
import { optionalSitePatterns } from './sites/enabled-sites';

// Browser tests of sync build a second copy that may already reach the local test server: Chromium offers
// automation no way to answer the optional-permission prompt. Production builds never set this.
const TEST_HOSTS = process.env.ANYUE_TEST_HOSTS ? process.env.ANYUE_TEST_HOSTS.split(',') : [];
// The built-in sites besides the portal: asked for when the reader enables one (popup), never at install.
const SITE_PATTERNS = optionalSitePatterns();

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: TEST_HOSTS.length ? '.output-test-hosts' : '.output',
  manifest: ({ browser }) => ({
    name: '安阅 · Safety News Annotator',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: 高亮 / 摘录 on a selection; alarms: periodic sync. Neither grants access to pages.
    // scripting: the content script is registered for sites the reader enables. activeTab: the popup may see
    // which page it was opened on (to offer 在此网站启用) without access to any other tab.
    permissions: ['storage', 'contextMenus', 'alarms', 'scripting', 'activeTab'],
    host_permissions: [...PORTAL_MATCHES, ...TEST_HOSTS],
    // The reader's sync server (坚果云, Nextcloud, CouchDB …) is asked for when it is set up, not at install.
    optional_host_permissions: [...SITE_PATTERNS, 'https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_toggleSidebar__' },
    commands: {
      'toggle-sidebar': {
        // Y for 阅. (Chromium keeps Alt+Shift+A for itself and silently drops it.)
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_toggleSidebar__',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_highlightSelection__',
      },
      'save-excerpt': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_saveExcerpt__',
      },
    },
    // The sidebar page is framed into pages of the sites the extension may serve only; its contents stay in
    // the extension's origin. Any http(s) page may host it: the reader can enable the generic reader on any
    // site. Chromium: only under the per-session dynamic id (use_dynamic_url), so a page cannot guess the URL
    // from the extension's fixed id. Firefox MV2 keeps the bare list (WXT drops `matches`: any page may frame
    // it; its moz-extension id is random per install). Either way the sidebar's one-time token is what keeps
    // a copy the page framed itself blank (messaging/handlers/sidebar.ts).
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: hosts asked for later go into optional_permissions.
          optional_permissions: [...SITE_PATTERNS, 'https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'anyue@safety-news-annotator',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    // Preact JSX through Vite's own Oxc transform (there is no WXT Preact module).
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Chromium refuses content scripts that are not valid UTF-8; rolldown may emit raw U+FFFF otherwise.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
