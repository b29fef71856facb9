import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidebarApp } from './SidebarApp';

render(<SidebarApp messenger={(message) => browser.runtime.sendMessage(message)} />, document.getElementById('app')!);
