// The reader's highlights, excerpts and page notes: made on the page, edited in extension pages.

import { annotationsOfArticle, createAnnotation, resolveConflict, setDeleted, setPageNote, updateAnnotation } from '../../storage/annotations';
import { savePreferences } from '../../storage/preferences';
import type { Handler, Handlers } from './context';
import { anchorsKey } from './sidebar';

const editOrDelete: Handler<'annotations/update' | 'annotations/delete' | 'annotations/restore'> = async (message, sender, context) => {
  if (!context.fromExtensionPage(sender)) return context.refuse(`${message.type}: not from an extension page`);
  const { deps } = context;
  const annotation =
    message.type === 'annotations/update'
      ? await updateAnnotation(deps.db, await deps.clock, message.id, message.changes, Date.now(), message.noteBase)
      : await setDeleted(deps.db, await deps.clock, message.id, message.type === 'annotations/delete');
  await context.annotationsChanged(annotation.articleKey, [annotation.id]);
  return { ok: true, annotation };
};

export const annotationHandlers: Handlers = {
  async 'annotations/create'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('annotations/create: not from an article page');
    const { deps } = context;
    const tabId = sender.tab!.id!;
    const article = await context.tabs.articleOf(tabId);
    if (!article || !context.senderOwnsKey(sender, article.key)) return context.refuse('annotations/create: the article is not known yet');
    const { request } = message;
    const annotation = await createAnnotation(deps.db, await deps.clock, {
      articleKey: article.key,
      articleUrl: article.url,
      articleTitle: article.title,
      kind: request.kind,
      target: request.target,
      colour: request.colour,
      note: '',
      tags: [],
      speakers: request.speakers,
      // The source snapshot comes from what the background knows of the article, not from the request.
      excerpt:
        request.kind === 'excerpt'
          ? {
              title: article.title,
              url: article.url,
              source: article.source,
              publishedAt: article.publishedAt,
              author: article.author,
              siteName: context.siteNameOf(article.key),
              capturedAt: Date.now(),
            }
          : null,
    });
    if (request.edit) {
      context.focusByTab.set(tabId, { id: annotation.id, field: request.edit });
      await savePreferences(deps.preferences, { sidebarOpen: true });
      await deps.sendToTab(tabId, { type: 'sidebar/set-open', open: true }).catch(() => undefined);
    }
    await context.annotationsChanged(article.key, [annotation.id], tabId);
    return { ok: true, id: annotation.id };
  },
  async 'annotations/of-page'(_message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('annotations/of-page: not from an article page');
    // The article the tab registered (article/opened checked it was of the page's site).
    const article = await context.tabs.articleOf(sender.tab!.id!);
    if (!article || !context.senderOwnsKey(sender, article.key)) return context.refuse('annotations/of-page: the article is not known yet');
    const annotations = await annotationsOfArticle(context.deps.db, article.key);
    // Only what painting needs: the page never holds the reader's notes or tags.
    return { ok: true, annotations: annotations.flatMap(({ id, kind, colour, target }) => (target ? [{ id, kind, colour, target }] : [])) };
  },
  async 'annotations/anchored'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('annotations/anchored: not from an article page');
    if (!context.senderOwnsKey(sender, message.key)) return context.refuse('annotations/anchored: article key does not match the sending page');
    const tabId = sender.tab!.id!;
    await context.deps.session.set({ [anchorsKey(tabId)]: { key: message.key, anchors: message.anchors } });
    await context.pushState(tabId);
    return { ok: true };
  },
  async 'annotations/focus'(message, sender, context) {
    if (!context.fromArticlePage(sender)) return context.refuse('annotations/focus: not from an article page');
    const tabId = sender.tab!.id!;
    context.focusByTab.set(tabId, { id: message.id, field: 'note' });
    await savePreferences(context.deps.preferences, { sidebarOpen: true });
    await context.deps.sendToTab(tabId, { type: 'sidebar/set-open', open: true }).catch(() => undefined);
    await context.pushState(tabId);
    return { ok: true };
  },
  'annotations/update': editOrDelete as Handler<'annotations/update'>,
  'annotations/delete': editOrDelete as Handler<'annotations/delete'>,
  'annotations/restore': editOrDelete as Handler<'annotations/restore'>,
  async 'annotations/resolve-conflict'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('annotations/resolve-conflict: not from an extension page');
    const annotation = await resolveConflict(context.deps.db, await context.deps.clock, message.id, message.field, message.value);
    await context.annotationsChanged(annotation.articleKey, [annotation.id]);
    return { ok: true, annotation };
  },
  async 'annotations/set-page-note'(message, sender, context) {
    if (!context.fromExtensionPage(sender)) return context.refuse('annotations/set-page-note: not from an extension page');
    const { deps } = context;
    const article = await deps.db.articles.get(message.articleKey);
    if (!article) return context.refuse('annotations/set-page-note: unknown article');
    const clock = await deps.clock;
    const annotation = await setPageNote(deps.db, clock, { articleKey: article.key, articleUrl: article.url, articleTitle: article.title }, message.note, message.base);
    await context.annotationsChanged(message.articleKey, [annotation.id]);
    return { ok: true, annotation };
  },
};
