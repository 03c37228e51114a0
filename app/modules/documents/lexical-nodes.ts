/** The Lexical node types of a Kenes draft: the same list in the browser editor and on the server. */
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { TableCellNode, TableNode, TableRowNode } from "@lexical/table";

export const draftNodes = [HeadingNode, QuoteNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode, LinkNode, AutoLinkNode];

export interface SerializedNode {
  type: string;
  children?: SerializedNode[];
  text?: string;
  tag?: string;
  [key: string]: unknown;
}

export interface SerializedDocument {
  root: SerializedNode;
}

/** A Lexical editor state holding just these top-level nodes. */
export function documentOf(children: SerializedNode[]): SerializedDocument {
  return { root: { type: "root", version: 1, direction: null, format: "", indent: 0, children } };
}

export function isSerializedDocument(value: unknown): value is SerializedDocument {
  const root = (value as SerializedDocument | null)?.root;
  return !!root && typeof root === "object" && root.type === "root" && Array.isArray(root.children);
}
