// The portal's hosts. Host permissions and content-script matches are derived from this one list,
// so least privilege is decided in one place.
export const PORTAL_HOSTS = ['zaihaifangyu.cn', 'www.zaihaifangyu.cn'] as const;

export const PORTAL_MATCHES: string[] = PORTAL_HOSTS.flatMap((host) => [
  `http://${host}/*`,
  `https://${host}/*`,
]);
