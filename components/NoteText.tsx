// A note rendered from its Markdown (components/note-markdown.ts): Preact elements and text nodes only, so no
// HTML written in a note (or synced from another device) ever becomes markup; links open as plain links.

import type { ComponentChildren } from 'preact';
import { parseNoteMarkdown, type Inline } from './note-markdown';

function inlines(parts: Inline[]): ComponentChildren {
  return parts.map((part, index) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'code':
        return <code key={index}>{part.text}</code>;
      case 'strong':
        return <strong key={index}>{inlines(part.children)}</strong>;
      case 'em':
        return <em key={index}>{inlines(part.children)}</em>;
      case 'link':
        return (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {inlines(part.children)}
          </a>
        );
    }
  });
}

const withBreaks = (lines: Inline[][]) => lines.map((line, index) => [index > 0 && <br key={`br${index}`} />, inlines(line)]);

export function NoteText({ note }: { note: string }) {
  return (
    <div class="note-rendered">
      {parseNoteMarkdown(note).map((block, index) => {
        switch (block.kind) {
          case 'paragraph':
            return <p key={index}>{withBreaks(block.lines)}</p>;
          case 'heading': {
            const Tag = (['h4', 'h5', 'h6'] as const)[block.level - 1]!;
            return <Tag key={index}>{inlines(block.children)}</Tag>;
          }
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, n) => (
                  <li key={n}>{inlines(item)}</li>
                ))}
              </List>
            );
          }
          case 'quote':
            return <blockquote key={index}>{withBreaks(block.lines)}</blockquote>;
          case 'code':
            return (
              <pre key={index}>
                <code>{block.text}</code>
              </pre>
            );
        }
      })}
    </div>
  );
}
