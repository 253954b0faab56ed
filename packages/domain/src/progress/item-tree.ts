/** Anything placed in a checklist tree: items of a stage, template items. */
export interface TTreeEntry {
  id: string;
  parentId: string | null;
  position: number;
}

export interface TTreeNode<T extends TTreeEntry> {
  item: T;
  children: TTreeNode<T>[];
}

/**
 * A flat list as a tree by `parentId`, siblings ordered by `position`. An entry whose parent is
 * not in the list (filtered out, or in another stage) becomes a root rather than disappearing.
 */
export function buildItemTree<T extends TTreeEntry>(items: readonly T[]): TTreeNode<T>[] {
  const nodes = new Map<string, TTreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TTreeNode<T>[]) => {
    list.sort((a, b) => a.item.position - b.item.position);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Whether any item below `node` still needs work: its parent cannot be marked done yet. */
export function hasOpenDescendant<T extends TTreeEntry & { status: string }>(
  node: TTreeNode<T>,
  isOpen: (status: T['status']) => boolean,
): boolean {
  return node.children.some(
    (child) => isOpen(child.item.status) || hasOpenDescendant(child, isOpen),
  );
}
