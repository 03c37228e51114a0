/**
 * Turns the reader's selection inside one block into a W3C selector, with the same plain-text
 * walk the server uses. Listens to selectionchange, so mouse, keyboard (shift+arrows, caret
 * browsing) and touch (long-press handles) all work; part of the bundle (no inline script).
 */
import { useEffect, useState, type RefObject } from "react";
import { selectorFor, trimSpan, type TextSelector } from "~/modules/comments/anchor";
import { offsetOfPoint, walkPlainText, type PlainNode } from "~/modules/documents/plain-text";

export interface BlockSelection extends TextSelector {
  blockId: string;
}

function textRootOf(node: Node | null): HTMLElement | null {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return (element?.closest("[data-block-text]") as HTMLElement | null) ?? null;
}

/** The selector of the current selection, if it lies within one block's text. */
export function readSelection(container: HTMLElement): BlockSelection | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const root = textRootOf(range.startContainer);
  if (!root || root !== textRootOf(range.endContainer) || !container.contains(root)) return undefined;
  const blockId = root.closest("[data-block-id]")?.getAttribute("data-block-id");
  if (!blockId) return undefined;
  const walk = walkPlainText(root as unknown as PlainNode);
  const start = offsetOfPoint(walk, range.startContainer as unknown as PlainNode, range.startOffset);
  const end = offsetOfPoint(walk, range.endContainer as unknown as PlainNode, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  const span = trimSpan(walk.text, Math.min(start, end), Math.max(start, end));
  const selector = selectorFor(walk.text, span.start, span.end);
  return selector ? { ...selector, blockId } : undefined;
}

/**
 * The last non-empty selection in the container. It is kept when the selection collapses
 * (the reader clicks into the comment box), until `clear` is called.
 */
export function useTextSelection(container: RefObject<HTMLElement>) {
  const [selection, setSelection] = useState<BlockSelection | undefined>(undefined);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      if (!container.current) return;
      const next = readSelection(container.current);
      if (next) setSelection((prev) => (prev && prev.blockId === next.blockId && prev.start === next.start && prev.end === next.end ? prev : next));
    };
    // Touch devices fire selectionchange while the handles move: wait for it to settle.
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("mouseup", update);
    document.addEventListener("keyup", update);
    document.addEventListener("touchend", onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("mouseup", update);
      document.removeEventListener("keyup", update);
      document.removeEventListener("touchend", onChange);
    };
  }, [container]);
  return { selection, clear: () => setSelection(undefined) };
}
