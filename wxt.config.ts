import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './sites/portal-hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '安阅 · Safety News Annotator',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: 高亮 / 摘录 on a selection; it grants no access to pages.
    permissions: ['storage', 'contextMenus'],
    host_permissions: PORTAL_MATCHES,
    action: { default_title: '__MSG_toggleSidebar__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+A' },
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
    // The sidebar page is framed into portal pages only; its contents stay in the extension's origin.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: PORTAL_MATCHES }],
    ...(browser === 'firefox'
      ? {
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
