// The sites the reader enabled besides the portal, each with a switch that gives its permission back.

import { useEffect, useState } from 'preact/hooks';
import { translator } from './i18n';
import type { UiLanguage } from '../records/preferences';

export interface EnabledSite {
  site: string;
  name: string;
  nameEn: string;
}

export interface SitesSource {
  list(): Promise<EnabledSite[]>;
  /** Removes the site's host permissions; false when the browser kept them. */
  remove(site: string): Promise<boolean>;
}

export function SitesPanel({ language, source }: { language: UiLanguage; source: SitesSource }) {
  const t = translator(language);
  const [sites, setSites] = useState<EnabledSite[] | null>(null);
  const reload = () => void source.list().then(setSites);
  useEffect(reload, [source]);
  if (!sites) return null;
  return (
    <section class="sites-panel">
      <p class="meta">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p class="sites-none">{t('sitesNone')}</p>
      ) : (
        <ul class="sites">
          {sites.map(({ site, name, nameEn }) => {
            const label = t('siteSwitch').replace('{site}', language === 'en' ? nameEn : name);
            return (
              <li key={site}>
                <label>
                  <input type="checkbox" role="switch" checked aria-label={label} onClick={() => void source.remove(site).then(reload)} />
                  {label} {name !== site && <span class="meta">{site}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
